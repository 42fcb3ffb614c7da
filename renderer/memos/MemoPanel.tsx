import type { DocumentContent, MemoView } from '../../app/service/views.js';
import { MemoEditor } from './MemoEditor.js';

export interface MemoPanelProps {
  memos: MemoView[];
  document: DocumentContent | null;
  onSaveProjectMemo(body: string, step: string): Promise<unknown> | void;
  onSaveDocumentMemo(body: string, step: string): Promise<unknown> | void;
  onOpenMemo(memo: MemoView): void;
  onClose(): void;
}

function targetLabel(memo: MemoView): string {
  switch (memo.target.kind) {
    case 'project':
      return 'Project';
    case 'document':
      return `Document · ${memo.target.title}`;
    case 'code':
      return `Code · ${memo.target.path}`;
    case 'coding':
      return 'Coding';
  }
}

/** Memos on the project and the open document, written in place, and a list of every memo. */
export function MemoPanel({ memos, document, onSaveProjectMemo, onSaveDocumentMemo, onOpenMemo, onClose }: MemoPanelProps) {
  const projectMemo = memos.find((memo) => memo.target.kind === 'project');
  const documentMemo = document ? memos.find((memo) => memo.target.kind === 'document' && memo.target.id === document.id) : undefined;
  return (
    <aside className="memo-panel" aria-label="Memos">
      <header className="pane-header">
        <h2>Memos</h2>
        <button type="button" className="link" aria-label="Close memos" onClick={onClose}>
          ×
        </button>
      </header>
      <MemoEditor label="Project memo" body={projectMemo?.body ?? ''} placeholder="Research questions, decisions, ideas…" onSave={onSaveProjectMemo} />
      {document && (
        <MemoEditor key={document.id} label={`Memo on “${document.title}”`} body={documentMemo?.body ?? ''} placeholder="What this text is, how it argues…" onSave={onSaveDocumentMemo} />
      )}
      <h3>All memos</h3>
      <ul className="memo-list">
        {memos.map((memo) => (
          <li key={memo.id}>
            <button type="button" className="memo-item" onClick={() => onOpenMemo(memo)}>
              <span className="muted small">{targetLabel(memo)}</span>
              <span className="memo-excerpt">{memo.body.length > 140 ? `${memo.body.slice(0, 139)}…` : memo.body}</span>
            </button>
          </li>
        ))}
        {memos.length === 0 && <li className="muted small">No memos yet.</li>}
      </ul>
    </aside>
  );
}
