import { useEffect, useMemo, useRef, useState } from 'react';
import { plural } from '../../app/domain/plural.js';
import type { CodeView } from '../../app/service/views.js';
import type { CodebookActions } from './CodebookPane.js';
import { ContextMenu, type MenuItem, type MenuPlace } from './ContextMenu.js';
import type { PinnedCodes } from './pins.js';
import { RenameInput } from './RenameInput.js';
import type { SubtreeTotals } from './totals.js';

export interface CodeTreeProps {
  codes: CodeView[];
  /** Key number (1–9) of each code that has one, pinned or recent. */
  keyOf: Map<string, number>;
  pins: PinnedCodes;
  totals: Map<string, SubtreeTotals>;
  hasSelection: boolean;
  /** The code whose details are open. */
  selectedId: string | null;
  renaming: string | null;
  actions: CodebookActions;
  onDetails(code: CodeView): void;
  onCloseDetails(): void;
  onRename(code: CodeView | null): void;
  onMerge(code: CodeView): void;
  onDelete(code: CodeView): void;
}

const DRAG_TYPE = 'application/x-gloss-code';
/**
 * A click on a code applies it to the reader's selection once this long has passed without a
 * second click: a double-click renames, and must never apply the code (let alone twice).
 */
const DOUBLE_CLICK_MS = 300;
const TYPE_AHEAD_MS = 700;

export const TREE_KEYS_HELP =
  'Arrow keys move, Right and Left open and close, Enter applies the code to the selected text (or opens its details when nothing is selected), Space or Alt+Enter opens its details, F2 renames, Shift+1 to 9 pins it to a number key, Delete deletes, the Menu key or Shift+F10 shows every action.';

/**
 * The codebook as an ARIA tree: one Tab stop (roving tabindex), arrow keys to move, open and
 * close, Enter to apply, Space for details, F2 to rename, Shift+digit to pin, Delete, and a
 * context menu with every action. The twisty is for the mouse only; expand state is the
 * treeitem's aria-expanded.
 */
export function CodeTree({ codes, keyOf, pins, totals, hasSelection, selectedId, renaming, actions, onDetails, onCloseDetails, onRename, onMerge, onDelete }: CodeTreeProps) {
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [active, setActive] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ code: CodeView; at: MenuPlace } | null>(null);
  const rows = useRef(new Map<string, HTMLLIElement>());
  const pendingApply = useRef<{ cancel(): void } | null>(null);
  const typeAhead = useRef({ text: '', at: 0 });

  const byId = useMemo(() => new Map(codes.map((code) => [code.id, code])), [codes]);
  const children = useMemo(() => {
    const map = new Map<string | null, CodeView[]>();
    for (const code of codes) map.set(code.parentId, [...(map.get(code.parentId) ?? []), code]);
    return map;
  }, [codes]);
  const visible = codes.filter((code) => {
    for (let parent = code.parentId; parent !== null; parent = byId.get(parent)?.parentId ?? null) if (collapsed.has(parent)) return false;
    return true;
  });
  // The one row in the Tab order: the last focused one while it is visible, else the first.
  const tabbable = visible.some((code) => code.id === active) ? active : (visible[0]?.id ?? null);

  useEffect(
    () => () => {
      pendingApply.current?.cancel();
    },
    [],
  );

  const focusRow = (id: string | undefined): void => {
    if (id === undefined) return;
    setActive(id);
    rows.current.get(id)?.focus();
  };
  const setOpen = (code: CodeView, open: boolean): void =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (open) next.delete(code.id);
      else next.add(code.id);
      return next;
    });
  const hasChildren = (code: CodeView): boolean => children.has(code.id);

  const togglePin = (code: CodeView, key: number): void => {
    if (pins.keyOf(code.id) === key) pins.unpin(code.id);
    else pins.pin(code.id, key);
  };

  const menuItems = (code: CodeView): MenuItem[] => {
    const pinned = pins.keyOf(code.id);
    const free = pins.freeKey();
    const items: MenuItem[] = [];
    if (hasSelection) items.push({ label: 'Apply to the selected text', shortcut: 'Enter', run: () => actions.apply(code) });
    items.push({ label: 'Details', shortcut: 'Space', run: () => onDetails(code) });
    items.push({ label: 'Rename', shortcut: 'F2', run: () => onRename(code) });
    if (pinned !== undefined) items.push({ label: `Unpin from key ${pinned}`, shortcut: `Shift+${pinned}`, run: () => pins.unpin(code.id) });
    else if (free !== undefined) items.push({ label: `Pin to key ${free}`, shortcut: `Shift+${free}`, run: () => pins.pin(code.id, free) });
    items.push({ label: 'Merge into…', run: () => onMerge(code) });
    items.push({ label: 'Delete…', shortcut: 'Del', danger: true, run: () => onDelete(code) });
    return items;
  };

  const openMenu = (code: CodeView, at: MenuPlace): void => {
    setActive(code.id);
    setMenu({ code, at });
  };

  const onRowKey = (event: React.KeyboardEvent<HTMLLIElement>, code: CodeView): void => {
    const at = visible.findIndex((candidate) => candidate.id === code.id);
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    const digit = /^Digit([1-9])$/.exec(event.code);
    if (event.key === 'ArrowDown' && plain) focusRow(visible[Math.min(at + 1, visible.length - 1)]?.id);
    else if (event.key === 'ArrowUp' && plain) focusRow(visible[Math.max(at - 1, 0)]?.id);
    else if (event.key === 'Home' && plain) focusRow(visible[0]?.id);
    else if (event.key === 'End' && plain) focusRow(visible[visible.length - 1]?.id);
    else if (event.key === 'ArrowRight' && plain) {
      if (!hasChildren(code)) return;
      if (collapsed.has(code.id)) setOpen(code, true);
      else focusRow(children.get(code.id)?.[0]?.id);
    } else if (event.key === 'ArrowLeft' && plain) {
      if (hasChildren(code) && !collapsed.has(code.id)) setOpen(code, false);
      else if (code.parentId !== null) focusRow(code.parentId);
    } else if (event.key === 'Enter' && event.altKey) onDetails(code);
    else if (event.key === 'Enter' && plain) {
      if (hasSelection) actions.apply(code);
      else onDetails(code);
    } else if (event.key === ' ' && plain) onDetails(code);
    else if (event.key === 'F2') onRename(code);
    else if (event.key === 'Delete' && plain) onDelete(code);
    else if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      const rect = event.currentTarget.getBoundingClientRect();
      openMenu(code, { x: rect.left + 24, y: rect.bottom });
    } else if (digit && event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey) togglePin(code, Number(digit[1]));
    else if (event.key === 'Escape' && selectedId !== null) onCloseDetails();
    else if (plain && !event.shiftKey && event.key.length === 1 && /\p{L}/u.test(event.key)) {
      // Type-ahead: the next visible code whose name starts with what was typed.
      const now = event.timeStamp;
      const text = (now - typeAhead.current.at < TYPE_AHEAD_MS ? typeAhead.current.text : '') + event.key.toLowerCase();
      typeAhead.current = { text, at: now };
      const order = [...visible.slice(at + (text.length === 1 ? 1 : 0)), ...visible.slice(0, at + (text.length === 1 ? 1 : 0))];
      focusRow(order.find((candidate) => candidate.name.toLowerCase().startsWith(text))?.id);
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  /**
   * Apply `code` once the double-click window has passed, or at once when the user moves on
   * first (a press elsewhere, any key): the code always goes to the selection that was there
   * when it was clicked, never to one made after.
   */
  const applySoon = (code: CodeView, row: HTMLElement): void => {
    let timer = 0;
    const onOther = (event: Event): void => {
      if (event.type === 'keydown' || !row.contains(event.target as Node)) run();
    };
    const cancel = (): void => {
      window.clearTimeout(timer);
      window.removeEventListener('pointerdown', onOther, true);
      window.removeEventListener('keydown', onOther, true);
      pendingApply.current = null;
    };
    const run = (): void => {
      cancel();
      actions.apply(code);
    };
    timer = window.setTimeout(run, DOUBLE_CLICK_MS);
    window.addEventListener('pointerdown', onOther, true);
    window.addEventListener('keydown', onOther, true);
    pendingApply.current = { cancel };
  };

  const onRowClick = (event: React.MouseEvent<HTMLElement>, code: CodeView): void => {
    setActive(code.id);
    pendingApply.current?.cancel();
    if (event.detail > 1) return; // the second click of a double-click: rename, below
    if (!hasSelection) {
      onDetails(code);
      return;
    }
    applySoon(code, event.currentTarget);
  };

  const dropOn = (target: CodeView | null, event: React.DragEvent): void => {
    event.preventDefault();
    setDropTarget(null);
    const source = byId.get(event.dataTransfer.getData(DRAG_TYPE));
    if (!source || source.id === target?.id) return;
    if (event.altKey && target) actions.merge(source, target);
    else actions.move(source, target);
  };

  return (
    <>
      <p id="codebook-keys" hidden>
        {TREE_KEYS_HELP}
      </p>
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
        {visible.map((code) => {
          const siblings = children.get(code.parentId) ?? [];
          const key = keyOf.get(code.id);
          const pinned = pins.keyOf(code.id) !== undefined;
          const total = totals.get(code.id);
          const counts = `${plural(code.segments, 'coding')} in ${plural(code.documents, 'document')}`;
          const totalText = total ? `${plural(total.segments, 'coding')} in ${plural(total.documents, 'document')} with its sub-codes` : '';
          const clickHint = hasSelection ? 'Click or Enter: apply to the selected text' : 'Click or Enter: details';
          return (
            <li
              key={code.id}
              ref={(element) => {
                if (element) rows.current.set(code.id, element);
                else rows.current.delete(code.id);
              }}
              role="treeitem"
              tabIndex={code.id === tabbable ? 0 : -1}
              aria-selected={code.id === selectedId}
              aria-expanded={hasChildren(code) ? !collapsed.has(code.id) : undefined}
              aria-level={code.depth + 1}
              aria-setsize={siblings.length}
              aria-posinset={siblings.indexOf(code) + 1}
              aria-label={`${code.path}, ${counts}${totalText ? `, ${totalText}` : ''}${key ? `, key ${key}` : ''}`}
              aria-describedby="codebook-keys"
              aria-keyshortcuts="Enter Space Alt+Enter F2 Delete Shift+F10"
              data-code-path={code.path}
              className={`code-row ${code.id === selectedId ? 'selected' : ''} ${dropTarget === code.id ? 'drop-target' : ''}`}
              style={{ paddingLeft: `${0.5 + code.depth * 1.1}rem` }}
              draggable={renaming !== code.id}
              onFocus={(event) => {
                if (event.target === event.currentTarget) setActive(code.id);
              }}
              onKeyDown={(event) => onRowKey(event, code)}
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
              onClick={(event) => onRowClick(event, code)}
              onDoubleClick={() => onRename(code)}
              onContextMenu={(event) => {
                event.preventDefault();
                openMenu(code, { x: event.clientX, y: event.clientY });
              }}
              title={`${code.path}${code.description ? ` — ${code.description}` : ''}\n${clickHint} · Space: details · F2 or double-click: rename · Shift+1–9: pin to a key · Delete: delete · right click or Shift+F10: more`}
            >
              <span
                className={`twisty ${hasChildren(code) ? '' : 'leaf'}`}
                aria-hidden="true"
                onClick={(event) => {
                  event.stopPropagation();
                  if (hasChildren(code)) setOpen(code, collapsed.has(code.id));
                }}
              >
                {hasChildren(code) ? (collapsed.has(code.id) ? '▸' : '▾') : ''}
              </span>
              <label className="swatch" style={{ background: code.color }} title="Change colour" onClick={(event) => event.stopPropagation()}>
                <input type="color" tabIndex={-1} value={code.color.toLowerCase()} aria-label={`Colour of ${code.name}`} onChange={(event) => actions.recolor(code, event.target.value)} />
              </label>
              {renaming === code.id ? (
                <RenameInput
                  value={code.name}
                  label="New name"
                  onDone={(name) => {
                    if (name !== null) actions.rename(code, name);
                    onRename(null);
                    focusRow(code.id);
                  }}
                />
              ) : (
                <span className="code-name">{code.name}</span>
              )}
              {key !== undefined && (
                <kbd className={`recent-key ${pinned ? 'pinned' : ''}`} title={pinned ? `Pinned to key ${key} (Shift+${key} unpins)` : `Key ${key}: a recent code (Shift+${key} pins it there)`}>
                  {key}
                </kbd>
              )}
              {/* A parent coded only through its sub-codes shows just its Σ: "0 · 0" there is noise. */}
              {(!total || code.segments > 0) && (
                <span className="counts muted" title={counts}>
                  {code.segments}
                  <span className="dot">·</span>
                  {code.documents}
                </span>
              )}
              {total && (
                <span className="aggregate" title={`Σ: ${totalText}`} data-testid="code-total">
                  Σ {total.segments}
                  <span className="dot">·</span>
                  {total.documents}
                </span>
              )}
              <button
                type="button"
                className="row-details"
                tabIndex={-1}
                aria-label={`Details of ${code.path}`}
                title="Details (Space)"
                onClick={(event) => {
                  event.stopPropagation();
                  onDetails(code);
                }}
              >
                <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                  <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.3" />
                  <circle cx="8" cy="5" r="0.9" fill="currentColor" />
                  <path d="M8 7.3v4.2" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
                </svg>
              </button>
            </li>
          );
        })}
      </ul>
      {menu && (
        <ContextMenu
          label={`Actions for ${menu.code.path}`}
          at={menu.at}
          items={menuItems(menu.code)}
          // Before an item runs too: the row gets focus back, then the item may move it (rename field, details).
          onClose={() => {
            setMenu(null);
            rows.current.get(menu.code.id)?.focus();
          }}
        />
      )}
    </>
  );
}
