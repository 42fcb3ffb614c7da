/**
 * How one block is painted: its text cut into segments at every coding boundary, each segment
 * listing every coding that covers it, plus where codings end (for the coder-initials badges).
 *
 * Flattening overlaps into segments (instead of one nested span per coding) lets one span carry
 * all of its codings: `data-coding-ids` names them all for clicks and tests, and the style can
 * draw each coding's underline in a lane of its own. Lanes are given per block by interval
 * colouring, so a coding keeps its lane along its whole length within the block.
 *
 * Pure: code points in, code points out; no DOM, no ProseMirror.
 */
import { coderInitials } from './initials.js';

export interface PaintCoding {
  id: string;
  color: string;
  /** The code's path, as the codebook shows it. */
  codeName: string;
  coder: string;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** Codings covering the segment, by lane. */
  ids: string[];
  /** Underline colour per lane (index = lane), for the first UNDERLINE_LANES lanes. */
  lanes: Array<string | undefined>;
  /** Colour of the innermost (shortest) covering coding: the segment's tint. */
  tint: string;
  /** What covers the segment, in words, for screen readers ("Coded Trust, by Ana Lima"): the
   *  colours and stripes say it only to the eye. */
  description: string;
}

export interface EndMark {
  /** Code point where the badge sits (a coding's end, clamped to the block). */
  at: number;
  marks: Array<{ id: string; initials: string; coder: string; color: string }>;
  /** Codings that run on through this point: the badge is painted like their segment, so it
   *  does not cut their highlight in two. */
  through: Pick<Segment, 'ids' | 'lanes' | 'tint'> | null;
}

export interface BlockPaint {
  segments: Segment[];
  ends: EndMark[];
}

/** How many codings per segment get their own underline; the stripes show all of them. */
export const UNDERLINE_LANES = 3;

interface Item {
  coding: PaintCoding;
  start: number;
  end: number;
  lane: number;
  length: number;
}

/**
 * Paint block [blockStart, blockEnd) with the codings touching it. `nextBlockStart` is where the
 * next block starts (Infinity for the last): a coding that ends between the two ends, as far as
 * the eye can tell, at this block's end.
 */
export function paintBlock(
  blockStart: number,
  blockEnd: number,
  nextBlockStart: number,
  codings: readonly PaintCoding[],
  withEnds: boolean,
): BlockPaint {
  const items: Item[] = [];
  for (const coding of codings) {
    const start = Math.max(coding.start, blockStart);
    const end = Math.min(coding.end, blockEnd);
    if (end > start) items.push({ coding, start, end, lane: 0, length: coding.end - coding.start });
  }
  items.sort((a, b) => a.start - b.start || b.end - a.end || (a.coding.id < b.coding.id ? -1 : a.coding.id > b.coding.id ? 1 : 0));

  const laneEnds: number[] = [];
  for (const item of items) {
    let lane = laneEnds.findIndex((end) => end <= item.start);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = item.end;
    item.lane = lane;
  }

  const points = [...new Set(items.flatMap((item) => [item.start, item.end]))].sort((a, b) => a - b);
  const segments: Segment[] = [];
  let active: Item[] = [];
  let next = 0;
  for (let p = 0; p < points.length - 1; p++) {
    const at = points[p]!;
    active = active.filter((item) => item.end > at);
    while (next < items.length && items[next]!.start === at) active.push(items[next++]!);
    const paint = paintOf(active);
    if (paint) segments.push({ start: at, end: points[p + 1]!, ...paint });
  }

  const ends: EndMark[] = [];
  if (withEnds) {
    const byPoint = new Map<number, Item[]>();
    for (const item of items) {
      const end = item.coding.end;
      if (end <= blockEnd || end <= nextBlockStart) {
        const at = Math.min(end, blockEnd);
        const list = byPoint.get(at);
        if (list) list.push(item);
        else byPoint.set(at, [item]);
      }
    }
    for (const at of [...byPoint.keys()].sort((a, b) => a - b)) {
      const marks = byPoint
        .get(at)!
        .sort((a, b) => a.lane - b.lane)
        .map((item) => ({ id: item.coding.id, initials: coderInitials(item.coding.coder), coder: item.coding.coder, color: item.coding.color }));
      const through = paintOf(items.filter((item) => item.start < at && item.end > at));
      ends.push({ at, marks, through: through && { ids: through.ids, lanes: through.lanes, tint: through.tint } });
    }
  }
  return { segments, ends };
}

/** Ids by lane, lane colours, tint and description of a set of covering codings (null when empty). */
function paintOf(covering: readonly Item[]): Pick<Segment, 'ids' | 'lanes' | 'tint' | 'description'> | null {
  if (covering.length === 0) return null;
  const byLane = [...covering].sort((a, b) => a.lane - b.lane);
  const lanes: Array<string | undefined> = [];
  for (const item of byLane) if (item.lane < UNDERLINE_LANES) lanes[item.lane] = item.coding.color;
  let inner = byLane[0]!;
  for (const item of byLane) {
    if (item.length < inner.length || (item.length === inner.length && item.coding.id > inner.coding.id)) inner = item;
  }
  return { ids: byLane.map((item) => item.coding.id), lanes, tint: inner.coding.color, description: describeCodings(byLane.map((item) => item.coding)) };
}

/** "Coded Trust, by Ana Lima; Distrust, by Ben Okafor": each code once per coder, in order. */
export function describeCodings(codings: readonly Pick<PaintCoding, 'codeName' | 'coder'>[]): string {
  const parts = [...new Set(codings.map((coding) => `${coding.codeName}, by ${coding.coder}`))];
  return `Coded ${parts.join('; ')}`;
}
