/**
 * Code × code co-occurrence: segments that overlap, or that fall in the same paragraph, as a
 * symmetric heatmap; a click on a cell lists the co-occurring pairs. CSV export.
 */
import { useMemo, useState } from 'react';
import { type AnalysisProps, CodeColumnHeads, CodeLabel, CoderSelect, CountingNote, optionScope, type RetrievedSegment, saveCsv, Swatch, useLoad } from './common.js';
import { fileSlug, heatStyle } from './heat.js';
import { SegmentList } from './SegmentList.js';
import { oneOf, usePersistentOption } from './usePersistentOption.js';

export function CooccurrenceView(props: AnalysisProps) {
  const { wb } = props;
  const options = optionScope(wb, 'cooccurrence');
  const [scope, setScope] = usePersistentOption<'overlap' | 'paragraph'>(options, 'scope', 'overlap', oneOf('overlap', 'paragraph'));
  const [storedCoder, setCoder] = usePersistentOption(options, 'coder', '');
  const coder = storedCoder === '' || wb.coders.some((c) => c.name === storedCoder) ? storedCoder : '';
  const [picked, setPicked] = useState<{ a: number; b: number } | null>(null);
  const input = { scope, ...(coder ? { coder } : {}) };
  const key = JSON.stringify(input);
  // Counts only for the whole matrix (the fast query); a picked cell fetches its own pairs.
  const matrix = useLoad(() => wb.api.run('analysis.cooccurrence', { ...input, withSegments: false }), [wb.api, wb.project, key]);
  const data = matrix.data;
  // Only codes that occur: an empty row and column says nothing.
  const used = useMemo(() => {
    if (!data) return [];
    const seen = new Set<number>();
    for (const cell of data.cells) {
      seen.add(cell.a);
      seen.add(cell.b);
    }
    return data.columns.map((column, i) => ({ column, i })).filter(({ i }) => seen.has(i));
  }, [data]);
  const cells = useMemo(() => new Map((data?.cells ?? []).map((cell) => [`${cell.a}:${cell.b}`, cell])), [data]);
  const max = useMemo(() => Math.max(0, ...(data?.cells ?? []).filter((cell) => cell.a !== cell.b).map((cell) => cell.count)), [data]);
  const pickedCell = picked ? cells.get(`${Math.min(picked.a, picked.b)}:${Math.max(picked.a, picked.b)}`) : undefined;
  const pickedKey = picked && pickedCell ? `${picked.a}:${picked.b}` : '';
  const cellPairs = useLoad(async (): Promise<[string, string][]> => {
    const a = picked ? data?.columns[picked.a] : undefined;
    const b = picked ? data?.columns[picked.b] : undefined;
    if (!pickedCell || !a || !b) return [];
    const pair = await wb.api.run('analysis.cooccurrence', { ...input, codes: a.codeId === b.codeId ? [a.codeId] : [a.codeId, b.codeId], withSegments: true });
    const wanted = a.codeId === b.codeId ? [0, 0] : [0, 1];
    return pair.cells.find((cell) => cell.a === wanted[0] && cell.b === wanted[1])?.pairs ?? [];
  }, [wb.api, data, pickedKey]);
  const pairs = cellPairs.data ?? [];
  const ids = [...new Set(pairs.flat())];
  const segments = useLoad(async () => (ids.length > 0 ? (await wb.api.run('retrieval.segments', { ids })).segments : []), [wb.api, ids.join(',')]);
  const byId = new Map<string, RetrievedSegment>((segments.data ?? []).map((s) => [s.id, s]));

  const exportCsv = async (): Promise<void> => {
    const { csv } = await wb.api.run('analysis.cooccurrenceCsv', input);
    await saveCsv(props, `${fileSlug(wb.project?.name ?? 'gloss')}-cooccurrence-${scope}.csv`, csv);
  };

  return (
    <section className="analysis-view" aria-label="Co-occurrence">
      <div className="analysis-toolbar">
        <div className="segmented" role="radiogroup" aria-label="Co-occurrence scope">
          {(['overlap', 'paragraph'] as const).map((s) => (
            <button key={s} type="button" role="radio" aria-checked={scope === s} className={scope === s ? 'on' : ''} onClick={() => { setScope(s); setPicked(null); }}>
              {s === 'overlap' ? 'Overlapping segments' : 'Same paragraph'}
            </button>
          ))}
        </div>
        <CoderSelect coders={wb.coders} value={coder} onChange={setCoder} label="Co-occurrence coder" />
        <CountingNote wb={wb} chosen={coder ? [coder] : []} />
        <span className="muted small">Diagonal: each code’s segments. Off it: {scope === 'overlap' ? 'pairs of overlapping segments' : 'paragraphs both codes touch'}.</span>
        <span className="toolbar-spacer" />
        <button type="button" className="button small" onClick={() => void exportCsv()} disabled={!data}>
          Export CSV
        </button>
      </div>
      <div className="analysis-split">
        <div className="matrix-scroll">
          {matrix.error && <p className="empty error-text">{matrix.error}</p>}
          {data && used.length === 0 && <p className="empty">No coded segments yet.</p>}
          {data && used.length > 0 && (
            <table className="heat-table" aria-label="Co-occurrence matrix">
              <thead>
                <tr>
                  <th className="corner" scope="col">
                    Code
                  </th>
                  <CodeColumnHeads columns={used.map(({ column }) => column)} />
                </tr>
              </thead>
              <tbody>
                {used.map(({ column: rowColumn, i: a }) => (
                  <tr key={rowColumn.codeId}>
                    <th scope="row" className="row-head" title={rowColumn.code}>
                      <Swatch color={rowColumn.color} /> <CodeLabel path={rowColumn.code} />
                    </th>
                    {used.map(({ column, i: b }) => {
                      const cell = cells.get(`${Math.min(a, b)}:${Math.max(a, b)}`);
                      const diagonal = a === b;
                      const style = diagonal ? { background: 'var(--panel)', color: 'var(--muted)' } : heatStyle(cell?.count ?? 0, max);
                      const isPicked = !!picked && ((picked.a === a && picked.b === b) || (picked.a === b && picked.b === a));
                      return (
                        <td key={column.codeId} className={`heat-cell${isPicked ? ' picked' : ''}${diagonal ? ' diagonal' : ''}`} style={{ background: style.background, color: style.color }}>
                          {cell && !diagonal ? (
                            <button type="button" onClick={() => setPicked(isPicked ? null : { a, b })} aria-label={`${rowColumn.code} with ${column.code}: ${cell.count}`} aria-pressed={isPicked}>
                              {cell.count}
                            </button>
                          ) : (
                            <span className={diagonal ? 'diag' : 'zero'}>{diagonal ? (cell?.count ?? 0) : '·'}</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        {picked && data && (
          <aside className="cell-segments" aria-label="Co-occurring passages">
            <header className="cell-segments-head">
              <strong>
                {data.columns[picked.a]?.code} with {data.columns[picked.b]?.code}
              </strong>
              <span className="muted small">
                {pairs.length} {scope === 'overlap' ? 'overlapping pairs' : 'pairs in shared paragraphs'}
              </span>
              <button type="button" className="link" aria-label="Close" onClick={() => setPicked(null)}>
                ×
              </button>
            </header>
            <ol className="pair-list">
              {pairs.map(([x, y]) => {
                const pair = [byId.get(x), byId.get(y)].filter((s): s is RetrievedSegment => s !== undefined);
                return (
                  <li key={`${x}:${y}`}>
                    <SegmentList segments={pair} codes={wb.codes} onJump={(s) => props.jumpTo(s.documentId, s.start, s.end)} label="Co-occurring pair" />
                  </li>
                );
              })}
            </ol>
          </aside>
        )}
      </div>
    </section>
  );
}
