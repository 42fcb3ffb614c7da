/**
 * The Review tab: choose the coders to compare (and optionally codes and documents); read their
 * agreement; walk the queue of places and decide each one into the consensus; read the decision
 * log; export the log, the agreement tables, a printable report and the consensus segments.
 * While blind coding is on it shows only a notice and the way to end it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Input } from '../../app/service/contract.js';
import type { PlaceKind, ReviewChoice, ReviewStatus } from '../../app/service/reviewViews.js';
import { errorText, useLoad, type AnalysisProps } from '../analysis/common.js';
import { fileSlug } from '../analysis/heat.js';
import { MultiPick } from '../analysis/SegmentsView.js';
import { isTypingTarget } from '../app/shortcuts.js';
import { AgreementTable, ConventionNote, MeasureControls, type AgreementMeasure } from './AgreementPanel.js';
import { DecisionLog } from './DecisionLog.js';
import { KIND_LABELS, PLACE_KIND_LIST, REVIEW_STATUS_LIST, STATUS_LABELS, StatusBadge } from './format.js';
import { PlaceDetail, type DecideExtra } from './PlaceDetail.js';
import './review.css';

type Section = 'agreement' | 'places' | 'log';

/** The scope and section survive switching tabs (the view remounts), for this window's life. */
const remembered: { coders: string[] | null; codes: string[]; documents: string[]; section: Section; measure: AgreementMeasure; reviewer: string | null } = {
  coders: null,
  // Null: the current coder reviews (the default); otherwise the name picked in Reviewer.
  reviewer: null,
  codes: [],
  documents: [],
  section: 'places',
  measure: { unit: 'char', includeUncoded: false, overlap: 0.8 },
};

export function ReviewView(props: AnalysisProps) {
  const { wb, coder } = props;
  const consensus = wb.review.consensusCoder;
  const candidates = wb.coders.filter((option) => option.name !== consensus);
  // Until the user picks, every coder who coded (the consensus aside) is compared.
  const [picked, setCodersState] = useState<string[] | null>(remembered.coders);
  const coders = picked ?? candidates.filter((option) => option.codings > 0).map((option) => option.name);
  const [codes, setCodesState] = useState<string[]>(remembered.codes);
  const [documents, setDocumentsState] = useState<string[]>(remembered.documents);
  const [section, setSectionState] = useState<Section>(remembered.section);
  const [measure, setMeasureState] = useState<AgreementMeasure>(remembered.measure);
  const setCoders = (next: string[]): void => {
    remembered.coders = next;
    setCodersState(next);
  };
  const setCodes = (next: string[]): void => {
    remembered.codes = next;
    setCodesState(next);
  };
  const setDocuments = (next: string[]): void => {
    remembered.documents = next;
    setDocumentsState(next);
  };
  const setSection = (next: Section): void => {
    remembered.section = next;
    setSectionState(next);
  };
  const setMeasure = (next: AgreementMeasure): void => {
    remembered.measure = next;
    setMeasureState(next);
  };
  const [exportMenu, setExportMenu] = useState(false);
  const [pickedReviewer, setPickedReviewerState] = useState<string | null>(remembered.reviewer);
  const setReviewer = (next: string): void => {
    remembered.reviewer = next === coder ? null : next;
    setPickedReviewerState(remembered.reviewer);
  };
  // The reviewer may be anyone but the consensus coder: one of the compared coders, or not.
  const reviewerOptions = [...new Set([...(coder ? [coder] : []), ...candidates.map((option) => option.name)])];
  const reviewer = pickedReviewer !== null && reviewerOptions.includes(pickedReviewer) ? pickedReviewer : coder;

  if (wb.review.blind) return <BlindNotice {...props} />;

  const compared = coders.filter((name) => name !== consensus && wb.coders.some((option) => option.name === name));
  const ready = compared.length >= 2;
  const scope = { coders: compared, ...(codes.length > 0 ? { codes } : {}), ...(documents.length > 0 ? { documents } : {}) };
  const agreementInput: Input<'agreement.compute'> =
    measure.unit === 'char' ? { ...scope, unit: 'char', includeUncoded: measure.includeUncoded } : { ...scope, unit: 'segment', overlap: measure.overlap };

  const base = fileSlug(wb.project?.name ?? 'gloss');
  const save = async (name: string, content: string, what: string): Promise<void> => {
    try {
      if (await wb.api.bridge.saveFile(name, content)) wb.notify('info', `Exported ${what}.`);
    } catch (error) {
      wb.notify('error', errorText(error));
    }
  };
  const exports: [string, string, boolean, () => Promise<void>][] = [
    ['Decision log (CSV)', 'Every decision: who, when, which choice, why, the versions and the outcome', true, async () => save(`${base}-decision-log.csv`, (await wb.api.run('review.logCsv', {})).csv, 'the decision log')],
    ['Agreement table (CSV)', 'The agreement per code and overall, as shown', ready, async () => save(`${base}-agreement.csv`, (await wb.api.run('review.agreementCsv', agreementInput)).csv, 'the agreement table')],
    ['Printable report (HTML)', 'Scope, agreement tables, review progress and the decision log; open it in a browser and print', ready, async () => save(`${base}-review-report.html`, (await wb.api.run('review.report', agreementInput)).html, 'the review report')],
    [
      'Consensus segments (CSV)',
      consensus ? `The segments of the consensus coder “${consensus}”` : 'No consensus yet: decide a place first',
      consensus !== null,
      async () => save(`${base}-consensus-segments.csv`, (await wb.api.run('export.segmentsCsv', { coder: consensus! })).csv, 'the consensus segments'),
    ],
  ];

  return (
    <section className="analysis-view review-view" aria-label="Review">
      <div className="analysis-toolbar">
        <MultiPick label="Compared coders" all="Pick coders" options={candidates.map((option) => ({ value: option.name, label: `${option.name} (${option.codings})` }))} value={compared} onChange={setCoders} />
        <MultiPick label="Codes" all="All codes" options={wb.codes.map((code) => ({ value: code.path, label: code.path }))} value={codes} onChange={setCodes} />
        <MultiPick label="Documents" all="Documents all coded" options={wb.documents.map((d) => ({ value: d.id, label: d.title }))} value={documents} onChange={setDocuments} />
        <div className="segmented" role="tablist" aria-label="Review section">
          {(
            [
              ['agreement', 'Agreement'],
              ['places', 'Places'],
              ['log', 'Decision log'],
            ] as const
          ).map(([id, label]) => (
            <button key={id} type="button" role="tab" aria-selected={section === id} className={section === id ? 'on' : ''} onClick={() => setSection(id)}>
              {label}
            </button>
          ))}
        </div>
        <span className="toolbar-spacer" />
        <label className="field-inline" title="Who decides the places: the log keeps their name. Anyone but the consensus coder, one of the compared coders or not.">
          <span>Reviewer</span>
          <select aria-label="Reviewer" value={reviewer ?? ''} onChange={(event) => setReviewer(event.target.value)} disabled={reviewerOptions.length === 0}>
            {reviewer === null && <option value="">Say who you are first</option>}
            {reviewerOptions.map((name) => (
              <option key={name} value={name}>
                {name}
                {name === coder ? ' (you)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline check" title="Blind coding: each coder sees only their own codings until the review opens">
          <input type="checkbox" checked={false} onChange={() => void wb.mutate('review.setBlind', { blind: true })} />
          <span>Blind coding</span>
        </label>
        <div className="export-menu">
          <button type="button" className="button small" aria-haspopup="menu" aria-expanded={exportMenu} onClick={() => setExportMenu((open) => !open)}>
            Export ▾
          </button>
          {exportMenu && (
            <ul className="export-menu-list" role="menu" aria-label="Review exports" onMouseLeave={() => setExportMenu(false)}>
              {exports.map(([label, title, enabled, run]) => (
                <li key={label}>
                  <button
                    type="button"
                    role="menuitem"
                    title={title}
                    disabled={!enabled}
                    onClick={() => {
                      setExportMenu(false);
                      run().catch((error: unknown) => wb.notify('error', errorText(error)));
                    }}
                  >
                    {label}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {!ready ? (
        <p className="empty">
          Pick two or more coders to compare{consensus ? ` (not “${consensus}”, the consensus)` : ''}. Coders’ copies of the project merge in through Import… (a .gloss or .qdpx file).
        </p>
      ) : section === 'agreement' ? (
        <AgreementSection {...props} input={agreementInput} measure={measure} onMeasure={setMeasure} />
      ) : section === 'places' ? (
        <PlacesSection {...props} scope={scope} reviewer={reviewer} />
      ) : (
        <DecisionLog {...props} />
      )}
    </section>
  );
}

function BlindNotice({ wb }: AnalysisProps) {
  return (
    <section className="analysis-view review-view" aria-label="Review">
      <div className="blind-notice" role="note">
        <h2>Blind coding is on</h2>
        <p>Each coder sees only their own codings, so nobody leans on anyone else’s reading. Agreement and the review open once blind coding ends, for everyone working in this project.</p>
        <button type="button" className="button primary" onClick={() => void wb.mutate('review.setBlind', { blind: false })}>
          End blind coding and open the review
        </button>
      </div>
    </section>
  );
}

function AgreementSection({ wb, input, measure, onMeasure }: AnalysisProps & { input: Input<'agreement.compute'>; measure: AgreementMeasure; onMeasure(next: AgreementMeasure): void }) {
  const key = JSON.stringify(input);
  const result = useLoad(() => wb.api.run('agreement.compute', input), [wb.api, wb.project, key]);
  return (
    <>
      <div className="analysis-toolbar conditions">
        <MeasureControls measure={measure} onChange={onMeasure} />
        <span className="toolbar-spacer" />
        {result.data && (
          <span className="muted small">
            {result.data.documents.length} document{result.data.documents.length === 1 ? '' : 's'} · {result.data.coders.join(', ')}
          </span>
        )}
      </div>
      {/* Focusable: a wide agreement table scrolls, and keyboard users must be able to scroll it. */}
      <div className="analysis-body" tabIndex={0} role="region" aria-label="Agreement figures">
        {result.error && <p className="empty error-text">{result.error}</p>}
        {result.data && (
          <div className="agreement-with-convention">
            <ConventionNote result={result.data} measure={measure} onChange={onMeasure} />
            {result.data.codes.length === 0 ? <p className="empty">None of these coders coded with these codes in these documents.</p> : <AgreementTable result={result.data} codes={wb.codes} />}
          </div>
        )}
      </div>
    </>
  );
}

type Scope = Input<'review.queue'>;

/** Places listed at once: a whole large project's queue is narrowed by the filters instead. */
const QUEUE_LIMIT = 1_000;

function PlacesSection({ wb, reviewer, scope }: AnalysisProps & { scope: Omit<Scope, 'status' | 'kinds'>; reviewer: string | null }) {
  const [statuses, setStatuses] = useState<ReviewStatus[]>([]);
  const [kinds, setKinds] = useState<PlaceKind[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [adjusting, setAdjusting] = useState(false);
  const input: Scope = { ...scope, ...(statuses.length > 0 ? { status: statuses } : {}), ...(kinds.length > 0 ? { kinds } : {}), limit: QUEUE_LIMIT };
  const key = JSON.stringify(input);
  const queue = useLoad(() => wb.api.run('review.queue', input), [wb.api, wb.project, key]);
  const places = useMemo(() => queue.data?.places ?? [], [queue.data]);
  const placeId = (place: { documentId: string; key: string }): string => `${place.documentId}:${place.key}`;
  const index = places.findIndex((place) => placeId(place) === selected);
  const place = index >= 0 ? places[index]! : null;

  // A newly chosen place is read from its top.
  const pane = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (pane.current) pane.current.scrollTop = 0;
  }, [selected]);

  // Keep a place selected: the first, when the chosen one has left the list.
  useEffect(() => {
    if (places.length > 0 && index < 0) setSelected(placeId(places[0]!));
  }, [places, index]);

  const select = (next: number): void => {
    const target = places[Math.max(0, Math.min(places.length - 1, next))];
    if (!target) return;
    setSelected(placeId(target));
    setReason('');
    setAdjusting(false);
    requestAnimationFrame(() => document.querySelector(`[data-place-item="${placeId(target)}"]`)?.scrollIntoView({ block: 'nearest' }));
  };

  const decide = async (choice: ReviewChoice, extra: DecideExtra = {}): Promise<void> => {
    if (!place || !reviewer) return;
    if (choice === 'agree' && place.kind !== 'agreement') {
      wb.notify('info', 'The coders differ here: accept a version, merge, adjust or reject instead.');
      return;
    }
    const done = await wb.mutate('review.decide', {
      ...scope,
      document: place.documentId,
      place: place.key,
      choice,
      reviewer,
      ...extra,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
    if (done) {
      setReason('');
      setAdjusting(false);
    }
  };

  const agreeAll = async (): Promise<void> => {
    if (!reviewer) return;
    const result = await wb.mutate('review.agreeAll', { ...scope, reviewer });
    if (result) wb.notify('info', `Accepted ${result.agreed} agreement${result.agreed === 1 ? '' : 's'} into “${result.consensusCoder}”${result.alreadyDecided ? ` (${result.alreadyDecided} already decided)` : ''}.`);
  };

  const comment = async (body: string): Promise<boolean> => {
    if (!place || !reviewer) return false;
    return (await wb.mutate('review.comment', { document: place.documentId, place: place.key, coder: reviewer, body })) !== undefined;
  };

  // j/k or ↓/↑ move; a agree, 1–9 accept coder n, m merge, r reject, e adjust, d discuss.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (isTypingTarget(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key;
      const act = (run: () => void): void => {
        event.preventDefault();
        run();
      };
      if (key === 'j' || key === 'ArrowDown') act(() => select(index + 1));
      else if (key === 'k' || key === 'ArrowUp') act(() => select(index - 1));
      else if (!place) return;
      else if (key === 'a') act(() => void decide('agree'));
      else if (key === 'm') act(() => void decide('merge'));
      else if (key === 'r') act(() => void decide('reject'));
      else if (key === 'd') act(() => void decide('discuss'));
      else if (key === 'e') act(() => setAdjusting((on) => !on));
      else if (/^[1-9]$/.test(key)) {
        const version = place.coders[Number(key) - 1];
        if (version) act(() => void decide('accept', { coder: version.coder }));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const counts = queue.data?.counts;
  const kindCounts = queue.data?.kinds;
  const toggle = <T,>(list: T[], value: T): T[] => (list.includes(value) ? list.filter((item) => item !== value) : [...list, value]);
  return (
    <>
      <div className="analysis-toolbar conditions">
        <div className="chips" role="group" aria-label="Status filter">
          {REVIEW_STATUS_LIST().map((status) => (
            <button key={status} type="button" className={`filter-chip ${status}`} aria-pressed={statuses.includes(status)} onClick={() => setStatuses(toggle(statuses, status))}>
              {STATUS_LABELS[status]} <span className="count">{counts?.[status] ?? ''}</span>
            </button>
          ))}
        </div>
        <div className="chips" role="group" aria-label="Kind filter">
          {PLACE_KIND_LIST().map((kind) => (
            <button key={kind} type="button" className="filter-chip" aria-pressed={kinds.includes(kind)} onClick={() => setKinds(toggle(kinds, kind))}>
              {KIND_LABELS[kind]} <span className="count">{kindCounts?.[kind] ?? ''}</span>
            </button>
          ))}
        </div>
        <span className="toolbar-spacer" />
        <button
          type="button"
          className="button small"
          disabled={!reviewer || (kindCounts?.agreement ?? 0) === 0}
          onClick={() => void agreeAll()}
          title="Accept every undecided place where all the coders agree into the consensus, in one step (undo takes it back)"
        >
          Accept all agreements
        </button>
      </div>
      {queue.error && <p className="empty error-text">{queue.error}</p>}
      {queue.data && (
        <div className="review-layout">
          <nav className="place-list" aria-label="Places">
            {queue.data.notes.map((note) => (
              <p key={note} className="hint scope-note">
                {note}
              </p>
            ))}
            {queue.data.total > places.length && (
              <p className="hint scope-note">
                Showing the first {places.length.toLocaleString()} of {queue.data.total.toLocaleString()} places: narrow by status, kind, code or document to see the rest.
              </p>
            )}
            {places.length === 0 ? (
              <p className="empty">No places match these filters.</p>
            ) : (
              <ol>
                {places.map((item, i) => {
                  const text = [...item.excerpt.text].slice(item.start - item.excerpt.start, item.end - item.excerpt.start).join('');
                  return (
                    <li key={placeId(item)}>
                      <button
                        type="button"
                        className={`place-item${i === index ? ' current' : ''}`}
                        aria-current={i === index ? 'true' : undefined}
                        data-place-item={placeId(item)}
                        data-status={item.status}
                        onClick={() => select(i)}
                        title="j / ↓ next · k / ↑ previous"
                      >
                        <span className="place-meta">
                          <StatusBadge status={item.status} />
                          <span className="place-kind">{KIND_LABELS[item.kind]}</span>
                          <span className="muted">{item.documentTitle}</span>
                        </span>
                        <span className="place-text">{text.length > 180 ? `${text.slice(0, 180)}…` : text}</span>
                        <span className="place-codes muted small">{item.codes.join(' · ')}</span>
                      </button>
                    </li>
                  );
                })}
              </ol>
            )}
          </nav>
          <div className="place-pane" ref={pane}>
            {place ? (
              <PlaceDetail
                key={placeId(place)}
                place={place}
                codes={wb.codes}
                reviewer={reviewer}
                reason={reason}
                onReason={setReason}
                adjusting={adjusting}
                onAdjusting={setAdjusting}
                onDecide={(choice, extra) => void decide(choice, extra)}
                onComment={comment}
              />
            ) : (
              <p className="empty">Pick a place from the list.</p>
            )}
            <p className="hint keys">
              <kbd>J</kbd>/<kbd>K</kbd> next/previous · <kbd>A</kbd> agree · <kbd>1</kbd>–<kbd>9</kbd> accept coder · <kbd>M</kbd> merge · <kbd>R</kbd> reject · <kbd>E</kbd> adjust · <kbd>D</kbd> discuss
            </p>
          </div>
        </div>
      )}
    </>
  );
}
