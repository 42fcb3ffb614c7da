import type { ExchangeWarning } from '../../app/service/refiViews.js';

export interface ExportDialogProps {
  title: string;
  warnings: ExchangeWarning[];
  onExport(): void;
  onCancel(): void;
}

/** Before a REFI-QDA or Web Annotation export: what the format cannot carry, then a choice. */
export function ExportDialog({ title, warnings, onExport, onCancel }: ExportDialogProps) {
  return (
    <div className="overlay" onMouseDown={onCancel}>
      <div className="dialog export-dialog" role="dialog" aria-label={title} onMouseDown={(event) => event.stopPropagation()}>
        <h2>{title}</h2>
        {warnings.length === 0 ? (
          <p className="muted">Everything in this project fits the format.</p>
        ) : (
          <>
            <p>This format cannot carry everything Gloss holds. Left out or changed:</p>
            <ul className="export-warnings">
              {warnings.map((warning) => (
                <li key={warning.topic}>
                  {warning.message}
                  {warning.count ? <span className="muted"> ({warning.count})</span> : null}
                </li>
              ))}
            </ul>
          </>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="button primary" autoFocus onClick={onExport}>
            Export
          </button>
        </div>
      </div>
    </div>
  );
}
