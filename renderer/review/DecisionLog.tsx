/** The decision log: every decision, oldest first, as the reviewer made it. */
import type { DecisionView, LoggedSegment } from '../../app/service/reviewViews.js';
import { useLoad, type AnalysisProps } from '../analysis/common.js';
import { CHOICE_LABELS, formatTime, KIND_LABELS, StatusBadge } from './format.js';

function segments(list: LoggedSegment[]): string {
  return list.length === 0 ? 'nothing' : list.map((segment) => `${segment.code} ${segment.start}–${segment.end}`).join('; ');
}

function choiceText(decision: DecisionView): string {
  return decision.choice === 'accept' && decision.acceptedCoder ? `Accepted ${decision.acceptedCoder}` : CHOICE_LABELS[decision.choice];
}

export function DecisionLog({ wb }: AnalysisProps) {
  const log = useLoad(() => wb.api.run('review.log', {}), [wb.api, wb.project]);
  if (log.error) return <p className="empty error-text">{log.error}</p>;
  if (!log.data) return null;
  if (log.data.length === 0) return <p className="empty">No decisions yet. Decide places in the Places section; each decision is logged here.</p>;
  return (
    <div className="analysis-body">
      <table className="grid-table decision-log" aria-label="Decision log">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Reviewer</th>
            <th scope="col">Document</th>
            <th scope="col">Place</th>
            <th scope="col">Decision</th>
            <th scope="col">Reason</th>
            <th scope="col">Versions</th>
            <th scope="col">Consensus</th>
          </tr>
        </thead>
        <tbody>
          {[...log.data].reverse().map((decision) => (
            <tr key={decision.id} data-choice={decision.choice}>
              <td className="nowrap">{formatTime(decision.at)}</td>
              <td>{decision.reviewer}</td>
              <td>{decision.documentTitle}</td>
              <td className="nowrap">
                {KIND_LABELS[decision.kind]}
                <br />
                <span className="muted small">
                  {decision.start}–{decision.end}
                </span>
              </td>
              <td>
                <StatusBadge status={decision.status} /> {choiceText(decision)}
              </td>
              <td className="reason-cell">{decision.reason}</td>
              <td className="small">
                {decision.versions.map((version) => (
                  <div key={version.coder}>
                    <strong>{version.coder}:</strong> {segments(version.segments)}
                  </div>
                ))}
              </td>
              <td className="small">{decision.choice === 'discuss' ? '—' : segments(decision.outcome)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
