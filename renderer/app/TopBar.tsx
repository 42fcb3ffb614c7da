import { useEffect, useRef, useState } from 'react';
import type { CoderView } from '../../app/service/views.js';
import { BLIND_NOTE } from '../review/blindApi.js';
import { initials } from './shortcuts.js';
import { EXPORT_ITEMS, type ExportCommand } from './useExports.js';

export interface TopBarProps {
  projectName: string | null;
  projectFile: string | undefined;
  coders: CoderView[];
  /** The coder the reader shows (null: every coder). */
  shownCoder: string | null;
  /** Blind coding is on: the filter is locked to this coder. */
  blindCoder: string | null;
  coder: string | null;
  memosOpen: boolean;
  onUndo(): void;
  onRedo(): void;
  onCoderFilter(coder: string | null): void;
  onExport(command: ExportCommand): void;
  onToggleMemos(): void;
  onChangeCoder(): void;
}

/** The project's name, undo and redo, the coder filter, Export, Memos and who is coding. */
export function TopBar(props: TopBarProps) {
  const { projectName, projectFile, coders, shownCoder, blindCoder, coder, memosOpen } = props;
  const [exportMenu, setExportMenu] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  // An open menu closes on Escape and on a press anywhere outside it, as menus do.
  useEffect(() => {
    if (!exportMenu) return;
    const onPress = (event: MouseEvent): void => {
      if (!menu.current?.contains(event.target as Node)) setExportMenu(false);
    };
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') setExportMenu(false);
    };
    window.addEventListener('mousedown', onPress, true);
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('mousedown', onPress, true);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [exportMenu]);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="logo" aria-hidden>
          ❡
        </span>
        <span className="project-name" data-testid="project-name" title={projectFile}>
          {projectName ?? 'Gloss'}
        </span>
      </div>
      <div className="topbar-tools">
        <button type="button" className="button ghost" onClick={props.onUndo} title="Undo (Ctrl+Z)" aria-label="Undo">
          ↶
        </button>
        <button type="button" className="button ghost" onClick={props.onRedo} title="Redo (Ctrl+Shift+Z)" aria-label="Redo">
          ↷
        </button>
        <label className="coder-filter" title={blindCoder ? BLIND_NOTE : undefined}>
          <span className="muted small">Show</span>
          <select aria-label="Coder filter" value={shownCoder ?? ''} disabled={blindCoder !== null} onChange={(event) => props.onCoderFilter(event.target.value || null)}>
            <option value="">all coders</option>
            {coders.map((option) => (
              <option key={option.id} value={option.name}>
                {option.name}
              </option>
            ))}
          </select>
        </label>
        {blindCoder && (
          <span className="blind-chip" role="note" data-testid="blind-note" title="Each coder sees only their own codings. End blind coding in the Review tab.">
            {BLIND_NOTE}
          </span>
        )}
        <div className="export-menu" ref={menu}>
          <button type="button" className="button ghost" aria-haspopup="menu" aria-expanded={exportMenu} onClick={() => setExportMenu((open) => !open)}>
            Export ▾
          </button>
          {exportMenu && (
            <ul className="export-menu-list" role="menu" onMouseLeave={() => setExportMenu(false)}>
              {EXPORT_ITEMS.map(([command, label]) => (
                <li key={command} role="none">
                  <button
                    type="button"
                    role="menuitem"
                    onClick={() => {
                      setExportMenu(false);
                      props.onExport(command);
                    }}
                  >
                    {label}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <button type="button" className="button ghost" onClick={props.onToggleMemos} aria-pressed={memosOpen} title="Memos">
          Memos
        </button>
        <button type="button" className="coder-chip" onClick={props.onChangeCoder} title="Change who is coding" data-testid="current-coder">
          <span className="avatar">{coder ? initials(coder) : '?'}</span>
          {coder ?? 'No coder'}
        </button>
      </div>
    </header>
  );
}
