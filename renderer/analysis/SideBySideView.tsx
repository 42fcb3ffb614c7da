/** Side by side: two or more documents filtered to one code, their segments in columns. */
import { plural } from '../../app/domain/plural.js';
import { CodeSelect, CountingNote, optionScope, useLoad, type AnalysisProps } from './common.js';
import { SegmentList } from './SegmentList.js';
import { MultiPick } from './SegmentsView.js';
import { stringList, usePersistentOption } from './usePersistentOption.js';

export function SideBySideView(props: AnalysisProps) {
  const { wb } = props;
  const scope = optionScope(wb, 'sidebyside');
  const [storedCode, setCode] = usePersistentOption(scope, 'code', '');
  const [subcodes, setSubcodes] = usePersistentOption(scope, 'includeSubcodes', true);
  const [storedPicked, setPicked] = usePersistentOption<string[]>(scope, 'documents', [], stringList);
  // Until a code is chosen (or if the chosen one is gone): the code found in most documents.
  const code = wb.codes.some((c) => c.id === storedCode) ? storedCode : ([...wb.codes].sort((a, b) => b.documents - a.documents || b.segments - a.segments)[0]?.id ?? '');
  const picked = storedPicked.filter((id) => wb.documents.some((d) => d.id === id));
  const result = useLoad(
    () => (code ? wb.api.run('retrieval.segments', { code, includeSubcodes: subcodes }) : Promise.resolve(null)),
    [wb.api, wb.project, code, subcodes],
  );
  const segments = result.data?.segments ?? [];
  // Default: every document the code occurs in, up to four.
  const occurring = wb.documents.filter((d) => segments.some((s) => s.documentId === d.id));
  const columns = picked.length > 0 ? wb.documents.filter((d) => picked.includes(d.id)) : occurring.slice(0, 4);

  return (
    <section className="analysis-view" aria-label="Side by side">
      <div className="analysis-toolbar">
        <label className="field-inline">
          <span>Code</span>
          <CodeSelect codes={wb.codes} value={code} onChange={setCode} label="Side by side code" />
        </label>
        <label className="field-inline check">
          <input type="checkbox" checked={subcodes} onChange={(event) => setSubcodes(event.target.checked)} />
          <span>with sub-codes</span>
        </label>
        <MultiPick label="Documents" all="Documents with this code" options={wb.documents.map((d) => ({ value: d.id, label: d.title }))} value={picked} onChange={setPicked} />
        <CountingNote wb={wb} chosen={[]} />
      </div>
      {columns.length === 0 ? (
        <p className="empty">{code ? 'No document has segments of this code yet.' : 'Add codes to compare documents.'}</p>
      ) : (
        <div className="columns" style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(18rem, 1fr))` }}>
          {columns.map((d) => {
            const own = segments.filter((s) => s.documentId === d.id);
            return (
              <div key={d.id} className="column" role="region" aria-label={d.title}>
                <header className="column-head">
                  <strong title={d.title}>{d.title}</strong>
                  <span className="muted small">{plural(own.length, 'segment')}</span>
                </header>
                <SegmentList segments={own} codes={wb.codes} onJump={(s) => props.jumpTo(s.documentId, s.start, s.end)} hideDocument label={`Segments in ${d.title}`} />
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}
