/** Small shared pieces of the review views: figures that may be undefined, status and choice names. */
import type { Statistic } from '../../app/service/agreementViews.js';
import type { PlaceKind, ReviewChoice, ReviewStatus } from '../../app/service/reviewViews.js';

/** Numbered footnotes for the reasons of undefined figures: each reason once, in first-seen order. */
export class ReasonNotes {
  readonly reasons: string[] = [];

  readonly note = (reason: string): number => {
    const at = this.reasons.indexOf(reason);
    if (at >= 0) return at + 1;
    this.reasons.push(reason);
    return this.reasons.length;
  };
}

/**
 * A coefficient to three decimals; an undefined one says so, with its numbered reason, never 0
 * or 1. A function, not a component: the reasons are numbered in the order the table is built.
 */
export function statisticCell({ statistic, percent, label, note, suffix }: { statistic: Statistic; percent?: boolean; label: string; note(reason: string): number; suffix?: string }) {
  if (statistic.value === null) {
    return (
      <td className="stat undefined-stat" title={`${label} is undefined: ${statistic.reason}`} data-reason={statistic.reason}>
        undefined<sup className="note-ref">{note(statistic.reason)}</sup>
      </td>
    );
  }
  return (
    <td className="stat" title={label}>
      {formatStatistic(statistic.value, percent)}
      {suffix && <span className="stat-suffix"> {suffix}</span>}
    </td>
  );
}

export function formatStatistic(value: number, percent = false): string {
  return percent ? `${(value * 100).toFixed(1)} %` : value.toFixed(3);
}

export const STATUS_LABELS: Record<ReviewStatus, string> = {
  unreviewed: 'Unreviewed',
  agreed: 'Agreed',
  disputed: 'Disputed',
  resolved: 'Resolved',
};

/** In the order the queue and filters list them (the labels' key order). */
export const REVIEW_STATUS_LIST = (): ReviewStatus[] => Object.keys(STATUS_LABELS) as ReviewStatus[];

export const KIND_LABELS: Record<PlaceKind, string> = {
  agreement: 'Agreement',
  'one-coded': 'Coded by some only',
  'different-codes': 'Different codes',
  'different-boundaries': 'Different boundaries',
};

export const PLACE_KIND_LIST = (): PlaceKind[] => Object.keys(KIND_LABELS) as PlaceKind[];

export const CHOICE_LABELS: Record<ReviewChoice, string> = {
  agree: 'Agreed',
  accept: 'Accepted a version',
  merge: 'Merged',
  adjust: 'Adjusted',
  reject: 'Rejected',
  discuss: 'Marked for discussion',
};

export function StatusBadge({ status }: { status: ReviewStatus }) {
  return (
    <span className={`status-badge ${status}`} data-status={status}>
      {STATUS_LABELS[status]}
    </span>
  );
}

export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
