/**
 * Code × document matrix: rows are documents or groups by an attribute; segments, coverage % or
 * per 1,000 words as a heatmap table; a click on a cell lists its segments. CSV export.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Output } from '../../app/service/contract.js';
import { type AnalysisProps, CodeColumnHeads, CoderSelect, CountingNote, leafName, optionScope, saveCsv, useLoad } from './common.js';
import { fileSlug, formatMeasure, heatStyle, MEASURE_LABELS, type Measure } from './heat.js';
import { SegmentList } from './SegmentList.js';
import { oneOf, usePersistentOption } from './usePersistentOption.js';

type Matrix = Output<'analysis.matrix'>;
type Cell = Matrix['cells'][number];

function valueOf(cell: Pick<Cell, 'count' | 'coverage' | 'per1000Words'> | undefined, measure: Measure): number | null {
  if (!cell) return 0;
  return measure === 'count' ? cell.count : measure === 'coverage' ? cell.coverage : cell.per1000Words;
}

export function MatrixView(props: AnalysisProps) {
  const { wb } = props;
  const scope = optionScope(wb, 'matrix');
  const [storedRows, setRows] = usePersistentOption(scope, 'rows', 'document');
  const [measure, setMeasure] = usePersistentOption<Measure>(scope, 'measure', 'count', oneOf('count', 'coverage', 'per1000'));
  const [subcodes, setSubcodes] = usePersistentOption(scope, 'includeSubcodes', false);
  const [storedCoder, setCoder] = usePersistentOption(scope, 'coder', '');
  const [hideEmpty, setHideEmpty] = usePersistentOption(scope, 'hideUncoded', true);
  const [picked, setPicked] = useState<{ row: number; column: number } | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  // The cell's list takes the lower part of the pane: keep the picked cell in sight above it,
  // clear of the sticky header, totals row and first column.
  useEffect(() => {
    const box = scroller.current;
    const cell = picked ? box?.querySelector('.heat-cell.picked') : null;
    if (!box || !cell) return;
    const at = cell.getBoundingClientRect();
    const pane = box.getBoundingClientRect();
    // From the heights of the sticky parts, not their positions: a sticky row's box sits where it would without sticking.
    const top = pane.top + (box.querySelector('thead')?.getBoundingClientRect().height ?? 0);
    const bottom = pane.top + box.clientHeight - (box.querySelector('tfoot')?.getBoundingClientRect().height ?? 0);
    const left = pane.left + (box.querySelector('tbody .row-head')?.getBoundingClientRect().width ?? 0);
    const right = pane.left + box.clientWidth;
    if (at.bottom > bottom) box.scrollTop += at.bottom - bottom;
    else if (at.top < top) box.scrollTop -= top - at.top;
    if (at.right > right) box.scrollLeft += at.right - right;
    else if (at.left < left) box.scrollLeft -= left - at.left;
  }, [picked]);
  const attributes = useLoad(() => wb.api.run('attributes.list', {}), [wb.api, wb.project]);
  // A kept option that no longer exists (an attribute or coder since removed) falls back to the default.
  const rows = storedRows === 'document' || (attributes.data ?? []).some((a) => a.name === storedRows) ? storedRows : attributes.data ? 'document' : storedRows;
  const coder = storedCoder === '' || wb.coders.some((c) => c.name === storedCoder) ? storedCoder : '';
  const input = { ...(rows !== 'document' ? { rows } : {}), includeSubcodes: subcodes, ...(coder ? { coder } : {}) };
  const key = JSON.stringify(input);
  // The whole matrix comes without segment lists (the fast query); a picked cell fetches its own.
  const matrix = useLoad(() => wb.api.run('analysis.matrix', { ...input, withSegments: false }), [wb.api, wb.project, key]);

  const cells = useMemo(() => new Map((matrix.data?.cells ?? []).map((cell) => [`${cell.row}:${cell.column}`, cell])), [matrix.data]);
  const max = useMemo(() => Math.max(0, ...(matrix.data?.cells ?? []).map((cell) => valueOf(cell, measure) ?? 0)), [matrix.data, measure]);
  const pickedCell = picked ? cells.get(`${picked.row}:${picked.column}`) : undefined;
  const pickedKey = picked && pickedCell ? `${picked.row}:${picked.column}` : '';
  const segments = useLoad(async () => {
    const row = picked ? matrix.data?.rows[picked.row] : undefined;
    const column = picked ? matrix.data?.columns[picked.column] : undefined;
    if (!pickedCell || !row || !column || row.documentIds.length === 0) return [];
    const cell = await wb.api.run('analysis.matrix', { ...input, codes: [column.codeId], documents: row.documentIds, withSegments: true });
    const ids = cell.cells.flatMap((one) => one.segmentIds);
    return ids.length > 0 ? (await wb.api.run('retrieval.segments', { ids })).segments : [];
  }, [wb.api, matrix.data, pickedKey]);

  const exportCsv = async (): Promise<void> => {
    const { csv } = await wb.api.run('analysis.matrixCsv', { ...input, measure });
    await saveCsv(props, `${fileSlug(wb.project?.name ?? 'gloss')}-matrix-${measure}.csv`, csv);
  };

  const data = matrix.data;
  const shown = (data?.columns ?? []).map((column, c) => ({ column, c })).filter(({ c }) => !hideEmpty || (data?.totals[c]?.count ?? 0) > 0);
  return (
    <section className="analysis-view" aria-label="Matrix">
      <div className="analysis-toolbar">
        <label className="field-inline">
          <span>Rows</span>
          <select aria-label="Rows" value={rows} onChange={(event) => { setRows(event.target.value); setPicked(null); }}>
            <option value="document">Documents</option>
            {(attributes.data ?? []).map((a) => (
              <option key={a.id} value={a.name}>
                by {a.name}
              </option>
            ))}
          </select>
        </label>
        <div className="segmented" role="radiogroup" aria-label="Measure">
          {(Object.keys(MEASURE_LABELS) as Measure[]).map((m) => (
            <button key={m} type="button" role="radio" aria-checked={measure === m} className={measure === m ? 'on' : ''} onClick={() => setMeasure(m)}>
              {MEASURE_LABELS[m]}
            </button>
          ))}
        </div>
        <label className="field-inline check">
          <input type="checkbox" checked={subcodes} onChange={(event) => setSubcodes(event.target.checked)} />
          <span>count sub-codes in parents</span>
        </label>
        <label className="field-inline check">
          <input type="checkbox" checked={hideEmpty} onChange={(event) => setHideEmpty(event.target.checked)} />
          <span>hide uncoded codes</span>
        </label>
        <CoderSelect coders={wb.coders} value={coder} onChange={setCoder} label="Matrix coder" />
        <CountingNote wb={wb} chosen={coder ? [coder] : []} />
        <span className="toolbar-spacer" />
        <button type="button" className="button small" onClick={() => void exportCsv()} disabled={!data}>
          Export CSV
        </button>
      </div>
      <div className="analysis-split">
        <div className="matrix-scroll" ref={scroller}>
          {matrix.error && <p className="empty error-text">{matrix.error}</p>}
          {data && data.columns.length === 0 && <p className="empty">Add codes to see the matrix.</p>}
          {data && data.columns.length > 0 && (
            <table className="heat-table" aria-label="Code by document matrix">
              <thead>
                <tr>
                  <th className="corner" scope="col">
                    {rows === 'document' ? 'Document' : rows}
                    <span className="muted small"> · {MEASURE_LABELS[measure].toLowerCase()}</span>
                  </th>
                  <CodeColumnHeads columns={shown.map(({ column }) => column)} />
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row, r) => (
                  <tr key={String(row.key)}>
                    <th scope="row" className="row-head" title={`${row.label} · ${row.words.toLocaleString()} words`}>
                      {row.label}
                      {rows !== 'document' && <span className="muted small"> ({row.documentIds.length})</span>}
                    </th>
                    {shown.map(({ column, c }) => {
                      const cell = cells.get(`${r}:${c}`);
                      const value = valueOf(cell, measure);
                      const style = heatStyle(value ?? 0, max);
                      const isPicked = picked?.row === r && picked.column === c;
                      return (
                        <td key={column.codeId} className={`heat-cell${isPicked ? ' picked' : ''}`} style={{ background: style.background, color: style.color }}>
                          {cell ? (
                            <button type="button" onClick={() => setPicked(isPicked ? null : { row: r, column: c })} aria-label={`${row.label} × ${column.code}: ${formatMeasure(measure, value)}`} aria-pressed={isPicked}>
                              {formatMeasure(measure, value)}
                            </button>
                          ) : (
                            <span className="zero">·</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" className="row-head">All</th>
                  {shown.map(({ c }) => (
                    <td key={c} className="total-cell">
                      {formatMeasure(measure, valueOf(data.totals[c], measure))}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          )}
        </div>
        {picked && data && (
          <aside className="cell-segments" aria-label="Cell segments">
            <header className="cell-segments-head">
              <strong title={`${data.rows[picked.row]?.label ?? ''} × ${data.columns[picked.column]?.code ?? ''}`}>
                {data.rows[picked.row]?.label} × {leafName(data.columns[picked.column]?.code ?? '')}
              </strong>
              <span className="muted small">{pickedCell?.count ?? 0} segments</span>
              <button type="button" className="link" aria-label="Close" onClick={() => setPicked(null)}>
                ×
              </button>
            </header>
            {segments.data && <SegmentList segments={segments.data} codes={wb.codes} onJump={(s) => props.jumpTo(s.documentId, s.start, s.end)} label="Cell segments" hideDocument={rows === 'document'} />}
          </aside>
        )}
      </div>
    </section>
  );
}
