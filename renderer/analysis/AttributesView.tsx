/**
 * Document attributes in a grid: documents × attributes, typed editing (text, number, date,
 * yes/no) saved as undoable actions, new attributes, and import of a CSV keyed by title.
 */
import { useState, type KeyboardEvent } from 'react';
import type { Output } from '../../app/service/contract.js';
import { errorText, useLoad, type AnalysisProps } from './common.js';

type Attribute = Output<'attributes.list'>[number];
type Value = string | number | boolean;
const TYPES = ['text', 'number', 'date', 'boolean'] as const;
const TYPE_LABELS: Record<Attribute['type'], string> = { text: 'text', number: 'number', date: 'date', boolean: 'yes/no' };

function asInput(value: Value | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

export function AttributesView(props: AnalysisProps) {
  const { wb } = props;
  const attributes = useLoad(() => wb.api.run('attributes.list', {}), [wb.api, wb.project]);
  const values = useLoad(() => wb.api.run('attributes.values', {}), [wb.api, wb.project]);
  const [name, setName] = useState('');
  const [type, setType] = useState<Attribute['type']>('text');

  const save = async (documentId: string, attribute: Attribute, raw: string, before: string): Promise<void> => {
    const value = raw.trim();
    if (value === before) return;
    if (value === '') await wb.mutate('attributes.unset', { document: documentId, attribute: attribute.id });
    else await wb.mutate('attributes.set', { document: documentId, attribute: attribute.name, value });
  };

  const define = async (): Promise<void> => {
    if (!name.trim()) return;
    const made = await wb.mutate('attributes.define', { name: name.trim(), type });
    if (made) setName('');
  };

  const importCsv = async (): Promise<void> => {
    try {
      const files = await wb.api.bridge.pickFilesToImport();
      const file = files[0];
      if (!file) return;
      const csv = new TextDecoder('utf-8').decode(file.data);
      const result = await wb.mutate('attributes.importCsv', { csv });
      if (!result) return;
      const unmatched = result.unmatched.length > 0 ? ` ${result.unmatched.length} row(s) matched no document: ${result.unmatched.slice(0, 3).map((u) => `“${u.title}”`).join(', ')}.` : '';
      wb.notify(result.unmatched.length > 0 ? 'error' : 'info', `Set ${result.valuesSet} value(s) on ${result.documents} document(s)${result.attributesCreated.length ? `; new: ${result.attributesCreated.join(', ')}` : ''}.${unmatched}`);
    } catch (error) {
      wb.notify('error', errorText(error));
    }
  };

  const list = attributes.data ?? [];
  return (
    <section className="analysis-view" aria-label="Attributes">
      <form
        className="analysis-toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          void define();
        }}
      >
        <input className="text-input" aria-label="New attribute name" placeholder="New attribute, e.g. year" value={name} onChange={(event) => setName(event.target.value)} />
        <select aria-label="New attribute type" value={type} onChange={(event) => setType(event.target.value as Attribute['type'])}>
          {TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABELS[t]}
            </option>
          ))}
        </select>
        <button type="submit" className="button small" disabled={!name.trim()}>
          Add attribute
        </button>
        <span className="toolbar-spacer" />
        <span className="hint">CSV: first column “title”, one column per attribute</span>
        <button type="button" className="button small" onClick={() => void importCsv()}>
          Import CSV…
        </button>
      </form>
      <div className="analysis-body">
        {(attributes.error ?? values.error) && <p className="empty error-text">{attributes.error ?? values.error}</p>}
        {values.data && (
          <table className="grid-table" aria-label="Document attributes">
            <thead>
              <tr>
                <th scope="col">Document</th>
                {list.map((attribute) => (
                  <th key={attribute.id} scope="col">
                    {attribute.name} <span className="type-tag">{TYPE_LABELS[attribute.type]}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {values.data.map((row) => (
                <tr key={row.documentId}>
                  <th scope="row">{row.title}</th>
                  {list.map((attribute) => (
                    <td key={attribute.id}>
                      <ValueEditor
                        key={`${attribute.id}:${asInput(row.values[attribute.name])}`}
                        attribute={attribute}
                        label={`${attribute.name} of ${row.title}`}
                        value={asInput(row.values[attribute.name])}
                        onSave={(raw, before) => void save(row.documentId, attribute, raw, before)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {list.length === 0 && values.data && <p className="empty">No attributes yet: add one (author, year, journal, country…) or import a CSV keyed by document title.</p>}
      </div>
    </section>
  );
}

function ValueEditor({ attribute, value, label, onSave }: { attribute: Attribute; value: string; label: string; onSave(raw: string, before: string): void }) {
  const [draft, setDraft] = useState(value);
  if (attribute.type === 'boolean') {
    return (
      <select className="cell-input" aria-label={label} value={value} onChange={(event) => onSave(event.target.value === 'yes' ? 'yes' : event.target.value === 'no' ? 'no' : '', value)}>
        <option value="">—</option>
        <option value="yes">yes</option>
        <option value="no">no</option>
      </select>
    );
  }
  const onKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') event.currentTarget.blur();
    else if (event.key === 'Escape') {
      setDraft(value);
      event.currentTarget.blur();
    }
  };
  return (
    <input
      className={`cell-input${attribute.type === 'number' ? ' number' : ''}`}
      aria-label={label}
      type={attribute.type === 'date' ? 'date' : attribute.type === 'number' ? 'number' : 'text'}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={() => onSave(draft, value)}
      onKeyDown={onKey}
    />
  );
}
