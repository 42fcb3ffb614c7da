import { useEffect } from 'react';
import type { MenuCommand } from '../../app/service/bridge.js';
import type { CodeView } from '../../app/service/views.js';
import type { Api } from '../api/api.js';
import type { CodingActions } from '../coding/useCodingActions.js';
import { requestFind } from '../find/FindBar.js';
import { isPrimaryModifier, isTypingTarget } from './shortcuts.js';
import { isExportCommand, type ExportCommand } from './useExports.js';

export interface ShortcutTargets {
  api: Api;
  coding: CodingActions;
  /** The code on each key 1–9 (index 0 is key 1); a key may have none. */
  numberedCodes: readonly (CodeView | undefined)[];
  /** The reader is the centre view (number keys code only there). */
  readerShowing: boolean;
  hasSelection(): boolean;
  openPalette(): void;
  importFiles(): void;
  runExport(command: ExportCommand): void;
  toggleMemos(): void;
  closePopover(): void;
}

/** The workbench's keys and the native menu's commands; both lead to the same actions. */
export function useShortcuts(targets: ShortcutTargets): void {
  const { api, coding, numberedCodes, readerShowing, hasSelection, openPalette, importFiles, runExport, toggleMemos, closePopover } = targets;

  useEffect(() => {
    const onCommand = (command: MenuCommand): void => {
      // In a text field, the menu's Undo and Redo act on the typing, as in any editor.
      const typing = isTypingTarget(document.activeElement);
      if ((command === 'undo' || command === 'redo') && typing) document.execCommand(command);
      else if (command === 'undo' || command === 'redo') void coding.history(command);
      else if (command === 'command-palette') openPalette();
      else if (command === 'import') importFiles();
      else if (isExportCommand(command)) runExport(command);
      else if (command === 'toggle-memos') toggleMemos();
      else if (command === 'find') requestFind();
    };
    return api.bridge.onMenuCommand(onCommand);
  }, [api, coding, openPalette, importFiles, runExport, toggleMemos]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const typing = isTypingTarget(event.target);
      const key = event.key.toLowerCase();
      const primary = isPrimaryModifier(event);
      if (primary && key === 'k') {
        event.preventDefault();
        openPalette();
      } else if (primary && key === 'z' && !typing) {
        // Inside a text field Ctrl+Z is the field's own undo of its typing.
        event.preventDefault();
        void coding.history(event.shiftKey ? 'redo' : 'undo');
      } else if (primary && key === 'y' && !typing) {
        event.preventDefault();
        void coding.history('redo');
      } else if (primary && key === 'i' && !typing) {
        event.preventDefault();
        void coding.inVivo();
      } else if (readerShowing && !typing && !event.ctrlKey && !event.metaKey && !event.altKey && /^[1-9]$/.test(event.key)) {
        const code = numberedCodes[Number(event.key) - 1];
        if (code && hasSelection()) {
          event.preventDefault();
          void coding.applyCode(code);
        }
      } else if (event.key === 'Escape') {
        closePopover();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [coding, numberedCodes, readerShowing, hasSelection, openPalette, closePopover]);
}
