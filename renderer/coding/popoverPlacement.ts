/** Where a popover goes beside a line of text: inside the window, and never over the line. */
export interface Box {
  top: number;
  left: number;
  /** The height it may take before it scrolls. */
  maxHeight: number;
}

const GAP = 8;
const MARGIN = 8;

export function placePopover(
  line: { top: number; bottom: number; left: number },
  size: { width: number; height: number },
  window: { width: number; height: number },
): Box {
  const below = window.height - line.bottom - GAP - MARGIN;
  const above = line.top - GAP - MARGIN;
  // Below the line where it fits (or where there is more room), else above it.
  const goBelow = size.height <= below || below >= above;
  const maxHeight = Math.max(120, goBelow ? below : above);
  const height = Math.min(size.height, maxHeight);
  const top = goBelow ? line.bottom + GAP : line.top - GAP - height;
  const left = Math.min(Math.max(MARGIN, line.left), Math.max(MARGIN, window.width - size.width - MARGIN));
  return { top: Math.max(MARGIN, top), left, maxHeight };
}
