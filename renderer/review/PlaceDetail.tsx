/**
 * One place of the review: every coder's boundaries on its text, their segments, the choices
 * (agree, accept a version, merge, reject, adjust, discuss) with a reason for the log, the
 * decision once made, and the place's comment thread.
 */
import { useRef, useState } from 'react';
import type { ReviewChoice, ReviewPlaceView } from '../../app/service/reviewViews.js';
import type { CodeView } from '../../app/service/views.js';
import { CodeLabel, CodeSelect, Swatch } from '../analysis/common.js';
import { CHOICE_LABELS, formatTime, KIND_LABELS, StatusBadge } from './format.js';
import { excerptSelection, PlaceExcerpt, type ExcerptRow } from './PlaceExcerpt.js';

export interface DraftSegment {
  code: string;
  codeId: string;
  start: number;
  end: number;
  text: string;
}

export interface DecideExtra {
  coder?: string;
  segments?: { code: string; start: number; end: number }[];
}

export interface PlaceDetailProps {
  place: ReviewPlaceView;
  codes: CodeView[];
  reviewer: string | null;
  reason: string;
  onReason(reason: string): void;
  adjusting: boolean;
  onAdjusting(on: boolean): void;
  onDecide(choice: ReviewChoice, extra?: DecideExtra): void;
  onComment(body: string): Promise<boolean>;
}

export function PlaceDetail({ place, codes, reviewer, reason, onReason, adjusting, onAdjusting, onDecide, onComment }: PlaceDetailProps) {
  const colors = new Map(codes.map((code) => [code.id, code.color]));
  const excerpt = useRef<HTMLDivElement>(null);
  const [drafts, setDrafts] = useState<DraftSegment[]>([]);
  const [draftCode, setDraftCode] = useState(() => codes.find((code) => code.path === place.codes[0])?.id ?? codes[0]?.id ?? '');
  const [comment, setComment] = useState('');
  const [hint, setHint] = useState<string | null>(null);

  const rows: ExcerptRow[] = place.coders.map(({ coder, segments }) => ({ label: coder, kind: 'coder', segments }));
  if (place.consensus.length > 0) rows.push({ label: 'Consensus', kind: 'consensus', segments: place.consensus });
  if (adjusting) rows.push({ label: 'Your adjustment', kind: 'draft', segments: drafts });

  const addDraft = (): void => {
    const picked = excerptSelection(excerpt.current);
    const code = codes.find((candidate) => candidate.id === draftCode);
    if (!picked) {
      setHint('Select text in one row of the excerpt first.');
      return;
    }
    if (!code) {
      setHint('Pick a code for the segment.');
      return;
    }
    setHint(null);
    setDrafts((current) => [...current, { code: code.path, codeId: code.id, start: picked.start, end: picked.end, text: picked.text }]);
    document.getSelection()?.removeAllRanges();
  };

  const disabled = reviewer === null;
  const decision = place.decision;
  return (
    <article className="place-detail" aria-label="Place" data-place={place.key}>
      <header className="place-head">
        <div className="place-title">
          <strong>{place.documentTitle}</strong>
          <span className="muted small">
            {KIND_LABELS[place.kind]} · characters {place.start.toLocaleString()}–{place.end.toLocaleString()}
          </span>
        </div>
        <StatusBadge status={place.status} />
      </header>

      <div ref={excerpt}>
        <PlaceExcerpt excerpt={place.excerpt} place={place} rows={rows} colors={colors} />
      </div>

      <section className="place-versions" aria-label="Versions">
        {place.coders.map(({ coder, segments }, i) => (
          <div key={coder} className="version" data-coder={coder}>
            <h3>
              <kbd>{i + 1}</kbd> {coder}
            </h3>
            {segments.length === 0 ? (
              <p className="muted small">Did not code here.</p>
            ) : (
              <ul>
                {segments.map((segment) => (
                  <li key={segment.id}>
                    <Swatch color={colors.get(segment.codeId) ?? '#888888'} />
                    <CodeLabel path={segment.code} />
                    <q>{segment.text}</q>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </section>

      {decision && (
        <section className={`decision ${decision.status}`} aria-label="Decision">
          <p>
            <StatusBadge status={decision.status} /> <strong>{decision.choice === 'accept' && decision.acceptedCoder ? `Accepted ${decision.acceptedCoder}’s version` : CHOICE_LABELS[decision.choice]}</strong>
            <span className="muted small">
              {' '}
              by {decision.reviewer}, {formatTime(decision.at)}
            </span>
          </p>
          {decision.reason && <p className="decision-reason">“{decision.reason}”</p>}
          {decision.choice !== 'discuss' && (
            <p className="muted small">
              Consensus here:{' '}
              {decision.outcome.length === 0 ? 'nothing coded' : decision.outcome.map((segment) => `${segment.code} (${segment.start}–${segment.end})`).join('; ')}
            </p>
          )}
        </section>
      )}

      <section className="decide" aria-label="Decide">
        {disabled && <p className="hint">Say who you are (the coder button, top right) to decide: the log keeps the reviewer.</p>}
        <label className="reason">
          <span>Reason</span>
          <textarea aria-label="Reason" rows={2} value={reason} placeholder="Why this choice (kept in the decision log)" onChange={(event) => onReason(event.target.value)} />
        </label>
        <div className="decide-buttons">
          {place.kind === 'agreement' && (
            <button type="button" className="button small primary" disabled={disabled} onClick={() => onDecide('agree')} title="Agree: the consensus takes the common coding (A)">
              Agree <kbd>A</kbd>
            </button>
          )}
          {place.coders.map(({ coder }, i) => (
            <button
              key={coder}
              type="button"
              className="button small"
              disabled={disabled}
              onClick={() => onDecide('accept', { coder })}
              title={`Accept ${coder}’s version: the consensus takes ${coder}’s segments here (${i + 1})`}
            >
              Accept {coder} <kbd>{i + 1}</kbd>
            </button>
          ))}
          <button type="button" className="button small" disabled={disabled} onClick={() => onDecide('merge')} title="Merge: per code, the union of every coder’s segments (M)">
            Merge <kbd>M</kbd>
          </button>
          <button type="button" className="button small" disabled={disabled} onClick={() => onDecide('reject')} title="Reject: the consensus codes nothing here (R)">
            Reject <kbd>R</kbd>
          </button>
          <button type="button" className="button small" disabled={disabled} aria-pressed={adjusting} onClick={() => onAdjusting(!adjusting)} title="Adjust: draw the consensus segments yourself (E)">
            Adjust… <kbd>E</kbd>
          </button>
          <button type="button" className="button small" disabled={disabled} onClick={() => onDecide('discuss')} title="Discuss: mark the place disputed; the reason becomes a comment (D)">
            Discuss <kbd>D</kbd>
          </button>
        </div>
        {adjusting && (
          <div className="adjust" aria-label="Adjust">
            <p className="hint">Select text in a row of the excerpt, pick its code, and add it. Add as many segments as the consensus should hold here.</p>
            <div className="adjust-tools">
              <CodeSelect codes={codes} value={draftCode} onChange={setDraftCode} label="Adjusted segment code" />
              <button type="button" className="button small" onMouseDown={(event) => event.preventDefault()} onClick={addDraft}>
                Add selection
              </button>
              <span className="toolbar-spacer" />
              <button type="button" className="button small" onClick={() => { setDrafts([]); onAdjusting(false); }}>
                Cancel
              </button>
              <button
                type="button"
                className="button small primary"
                disabled={drafts.length === 0}
                onClick={() => onDecide('adjust', { segments: drafts.map(({ code, start, end }) => ({ code, start, end })) })}
              >
                Save adjustment
              </button>
            </div>
            {hint && <p className="hint error-text">{hint}</p>}
            {drafts.length > 0 && (
              <ul className="drafts">
                {drafts.map((draft, i) => (
                  <li key={`${draft.start}:${draft.end}:${draft.codeId}`}>
                    <Swatch color={colors.get(draft.codeId) ?? '#888888'} />
                    <CodeLabel path={draft.code} />
                    <q>{draft.text}</q>
                    <button type="button" className="link" aria-label="Remove segment" onClick={() => setDrafts(drafts.filter((_, j) => j !== i))}>
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </section>

      <section className="comments" aria-label="Comments">
        <h3>Discussion</h3>
        {place.comments.length === 0 ? (
          <p className="muted small">No comments yet.</p>
        ) : (
          <ol className="comment-thread">
            {place.comments.map((entry) => (
              <li key={entry.id}>
                <span className="comment-meta">
                  <strong>{entry.coder}</strong> <span className="muted small">{formatTime(entry.at)}</span>
                </span>
                <p>{entry.body}</p>
              </li>
            ))}
          </ol>
        )}
        <form
          className="comment-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (comment.trim()) void onComment(comment).then((ok) => ok && setComment(''));
          }}
        >
          <textarea aria-label="Comment" rows={2} value={comment} placeholder="Add to the discussion" disabled={disabled} onChange={(event) => setComment(event.target.value)} />
          <button type="submit" className="button small" disabled={disabled || !comment.trim()}>
            Comment
          </button>
        </form>
      </section>
    </article>
  );
}
