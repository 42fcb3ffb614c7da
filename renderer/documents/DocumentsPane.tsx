import { useState } from 'react';
import type { PickedFile } from '../../app/service/bridge.js';
import type { DocumentSummary } from '../../app/service/views.js';
import type { FileOutcome } from './importFiles.js';

export interface DocumentsPaneProps {
  documents: DocumentSummary[];
  currentId: string | null;
  imports: FileOutcome[];
  onOpen(id: string): void;
  onPickFiles(): void;
  onDropFiles(files: PickedFile[]): void;
  onDismissImports(): void;
}

async function readDropped(list: FileList): Promise<PickedFile[]> {
  return Promise.all([...list].map(async (file) => ({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) })));
}

export function DocumentsPane({ documents, currentId, imports, onOpen, onPickFiles, onDropFiles, onDismissImports }: DocumentsPaneProps) {
  const [filter, setFilter] = useState('');
  const [dragging, setDragging] = useState(false);
  const shown = documents.filter((document) => document.title.toLowerCase().includes(filter.trim().toLowerCase()));
  const done = imports.filter((outcome) => outcome.status !== 'pending').length;

  return (
    <section
      className={`pane documents-pane ${dragging ? 'dragging' : ''}`}
      data-testid="documents-pane"
      aria-label="Documents"
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes('Files')) {
          event.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        void readDropped(event.dataTransfer.files).then(onDropFiles);
      }}
    >
      <header className="pane-header">
        <h2>Documents</h2>
        <button type="button" className="button small" onClick={onPickFiles} title="Import documents (txt, md, html, docx, pdf) or a codebook CSV">
          Import…
        </button>
      </header>
      <input className="filter" type="search" placeholder="Filter documents" aria-label="Filter documents" value={filter} onChange={(event) => setFilter(event.target.value)} />
      {imports.length > 0 && (
        <div className="import-report" role="status">
          <div className="progress" aria-label="Import progress">
            <div className="progress-bar" style={{ width: `${(done / imports.length) * 100}%` }} />
          </div>
          <div className="muted">
            {done < imports.length ? `Importing ${done + 1} of ${imports.length}…` : `Imported ${imports.filter((o) => o.status === 'imported').length} of ${imports.length}`}
            {done === imports.length && (
              <button type="button" className="link" onClick={onDismissImports}>
                Dismiss
              </button>
            )}
          </div>
          <ul>
            {imports.map((outcome, i) => (
              <li key={i} className={`outcome ${outcome.status}`} data-status={outcome.status}>
                <span className="outcome-name">{outcome.name}</span>
                <span className="outcome-detail">{outcome.status === 'pending' ? '…' : outcome.detail}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul className="document-list" role="listbox" aria-label="Document list">
        {shown.map((document) => (
          <li key={document.id} role="none">
            <button
              type="button"
              role="option"
              aria-selected={document.id === currentId}
              className={`document-item ${document.id === currentId ? 'current' : ''}`}
              onClick={() => onOpen(document.id)}
              title={`${document.sourceName} · ${document.characters.toLocaleString()} characters`}
            >
              <span className="document-title">{document.title}</span>
              <span className="muted small">
                {document.format} · {document.codings} coding{document.codings === 1 ? '' : 's'}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {documents.length === 0 && <p className="empty">Drop files here, or use Import…, to add texts to this project.</p>}
      {dragging && <div className="drop-hint">Drop to import</div>}
    </section>
  );
}
