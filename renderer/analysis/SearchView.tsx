/**
 * Search across the project (FTS5: words, "phrases", prefix*, NEAR(a b, 5)) in keyword-in-context
 * form, and auto-coding: a code applied to every hit widened to its word, sentence or paragraph,
 * previewed first and applied as one undoable action.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { plural } from '../../app/domain/plural.js';
import type { AutocodeHitOutcome } from '../../app/service/analysisViews.js';
import type { Output } from '../../app/service/contract.js';
import { errorText, optionScope, type AnalysisProps } from './common.js';
import { oneOf, usePersistentOption } from './usePersistentOption.js';
import './search.css';
import { trimLeft, trimRight } from './heat.js';

type Scope = 'word' | 'sentence' | 'paragraph';
type Preview = Output<'search.autocodePreview'>;
const NEW_CODE = '__new__';
/** A coder name no one has: previewing under it counts nothing as already coded (a new code's case). */
const NOBODY = '\u2063gloss-preview\u2063';

/** What the preview says of a hit, in words (colour is never the only sign). */
const OUTCOME_WORDS: Record<AutocodeHitOutcome['outcome'], string> = {
  new: 'new',
  extends: 'extends a coding',
  'already-coded': 'already coded, skipped',
};

function hitKey(documentId: string, start: number): string {
  return `${documentId}:${start}`;
}

export function SearchView(props: AnalysisProps) {
  const { wb } = props;
  // The query and the widening are kept per project, as every analysis view's options are.
  const [query, setQuery] = usePersistentOption(optionScope(wb, 'search'), 'query', '');
  const [result, setResult] = useState<Output<'search.query'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState<string>(NEW_CODE);
  const [newPath, setNewPath] = useState('');
  const [scope, setScope] = usePersistentOption<Scope>(optionScope(wb, 'search'), 'scope', 'sentence', oneOf('word', 'sentence', 'paragraph'));
  const [preview, setPreview] = useState<{ preview: Preview; key: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const search = async (event?: FormEvent, typed = query): Promise<void> => {
    event?.preventDefault();
    const q = typed.trim();
    if (!q) return;
    setPreview(null);
    try {
      setResult(await wb.api.run('search.query', { query: q, limit: 500, context: 70 }));
      setError(null);
    } catch (e) {
      setResult(null);
      setError(errorText(e));
    }
  };

  // Back on the tab (or after a reload), the kept query shows its hits again. Once per project:
  // later searches run when the user asks.
  const searchedFor = useRef<string | null>(null);
  const projectId = wb.project?.id ?? null;
  useEffect(() => {
    if (projectId === null || searchedFor.current === projectId) return;
    searchedFor.current = projectId;
    if (query.trim()) void search(undefined, query);
  });

  const target = code === NEW_CODE ? newPath.trim() : (wb.codes.find((c) => c.id === code)?.path ?? '');
  const planKey = JSON.stringify([result?.query, code, target, scope, props.coder]);

  const runPreview = async (): Promise<void> => {
    if (!result || !target) return;
    setBusy(true);
    try {
      const existing = code === NEW_CODE ? wb.codes.find((c) => c.path.toLowerCase() === target.toLowerCase()) : wb.codes.find((c) => c.id === code);
      const probe = existing ?? wb.codes[0];
      if (!probe) throw new Error('Add a code to the codebook first.');
      const answer = await wb.api.run('search.autocodePreview', {
        query: result.query,
        code: probe.id,
        coder: existing ? (props.coder ?? NOBODY) : NOBODY,
        scope,
      });
      setPreview({ preview: { ...answer, code: target }, key: planKey });
    } catch (e) {
      wb.notify('error', errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const apply = async (): Promise<void> => {
    if (!result || !target || !props.coder) return;
    setBusy(true);
    try {
      let codeRef = code === NEW_CODE ? wb.codes.find((c) => c.path.toLowerCase() === target.toLowerCase())?.id : code;
      // A new code and the auto-coding into it are one undo step.
      const step = crypto.randomUUID();
      if (!codeRef) codeRef = (await wb.api.run('codes.add', { path: target, step })).id;
      const done = await wb.mutate('search.autocodeApply', { query: result.query, code: codeRef, coder: props.coder, scope, step });
      if (done) {
        const extended = done.extendedCodings > 0 ? `, ${plural(done.extendedCodings, 'existing coding')} extended` : '';
        wb.notify('info', `Auto-coded ${plural(done.codingIds.length, 'passage')} as “${done.code}”${extended} (Ctrl+Z undoes it).`);
        setPreview(null);
        setCode(codeRef);
        (document.activeElement as HTMLElement | null)?.blur();
      }
    } finally {
      setBusy(false);
    }
  };

  const current = preview && preview.key === planKey ? preview.preview : null;
  // Each listed hit's outcome in the current preview, to mark the hits that touch existing codings.
  const outcomes = useMemo(() => new Map((current?.hitOutcomes ?? []).map((hit) => [hitKey(hit.documentId, hit.start), hit.outcome])), [current]);
  const searchSuggested = (suggestion: string): void => {
    setQuery(suggestion);
    void search(undefined, suggestion);
  };
  return (
    <section className="analysis-view" aria-label="Search">
      <form className="analysis-toolbar search-bar" onSubmit={(event) => void search(event)} role="search">
        <input className="text-input search-input" type="search" aria-label="Search query" placeholder="Search every document…" value={query} onChange={(event) => setQuery(event.target.value)} />
        <button type="submit" className="button small primary" disabled={!query.trim()}>
          Search
        </button>
        <span className="hint">
          <code>word</code> <code>"a phrase"</code> <code>prefix*</code> <code>NEAR(russia turkey, 5)</code> <code>AND</code> <code>OR</code> <code>NOT</code>
        </span>
      </form>
      <div className="search-layout">
        <div className="analysis-body">
          {error && <p className="empty error-text">{error}</p>}
          {!result && !error && <p className="empty">Search the project: hits are shown in their context, and can be coded all at once.</p>}
          {result && (
            <>
              <p className="result-summary muted small" data-testid="search-summary">
                {result.truncated ? `${result.hits.length.toLocaleString('en')}+ hits` : plural(result.hits.length, 'hit')} in {plural(result.documents, 'document')}
              </p>
              {result.suggestion !== undefined && (
                <p className="search-suggestion">
                  Nothing matches “{result.query}” as a whole word. Words starting with it:{' '}
                  <button type="button" className="button small" onClick={() => searchSuggested(result.suggestion!)}>
                    {result.suggestion}
                  </button>
                </p>
              )}
              <ol className="kwic" aria-label="Search hits">
                {result.hits.map((hit) => {
                  const outcome = outcomes.get(hitKey(hit.documentId, hit.start));
                  const marked = outcome === 'extends' || outcome === 'already-coded';
                  return (
                    <li key={hitKey(hit.documentId, hit.start)} data-outcome={outcome}>
                      <button type="button" className={marked ? 'kwic-row has-mark' : 'kwic-row'} onClick={() => props.jumpTo(hit.documentId, hit.start, hit.end)} title={`${hit.documentTitle} — show in the reader`}>
                        <span className="kwic-doc">{hit.documentTitle}</span>
                        <span className="kwic-left">
                          <span>{trimLeft(hit.before, 90)}</span>
                        </span>
                        <strong className="kwic-hit">{hit.text}</strong>
                        <span className="kwic-right">{trimRight(hit.after, 70)}</span>
                        {marked && <span className={`kwic-mark ${outcome}`}>{OUTCOME_WORDS[outcome]}</span>}
                      </button>
                    </li>
                  );
                })}
              </ol>
            </>
          )}
        </div>
        <fieldset className="autocode" aria-label="Auto-code" disabled={!result || result.hits.length === 0 || busy}>
          <h3 className="autocode-title">Auto-code every hit</h3>
          <label className="field">
            <span>Code</span>
            <select aria-label="Auto-code code" value={code} onChange={(event) => setCode(event.target.value)}>
              <option value={NEW_CODE}>New code…</option>
              {wb.codes.map((c) => (
                <option key={c.id} value={c.id}>
                  {'\u2003'.repeat(c.depth)}
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          {code === NEW_CODE && (
            <label className="field">
              <span>New code path</span>
              <input className="text-input" aria-label="New code path" placeholder="e.g. Actors/Turkey" value={newPath} onChange={(event) => setNewPath(event.target.value)} />
            </label>
          )}
          <div className="field">
            <span>Widen each hit to its</span>
            <div className="segmented" role="radiogroup" aria-label="Scope">
              {(['word', 'sentence', 'paragraph'] as const).map((unit) => (
                <button key={unit} type="button" role="radio" aria-checked={scope === unit} className={scope === unit ? 'on' : ''} onClick={() => setScope(unit)}>
                  {unit}
                </button>
              ))}
            </div>
          </div>
          <div className="details-actions">
            <button type="button" className="button small" onClick={() => void runPreview()} disabled={!target}>
              Preview
            </button>
            <button type="button" className="button small primary" onClick={() => void apply()} disabled={!current || current.passages.length === 0 || !props.coder}>
              Apply
            </button>
          </div>
          {current && (
            <div className="autocode-preview" data-testid="autocode-preview">
              <p>
                <strong>{plural(current.hits, 'hit')}</strong> in {plural(current.documents, 'document')} → <strong>{plural(current.passages.length, 'passage')}</strong> to code as “{target}”
              </p>
              <ul className="autocode-counts" aria-label="What auto-coding does">
                <li>{plural(current.newPassages, 'new coding')}</li>
                <li>
                  {plural(current.extendedCodings, 'existing coding')} extended
                  {current.joinedCodings > 0 && <>, {plural(current.joinedCodings, 'other')} joined into them</>}
                </li>
                <li>{plural(current.alreadyCoded, 'hit')} already coded, skipped</li>
              </ul>
              <ol className="preview-list">
                {current.passages.slice(0, 50).map((passage) => (
                  <li key={hitKey(passage.documentId, passage.start)} data-action={passage.action}>
                    <span className="muted small">{passage.documentTitle}</span>{' '}
                    <span className={`preview-action ${passage.action}`}>{passage.action === 'extend' ? 'extends an existing coding' : 'new'}</span>{' '}
                    {trimRight(passage.text.replace(/\s+/g, ' '), 160)}
                  </li>
                ))}
              </ol>
            </div>
          )}
        </fieldset>
      </div>
    </section>
  );
}

