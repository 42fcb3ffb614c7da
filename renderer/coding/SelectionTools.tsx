import type { ReaderSelection } from '../reader/index.js';

export interface SelectionToolsProps {
  selection: ReaderSelection;
  onOpenPalette(): void;
  onInVivo(): void;
}

/** Above the reader while text is selected: its length, the palette and in vivo coding. */
export function SelectionTools({ selection, onOpenPalette, onInVivo }: SelectionToolsProps) {
  const length = [...selection.text].length;
  return (
    <div className="selection-tools" aria-label="Selection">
      <span className="muted small" data-testid="selection-info">
        {length} {length === 1 ? 'character' : 'characters'}
      </span>
      <button type="button" className="button small" onClick={onOpenPalette} title="Apply a code (Ctrl+K)">
        Code… <kbd>Ctrl K</kbd>
      </button>
      <button type="button" className="button small" onClick={onInVivo} title="Create a code named by the selected words (Ctrl+I)">
        In vivo <kbd>Ctrl I</kbd>
      </button>
    </div>
  );
}
