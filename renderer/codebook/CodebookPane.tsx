import { useMemo, useRef, useState } from 'react';
import type { CodeView } from '../../app/service/views.js';
import { CodeDetails } from './CodeDetails.js';
import { CodeTree } from './CodeTree.js';
import type { PinnedCodes } from './pins.js';
import { subtreeTotals } from './totals.js';
import './codebook.css';

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
  /** What the number keys apply, index 0 being key 1: pinned codes, then recent ones. */
  recent: (CodeView | undefined)[];
  /** The codes pinned to number keys; without it the codebook offers no pinning. */
  pins?: PinnedCodes;
  hasSelection: boolean;
  selectedId: string | null;
  onSelect(id: string | null): void;
  actions: CodebookActions;
  memo: { body: string; onSave(body: string, step: string): Promise<unknown> | void } | null;
}

const NO_PINS: PinnedCodes = { pins: new Map(), pin: () => undefined, unpin: () => undefined, keyOf: () => undefined, freeKey: () => undefined };

/**
 * The codebook: a new-code field, the code tree, and the details of one code. A click on a code
 * applies it when text is selected in the reader (that is what a coder reaching for a code
 * means, as in MAXQDA and NVivo, where coding never opens the code's properties); the details
 * open on an explicit request: a click when nothing is selected, the row's ⓘ button, Space or
 * Alt+Enter, or the row's menu.
 */
export function CodebookPane({ codes, recent, pins = NO_PINS, hasSelection, selectedId, onSelect, actions, memo }: CodebookPaneProps) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [mergeRequest, setMergeRequest] = useState<{ id: string; n: number } | null>(null);
  const [newCode, setNewCode] = useState('');
  const pane = useRef<HTMLElement>(null);
  const selected = selectedId === null ? undefined : codes.find((code) => code.id === selectedId);
  const keyOf = new Map<string, number>();
  recent.slice(0, 9).forEach((code, i) => {
    if (code) keyOf.set(code.id, i + 1);
  });
  const totals = useMemo(() => subtreeTotals(codes), [codes]);

  const openDetails = (code: CodeView): void => {
    if (code.id !== selectedId) setDeleting(null);
    onSelect(code.id);
  };
  const closeDetails = (): void => {
    onSelect(null);
    setDeleting(null);
    // Back to the tree's row, so the keyboard user carries on where they were.
    pane.current?.querySelector<HTMLElement>('[role="treeitem"][tabindex="0"]')?.focus();
  };

  return (
    <section ref={pane} className="pane codebook-pane" aria-label="Codebook" data-testid="codebook">
      <header className="pane-header">
        <h2>Codebook</h2>
        <span className="muted small" title="Each code shows its codings · documents; Σ adds its sub-codes">
          {codes.length} code{codes.length === 1 ? '' : 's'}
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
      <CodeTree
        codes={codes}
        keyOf={keyOf}
        pins={pins}
        totals={totals}
        hasSelection={hasSelection}
        selectedId={selectedId}
        renaming={renaming}
        actions={actions}
        onDetails={openDetails}
        onCloseDetails={closeDetails}
        onRename={(code) => setRenaming(code?.id ?? null)}
        onMerge={(code) => {
          openDetails(code);
          setMergeRequest((request) => ({ id: code.id, n: (request?.n ?? 0) + 1 }));
        }}
        onDelete={(code) => {
          openDetails(code);
          setDeleting(code.id);
        }}
      />
      {codes.length === 0 && <p className="empty">No codes yet. Type a name above, or select text and press Ctrl+K.</p>}
      {selected && (
        <CodeDetails
          key={selected.id}
          code={selected}
          codes={codes}
          total={totals.get(selected.id)}
          memo={memo}
          pinKey={pins.keyOf(selected.id)}
          onPin={pins === NO_PINS ? undefined : (key) => (key === null ? pins.unpin(selected.id) : pins.pin(selected.id, key))}
          confirmDelete={deleting === selected.id}
          onConfirmDelete={(ask) => setDeleting(ask ? selected.id : null)}
          mergeRequest={mergeRequest?.id === selected.id ? mergeRequest.n : null}
          onRename={() => setRenaming(selected.id)}
          actions={{
            ...actions,
            remove: (code) => {
              // The row goes: the keyboard carries on from the next code outside it (or the one before).
              const rows = [...(pane.current?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? [])];
              const at = rows.findIndex((row) => row.dataset.codePath === code.path);
              const outside = (row: HTMLElement): boolean => row.dataset.codePath !== code.path && !row.dataset.codePath?.startsWith(`${code.path}/`);
              (rows.slice(at + 1).find(outside) ?? rows.slice(0, at).reverse().find(outside))?.focus();
              actions.remove(code);
            },
          }}
          onClose={closeDetails}
        />
      )}
    </section>
  );
}
