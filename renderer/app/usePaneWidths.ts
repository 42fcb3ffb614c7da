import { useCallback, useState } from 'react';

const KEY = 'gloss.paneWidths';
const DEFAULT = { documents: 260, codebook: 320 };
const MIN = 180;
const MAX = 560;

export type PaneWidths = typeof DEFAULT;

function load(): PaneWidths {
  try {
    return { ...DEFAULT, ...(JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<PaneWidths>) };
  } catch {
    return DEFAULT;
  }
}

/** Widths of the side panes, dragged by their handles and remembered across sessions. */
export function usePaneWidths(): { widths: PaneWidths; startDrag(pane: keyof PaneWidths, event: React.PointerEvent): void } {
  const [widths, setWidths] = useState<PaneWidths>(load);
  const startDrag = useCallback((pane: keyof PaneWidths, event: React.PointerEvent) => {
    event.preventDefault();
    const startX = event.clientX;
    const startWidth = widths[pane];
    const sign = pane === 'documents' ? 1 : -1;
    const move = (moveEvent: PointerEvent): void => {
      const width = Math.min(MAX, Math.max(MIN, startWidth + sign * (moveEvent.clientX - startX)));
      setWidths((current) => ({ ...current, [pane]: width }));
    };
    const up = (): void => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      setWidths((current) => {
        localStorage.setItem(KEY, JSON.stringify(current));
        return current;
      });
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  }, [widths]);
  return { widths, startDrag };
}
