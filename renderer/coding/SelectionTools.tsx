import type { CodeView } from '../../app/service/views.js';
import type { ReaderSelection } from '../reader/index.js';

export interface SelectionToolsProps {
  selection: ReaderSelection;
  /** The codes on keys 1–9. */
  numberedCodes: CodeView[];
  onOpenPalette(): void;
  onInVivo(): void;
  onApply(code: CodeView): void;
}

/** Above the reader while text is selected: its length, the palette, in vivo and the numbered codes. */
export function SelectionTools({ selection, numberedCodes, onOpenPalette, onInVivo, onApply }: SelectionToolsProps) {
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
      {numberedCodes.slice(0, 9).map((code, i) => (
        <button key={code.id} type="button" className="chip" onClick={() => onApply(code)} title={`Apply “${code.path}” (${i + 1})`}>
          <kbd>{i + 1}</kbd>
          <span className="swatch" style={{ background: code.color }} />
          {code.name}
        </button>
      ))}
    </div>
  );
}
