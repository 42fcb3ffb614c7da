/**
 * The reader's copy of the codings shown: by id, and bucketed by the blocks each one touches, so
 * that repainting a block or drawing the stripes of what is on screen never looks at codings
 * elsewhere in the document. `update` diffs a full set against the current one in one pass and
 * returns only what changed: that is the path after every apply or undo.
 *
 * Pure: no DOM, no ProseMirror.
 */
import type { DocumentPositions } from './positions.js';
import type { ReaderCoding } from './types.js';

export interface CodingChanges {
  added: ReaderCoding[];
  removed: ReaderCoding[];
  /** Blocks whose paint changed, ascending, no duplicates. */
  dirtyBlocks: number[];
}

interface Entry {
  coding: ReaderCoding;
  /** Blocks [first, end) the coding touches. */
  first: number;
  end: number;
  /** Generation of the last `update` that listed it. */
  seen: number;
}

function sameCoding(a: ReaderCoding, b: ReaderCoding): boolean {
  return (
    a.start === b.start &&
    a.end === b.end &&
    a.color === b.color &&
    a.codeId === b.codeId &&
    a.codeName === b.codeName &&
    a.coder === b.coder
  );
}

export class CodingIndex {
  private readonly positions: DocumentPositions;
  private readonly byId = new Map<string, Entry>();
  private readonly buckets: Array<Entry[] | undefined>;
  private generation = 0;

  constructor(positions: DocumentPositions) {
    this.positions = positions;
    this.buckets = new Array<Entry[] | undefined>(positions.count);
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): ReaderCoding | undefined {
    return this.byId.get(id)?.coding;
  }

  /** Replace the whole set by `next`; O(n) with one map look-up per coding. */
  update(next: readonly ReaderCoding[]): CodingChanges {
    const generation = ++this.generation;
    const added: ReaderCoding[] = [];
    const removed: ReaderCoding[] = [];
    const dirty = new Set<number>();
    const oldSize = this.byId.size;
    let kept = 0;
    for (const coding of next) {
      const entry = this.byId.get(coding.id);
      if (entry === undefined) {
        if (this.insert(coding, generation, dirty)) added.push(coding);
        continue;
      }
      if (entry.seen === generation) continue; // a duplicate id: the first one wins
      entry.seen = generation;
      kept++;
      if (entry.coding !== coding && !sameCoding(entry.coding, coding)) {
        this.delete(entry, dirty);
        removed.push(entry.coding);
        if (this.insert(coding, generation, dirty)) added.push(coding);
      }
    }
    // Everything listed was seen; only when fewer old entries were listed than exist is there
    // anything to remove, so the common "one more coding" case never walks the map twice.
    if (kept < oldSize) {
      for (const entry of [...this.byId.values()]) {
        if (entry.seen !== generation) {
          this.delete(entry, dirty);
          removed.push(entry.coding);
        }
      }
    }
    return { added, removed, dirtyBlocks: [...dirty].sort((a, b) => a - b) };
  }

  /** Codings touching block i, in no particular order. */
  inBlock(i: number): readonly ReaderCoding[] {
    const bucket = this.buckets[i];
    return bucket === undefined ? [] : bucket.map((entry) => entry.coding);
  }

  /** Codings touching any block in [first, end), each once. */
  inBlocks(first: number, end: number): ReaderCoding[] {
    const out: ReaderCoding[] = [];
    const seen = new Set<string>();
    for (let i = first; i < end; i++) {
      for (const entry of this.buckets[i] ?? []) {
        if (!seen.has(entry.coding.id)) {
          seen.add(entry.coding.id);
          out.push(entry.coding);
        }
      }
    }
    return out;
  }

  /** Codings covering code point `offset` (start ≤ offset < end). */
  covering(offset: number): ReaderCoding[] {
    const block = this.positions.blockAtOffset(offset);
    return (this.buckets[block] ?? [])
      .map((entry) => entry.coding)
      .filter((coding) => coding.start <= offset && offset < coding.end);
  }

  /**
   * The coding that starts next after `offset` (direction 1) or last before it (-1), for
   * moving from coding to coding with the keyboard. Walks blocks outward from `offset` and looks
   * at each coding once, in the block where it starts.
   */
  adjacent(offset: number, direction: 1 | -1): ReaderCoding | undefined {
    const count = this.positions.count;
    const after = (a: number, b: number): boolean => (direction === 1 ? a > b : a < b);
    for (let block = this.positions.blockAtOffset(Math.max(0, Math.min(offset, this.positions.length))); block >= 0 && block < count; block += direction) {
      let best: ReaderCoding | undefined;
      for (const entry of this.buckets[block] ?? []) {
        const coding = entry.coding;
        if (entry.first !== block || !after(coding.start, offset)) continue;
        if (!best || after(best.start, coding.start)) best = coding;
      }
      if (best) return best;
    }
    return undefined;
  }

  /** Blocks [first, end) a coding in the index touches, or undefined. */
  blocksOf(id: string): [number, number] | undefined {
    const entry = this.byId.get(id);
    return entry === undefined ? undefined : [entry.first, entry.end];
  }

  private insert(coding: ReaderCoding, generation: number, dirty: Set<number>): boolean {
    // An empty or inverted range shows nothing; it is not indexed (and never reported added).
    if (!(coding.end > coding.start)) return false;
    const [first, end] = this.positions.blocksInRange(coding.start, coding.end);
    const entry: Entry = { coding, first, end, seen: generation };
    this.byId.set(coding.id, entry);
    for (let i = first; i < end; i++) {
      (this.buckets[i] ??= []).push(entry);
      dirty.add(i);
    }
    return true;
  }

  private delete(entry: Entry, dirty: Set<number>): void {
    this.byId.delete(entry.coding.id);
    for (let i = entry.first; i < entry.end; i++) {
      const bucket = this.buckets[i];
      if (bucket === undefined) continue;
      const at = bucket.indexOf(entry);
      if (at >= 0) {
        bucket[at] = bucket[bucket.length - 1]!;
        bucket.pop();
      }
      if (bucket.length === 0) this.buckets[i] = undefined;
      dirty.add(i);
    }
  }
}
