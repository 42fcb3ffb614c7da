import { useRef, useState } from 'react';
import { plural } from '../../app/domain/plural.js';
import type { DocumentDeletePreview, DocumentSummary } from '../../app/service/views.js';
import { ContextMenu, type MenuItem, type MenuPlace } from '../codebook/ContextMenu.js';
import { RenameInput } from '../codebook/RenameInput.js';
import type { DocumentActions } from './documentActions.js';
import './documents.css';

export interface DocumentListProps {
  documents: DocumentSummary[];
  currentId: string | null;
  onOpen(id: string): void;
  actions: DocumentActions | undefined;
}

const TYPE_AHEAD_MS = 700;

export const LIST_KEYS_HELP = 'Up and Down move, Home and End go to the first and last, typing letters jumps to a title, Enter opens, F2 renames, Delete deletes, the Menu key or Shift+F10 shows every action.';

/** "Its 3 codings, 1 memo and 2 attribute values", or null when nothing goes with the document. */
function impactText(impact: DocumentDeletePreview): string | null {
  const parts = [
    impact.codings > 0 ? plural(impact.codings, 'coding') : '',
    impact.memos > 0 ? plural(impact.memos, 'memo') : '',
    impact.attributeValues > 0 ? plural(impact.attributeValues, 'attribute value') : '',
    impact.reviewDecisions > 0 ? plural(impact.reviewDecisions, 'review decision') : '',
    impact.reviewComments > 0 ? plural(impact.reviewComments, 'review comment') : '',
  ].filter(Boolean);
  if (parts.length === 0) return null;
  const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `Its ${list}`;
}

/**
 * The documents as one listbox: a single Tab stop, arrow keys and type-ahead to move, Enter to
 * open, F2 to rename (a display title; the source file's name stays in the tooltip), Delete to
 * delete after a confirmation that says what goes with the document (one undo step).
 */
export function DocumentList({ documents, currentId, onOpen, actions }: DocumentListProps) {
  const [active, setActive] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ document: DocumentSummary; at: MenuPlace } | null>(null);
  const [deleting, setDeleting] = useState<{ document: DocumentSummary; impact: DocumentDeletePreview | null } | null>(null);
  const rows = useRef(new Map<string, HTMLLIElement>());
  const typeAhead = useRef({ text: '', at: 0 });

  const shownIds = documents.map((document) => document.id);
  const tabbable = [active, currentId].find((id) => id !== null && shownIds.includes(id)) ?? shownIds[0] ?? null;

  const focusRow = (id: string | undefined): void => {
    if (id === undefined) return;
    setActive(id);
    rows.current.get(id)?.focus();
  };

  const askDelete = (document: DocumentSummary): void => {
    if (!actions) return;
    setDeleting({ document, impact: null });
    void actions.impact(document).then((impact) => setDeleting((current) => (current?.document.id === document.id ? { document, impact } : current)));
  };
  const endDelete = (confirmed: boolean): void => {
    if (!deleting) return;
    const at = shownIds.indexOf(deleting.document.id);
    setDeleting(null);
    if (confirmed) {
      actions?.remove(deleting.document);
      focusRow(shownIds[at + 1] ?? shownIds[at - 1]);
    } else focusRow(deleting.document.id);
  };

  const menuItems = (document: DocumentSummary): MenuItem[] => [
    { label: 'Open', shortcut: 'Enter', run: () => onOpen(document.id) },
    ...(actions
      ? [
          { label: 'Rename', shortcut: 'F2', run: () => setRenaming(document.id) },
          { label: 'Delete…', shortcut: 'Del', danger: true, run: () => askDelete(document) },
        ]
      : []),
  ];

  const onRowKey = (event: React.KeyboardEvent<HTMLLIElement>, document: DocumentSummary): void => {
    const at = shownIds.indexOf(document.id);
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    if (event.key === 'ArrowDown' && plain) focusRow(shownIds[Math.min(at + 1, shownIds.length - 1)]);
    else if (event.key === 'ArrowUp' && plain) focusRow(shownIds[Math.max(at - 1, 0)]);
    else if (event.key === 'Home' && plain) focusRow(shownIds[0]);
    else if (event.key === 'End' && plain) focusRow(shownIds[shownIds.length - 1]);
    else if ((event.key === 'Enter' || event.key === ' ') && plain) onOpen(document.id);
    else if (event.key === 'F2' && actions) setRenaming(document.id);
    else if (event.key === 'Delete' && plain && actions) askDelete(document);
    else if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      const rect = event.currentTarget.getBoundingClientRect();
      setMenu({ document, at: { x: rect.left + 24, y: rect.bottom } });
    } else if (plain && !event.shiftKey && event.key.length === 1 && /\p{L}/u.test(event.key)) {
      // Type-ahead: the next title that starts with the letters typed (digits stay the 1–9 code keys).
      const now = event.timeStamp;
      const text = (now - typeAhead.current.at < TYPE_AHEAD_MS ? typeAhead.current.text : '') + event.key.toLowerCase();
      typeAhead.current = { text, at: now };
      const from = at + (text.length === 1 ? 1 : 0);
      const order = [...documents.slice(from), ...documents.slice(0, from)];
      focusRow(order.find((candidate) => candidate.title.toLowerCase().startsWith(text))?.id);
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const impact = deleting?.impact ? impactText(deleting.impact) : null;

  return (
    <>
      <p id="document-keys" hidden>
        {LIST_KEYS_HELP}
      </p>
      {deleting && (
        <div
          className="document-delete"
          role="alertdialog"
          aria-label={`Delete ${deleting.document.title}`}
          aria-describedby="document-delete-text"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              endDelete(false);
            }
          }}
        >
          <p id="document-delete-text">
            Delete “{deleting.document.title}”?{' '}
            {deleting.impact === null
              ? 'Counting what goes with it…'
              : `${impact ? `${impact} go with it.` : 'It has no codings, memos or attribute values.'} Undo (Ctrl+Z) brings it all back.`}
          </p>
          {/* The buttons come once the count is in, so the choice is made knowing it (and Delete gets focus then). */}
          {deleting.impact !== null && (
            <div className="dialog-actions">
              <button type="button" className="button small danger" autoFocus onClick={() => endDelete(true)}>
                Delete document
              </button>
              <button type="button" className="button small" onClick={() => endDelete(false)}>
                Keep
              </button>
            </div>
          )}
        </div>
      )}
      <ul className="document-list" role="listbox" aria-label="Document list" aria-describedby="document-keys">
        {documents.map((document) => (
          <li
            key={document.id}
            ref={(element) => {
              if (element) rows.current.set(document.id, element);
              else rows.current.delete(document.id);
            }}
            role="option"
            tabIndex={document.id === tabbable ? 0 : -1}
            aria-selected={document.id === currentId}
            className={`document-item ${document.id === currentId ? 'current' : ''}`}
            data-document-id={document.id}
            onFocus={(event) => {
              if (event.target === event.currentTarget) setActive(document.id);
            }}
            onKeyDown={(event) => onRowKey(event, document)}
            onClick={() => {
              setActive(document.id);
              onOpen(document.id);
            }}
            onContextMenu={(event) => {
              event.preventDefault();
              setActive(document.id);
              setMenu({ document, at: { x: event.clientX, y: event.clientY } });
            }}
            title={`${document.title}\nSource file: ${document.sourceName} · ${document.characters.toLocaleString()} characters\nEnter: open · F2: rename · Delete: delete · right click or Shift+F10: more`}
          >
            {renaming === document.id ? (
              <RenameInput
                value={document.title}
                label="New document title"
                className="rename document-rename"
                onDone={(title) => {
                  if (title !== null) actions?.rename(document, title);
                  setRenaming(null);
                  focusRow(document.id);
                }}
              />
            ) : (
              <span className="document-title">{document.title}</span>
            )}
            <span className="muted small document-meta">
              {document.format} · {plural(document.codings, 'coding')}
              {/* A renamed document still says which file it came from. */}
              {document.title !== document.sourceName.replace(/\.[^.]+$/, '') && ` · ${document.sourceName}`}
            </span>
          </li>
        ))}
      </ul>
      {menu && (
        <ContextMenu
          label={`Actions for ${menu.document.title}`}
          at={menu.at}
          items={menuItems(menu.document)}
          onClose={() => {
            setMenu(null);
            rows.current.get(menu.document.id)?.focus();
          }}
        />
      )}
    </>
  );
}
