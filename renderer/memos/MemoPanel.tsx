import type { DocumentContent, MemoView } from '../../app/service/views.js';
import { MemoEditor } from './MemoEditor.js';
import { memoOn } from './memoOn.js';

export interface MemoPanelProps {
  memos: MemoView[];
  document: DocumentContent | null;
  onSaveProjectMemo(body: string, step: string): Promise<unknown> | void;
  onSaveDocumentMemo(body: string, step: string): Promise<unknown> | void;
  onOpenMemo(memo: MemoView): void;
  onDeleteMemo(memo: MemoView): void;
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
export function MemoPanel({ memos, document, onSaveProjectMemo, onSaveDocumentMemo, onOpenMemo, onDeleteMemo, onClose }: MemoPanelProps) {
  const projectMemo = memoOn(memos, { kind: 'project' });
  const documentMemo = document ? memoOn(memos, { kind: 'document', document: document.id }) : undefined;
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
              <span className="muted small">
                {targetLabel(memo)}
                {memo.title && ` · ${memo.title}`}
                {memo.duplicateOf !== null && ' · an older copy (from before memos were kept one per place)'}
              </span>
              <span className="memo-excerpt">{memo.body.length > 140 ? `${memo.body.slice(0, 139)}…` : memo.body}</span>
            </button>
            {memo.duplicateOf !== null && (
              <button type="button" className="button tiny danger-outline" onClick={() => onDeleteMemo(memo)} title="Delete this older copy (Ctrl+Z brings it back)">
                Delete copy
              </button>
            )}
          </li>
        ))}
        {memos.length === 0 && <li className="muted small">No memos yet.</li>}
      </ul>
    </aside>
  );
}
