/**
 * Retrieval: the coded segments a filter selects — code (with or without sub-codes), documents,
 * coders, review status and document attributes — with their sentences; CSV of exactly these rows.
 */
import type { Input } from '../../app/service/contract.js';
import type { ReviewStatus } from '../../app/service/reviewViews.js';
import { REVIEW_STATUS_LIST, STATUS_LABELS } from '../review/format.js';
import { CodeSelect, CountingNote, optionScope, saveCsv, useLoad, type AnalysisProps } from './common.js';
import { SegmentList } from './SegmentList.js';
import { fileSlug } from './heat.js';
import { stringList, usePersistentOption } from './usePersistentOption.js';

type Condition = NonNullable<Input<'retrieval.segments'>['where']>[number];
const OPERATORS = ['=', '!=', '<', '<=', '>', '>=', 'set', 'unset'] as const;

function isConditionList(value: unknown): value is Condition[] {
  return (
    Array.isArray(value) &&
    value.every((item: unknown) => {
      if (typeof item !== 'object' || item === null) return false;
      const { attribute, op, value: operand } = item as Record<string, unknown>;
      return typeof attribute === 'string' && (op === undefined || (OPERATORS as readonly unknown[]).includes(op)) && (operand === undefined || typeof operand === 'string');
    })
  );
}

function isStatusList(value: unknown): value is ReviewStatus[] {
  return stringList(value) && value.every((status) => (REVIEW_STATUS_LIST() as string[]).includes(status));
}

export function SegmentsView(props: AnalysisProps) {
  const { wb } = props;
  const scope = optionScope(wb, 'segments');
  const [storedCode, setCode] = usePersistentOption(scope, 'code', '');
  const [subcodes, setSubcodes] = usePersistentOption(scope, 'includeSubcodes', true);
  const [storedDocuments, setDocuments] = usePersistentOption<string[]>(scope, 'documents', [], stringList);
  const [storedCoders, setCoders] = usePersistentOption<string[]>(scope, 'coders', [], stringList);
  const [where, setWhere] = usePersistentOption<Condition[]>(scope, 'where', [], isConditionList);
  const [statuses, setStatuses] = usePersistentOption<ReviewStatus[]>(scope, 'status', [], isStatusList);
  // Kept filters name only what still exists: a deleted code, document or coder drops out.
  const code = wb.codes.some((c) => c.id === storedCode) ? storedCode : '';
  const documents = storedDocuments.filter((id) => wb.documents.some((d) => d.id === id));
  const coders = storedCoders.filter((name) => wb.coders.some((c) => c.name === name));
  const attributes = useLoad(() => wb.api.run('attributes.list', {}), [wb.api, wb.project]);

  const input: Input<'retrieval.segments'> = {
    ...(code ? { code, includeSubcodes: subcodes } : {}),
    ...(documents.length > 0 ? { documents } : {}),
    ...(coders.length > 0 ? { coders } : {}),
    ...(where.length > 0 ? { where } : {}),
    ...(statuses.length > 0 ? { status: statuses } : {}),
  };
  const key = JSON.stringify(input);
  const result = useLoad(() => wb.api.run('retrieval.segments', input), [wb.api, wb.project, key]);

  const exportCsv = async (): Promise<void> => {
    const { csv } = await wb.api.run('retrieval.segmentsCsv', input);
    const codePath = wb.codes.find((c) => c.id === code)?.path;
    await saveCsv(props, `${fileSlug(wb.project?.name ?? 'gloss')}-segments${codePath ? `-${fileSlug(codePath)}` : ''}.csv`, csv);
  };

  const attributeNames = attributes.data ?? [];
  return (
    <section className="analysis-view" aria-label="Segments">
      <div className="analysis-toolbar">
        <label className="field-inline">
          <span>Code</span>
          <CodeSelect codes={wb.codes} value={code} onChange={setCode} label="Code" allowNone="Every code" />
        </label>
        <label className="field-inline check">
          <input type="checkbox" checked={subcodes} disabled={!code} onChange={(event) => setSubcodes(event.target.checked)} />
          <span>with sub-codes</span>
        </label>
        <MultiPick label="Documents" all="All documents" options={wb.documents.map((d) => ({ value: d.id, label: d.title }))} value={documents} onChange={setDocuments} />
        <MultiPick label="Coders" all="All coders" options={wb.coders.map((c) => ({ value: c.name, label: c.name }))} value={coders} onChange={setCoders} />
        <MultiPick
          label="Review status"
          all="Any review status"
          options={REVIEW_STATUS_LIST().map((status) => ({ value: status, label: STATUS_LABELS[status] }))}
          value={statuses}
          onChange={(next) => setStatuses(next as ReviewStatus[])}
        />
        {attributeNames.length > 0 && (
          <button type="button" className="button small" onClick={() => setWhere([...where, { attribute: attributeNames[0]!.name, op: 'set' }])}>
            + Attribute filter
          </button>
        )}
        <CountingNote wb={wb} chosen={coders} />
        <span className="toolbar-spacer" />
        <span className="muted small" data-testid="segments-count">
          {result.data ? `${result.data.total} segment${result.data.total === 1 ? '' : 's'}${result.data.truncated ? ` (first ${result.data.segments.length} shown)` : ''}` : ''}
        </span>
        <button type="button" className="button small" onClick={() => void exportCsv()} disabled={!result.data || result.data.total === 0}>
          Export CSV
        </button>
      </div>
      {where.length > 0 && (
        <div className="analysis-toolbar conditions">
          {where.map((condition, i) => {
            const update = (next: Partial<Condition>): void => {
              const merged = { ...condition, ...next } as Condition;
              if (merged.op === 'set' || merged.op === 'unset') delete merged.value;
              else merged.value ??= '';
              setWhere(where.map((c, j) => (j === i ? merged : c)));
            };
            return (
              <span key={i} className="condition">
                <select aria-label="Attribute" value={condition.attribute} onChange={(event) => update({ attribute: event.target.value })}>
                  {attributeNames.map((a) => (
                    <option key={a.id} value={a.name}>
                      {a.name}
                    </option>
                  ))}
                </select>
                <select aria-label="Operator" value={condition.op ?? '='} onChange={(event) => update({ op: event.target.value as Condition['op'] })}>
                  {OPERATORS.map((op) => (
                    <option key={op} value={op}>
                      {op === 'set' ? 'has a value' : op === 'unset' ? 'has none' : op}
                    </option>
                  ))}
                </select>
                {condition.value !== undefined && <input aria-label="Value" className="text-input narrow" value={condition.value} onChange={(event) => update({ value: event.target.value })} />}
                <button type="button" className="link" aria-label="Remove filter" onClick={() => setWhere(where.filter((_, j) => j !== i))}>
                  ×
                </button>
              </span>
            );
          })}
        </div>
      )}
      <div className="analysis-body">
        {result.error && <p className="empty error-text">{result.error}</p>}
        {result.data && <SegmentList segments={result.data.segments} codes={wb.codes} onJump={(s) => props.jumpTo(s.documentId, s.start, s.end)} />}
      </div>
    </section>
  );
}

/** A compact multi-select: a dropdown of checkboxes. */
export function MultiPick({ label, all, options, value, onChange }: { label: string; all: string; options: { value: string; label: string }[]; value: string[]; onChange(next: string[]): void }) {
  const summary = value.length === 0 ? all : value.length === 1 ? (options.find((o) => o.value === value[0])?.label ?? '1 selected') : `${value.length} ${label.toLowerCase()}`;
  return (
    <details className="multipick">
      <summary aria-label={label}>{summary}</summary>
      <div className="multipick-menu" role="group" aria-label={label}>
        {value.length > 0 && (
          <button type="button" className="link small" onClick={() => onChange([])}>
            Clear
          </button>
        )}
        {options.map((option) => (
          <label key={option.value} className="multipick-option">
            <input
              type="checkbox"
              checked={value.includes(option.value)}
              onChange={(event) => onChange(event.target.checked ? [...value, option.value] : value.filter((v) => v !== option.value))}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </details>
  );
}
