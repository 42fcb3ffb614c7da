import { useState } from 'react';
import type { CodeView } from '../../app/service/views.js';
import { CodeDetails } from './CodeDetails.js';

export interface CodebookActions {
  apply(code: CodeView): void;
  create(path: string): void;
  rename(code: CodeView, name: string): void;
  recolor(code: CodeView, color: string): void;
  update(code: CodeView, fields: Partial<Pick<CodeView, 'description' | 'definition' | 'whenToUse' | 'whenNotToUse' | 'example'>>): void;
  move(code: CodeView, parent: CodeView | null): void;
  merge(source: CodeView, target: CodeView): void;
  remove(code: CodeView): void;
}

export interface CodebookPaneProps {
  codes: CodeView[];
  recent: CodeView[];
  hasSelection: boolean;
  selectedId: string | null;
  onSelect(id: string | null): void;
  actions: CodebookActions;
  memo: { body: string; onSave(body: string, step: string): Promise<unknown> | void } | null;
}

const DRAG_TYPE = 'application/x-gloss-code';

export function CodebookPane({ codes, recent, hasSelection, selectedId, onSelect, actions, memo }: CodebookPaneProps) {
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [renaming, setRenaming] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [newCode, setNewCode] = useState('');
  const byId = new Map(codes.map((code) => [code.id, code]));
  const hasChildren = new Set(codes.map((code) => code.parentId).filter((id): id is string => id !== null));
  const visible = codes.filter((code) => {
    for (let parent = code.parentId; parent !== null; parent = byId.get(parent)?.parentId ?? null) if (collapsed.has(parent)) return false;
    return true;
  });
  const selected = selectedId === null ? undefined : byId.get(selectedId);
  const recentNumber = new Map(recent.slice(0, 9).map((code, i) => [code.id, i + 1]));

  const dropOn = (target: CodeView | null, event: React.DragEvent): void => {
    event.preventDefault();
    setDropTarget(null);
    const source = byId.get(event.dataTransfer.getData(DRAG_TYPE));
    if (!source || source.id === target?.id) return;
    if (event.altKey && target) actions.merge(source, target);
    else actions.move(source, target);
  };

  return (
    <section className="pane codebook-pane" aria-label="Codebook" data-testid="codebook">
      <header className="pane-header">
        <h2>Codebook</h2>
        <span className="muted small" title="segments · documents">
          {codes.length} codes
        </span>
      </header>
      <form
        className="new-code"
        onSubmit={(event) => {
          event.preventDefault();
          if (newCode.trim()) actions.create(newCode.trim());
          setNewCode('');
        }}
      >
        <input placeholder="New code (Parent/child)…" aria-label="New code" value={newCode} onChange={(event) => setNewCode(event.target.value)} />
      </form>
      <ul
        className={`code-tree ${dropTarget === '' ? 'drop-root' : ''}`}
        role="tree"
        aria-label="Codes"
        onDragOver={(event) => {
          event.preventDefault();
          setDropTarget('');
        }}
        onDrop={(event) => dropOn(null, event)}
      >
        {visible.map((code) => (
          <li
            key={code.id}
            role="treeitem"
            aria-selected={code.id === selectedId}
            aria-level={code.depth + 1}
            data-code-path={code.path}
            className={`code-row ${code.id === selectedId ? 'selected' : ''} ${dropTarget === code.id ? 'drop-target' : ''}`}
            style={{ paddingLeft: `${0.5 + code.depth * 1.1}rem` }}
            draggable={renaming !== code.id}
            onDragStart={(event) => event.dataTransfer.setData(DRAG_TYPE, code.id)}
            onDragOver={(event) => {
              event.preventDefault();
              event.stopPropagation();
              setDropTarget(code.id);
            }}
            onDrop={(event) => {
              event.stopPropagation();
              dropOn(code, event);
            }}
            onClick={() => {
              onSelect(code.id);
              if (hasSelection) actions.apply(code);
            }}
            onDoubleClick={() => setRenaming(code.id)}
            title={hasSelection ? `Apply “${code.path}” to the selection` : code.description || code.path}
          >
            <button
              type="button"
              className={`twisty ${hasChildren.has(code.id) ? '' : 'leaf'}`}
              aria-label={collapsed.has(code.id) ? 'Expand' : 'Collapse'}
              onClick={(event) => {
                event.stopPropagation();
                setCollapsed((current) => {
                  const next = new Set(current);
                  if (next.has(code.id)) next.delete(code.id);
                  else next.add(code.id);
                  return next;
                });
              }}
            >
              {hasChildren.has(code.id) ? (collapsed.has(code.id) ? '▸' : '▾') : ''}
            </button>
            <label className="swatch" style={{ background: code.color }} title="Change colour" onClick={(event) => event.stopPropagation()}>
              <input type="color" value={code.color.toLowerCase()} aria-label={`Colour of ${code.name}`} onChange={(event) => actions.recolor(code, event.target.value)} />
            </label>
            {renaming === code.id ? (
              <input
                className="rename"
                defaultValue={code.name}
                autoFocus
                aria-label="New name"
                onClick={(event) => event.stopPropagation()}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    actions.rename(code, event.currentTarget.value);
                    setRenaming(null);
                  } else if (event.key === 'Escape') setRenaming(null);
                }}
                onBlur={() => setRenaming(null)}
              />
            ) : (
              <span className="code-name">{code.name}</span>
            )}
            {recentNumber.has(code.id) && <kbd className="recent-key" title={`Press ${recentNumber.get(code.id)} to apply`}>{recentNumber.get(code.id)}</kbd>}
            <span className="counts muted" title={`${code.segments} segments in ${code.documents} documents`}>
              {code.segments}
              <span className="dot">·</span>
              {code.documents}
            </span>
          </li>
        ))}
      </ul>
      {codes.length === 0 && <p className="empty">No codes yet. Type a name above, or select text and press Ctrl+K.</p>}
      {selected && (
        <CodeDetails
          key={selected.id}
          code={selected}
          codes={codes}
          memo={memo}
          onRename={() => setRenaming(selected.id)}
          actions={actions}
          onClose={() => onSelect(null)}
        />
      )}
    </section>
  );
}
