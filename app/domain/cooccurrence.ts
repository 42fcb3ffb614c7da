/**
 * The code × code co-occurrence matrix (symmetric). Each cell is for two different codes A and
 * B; only segments in the same document can co-occur.
 *
 * scope 'overlap':
 * - count: pairs of segments (one of A, one of B) whose ranges share at least one code point.
 *   Half-open ranges: [0, 5) and [5, 9) touch but do not overlap.
 * - passages: maximal stretches of text inside both a segment of A and a segment of B (the
 *   intersection of A's union with B's union, per document; stretches that touch are one).
 * - characters: code points in those passages.
 *
 * scope 'paragraph':
 * - count: blocks (paragraphs, headings, list items, quotes) that both A and B have a segment
 *   touching (sharing at least one code point with the block). A segment outside every block
 *   touches none.
 * - pairs: the pairs of segments (one of A, one of B) touching a common block, each pair once.
 *
 * The diagonal (A with A) is A's segment count in either scope. A segment never pairs with
 * itself; segments of different codes pair whoever coded them.
 */
import type { Block } from './blocks.js';
import type { DocumentSegments } from './matrix.js';
import { blocksTouched } from './textUnits.js';

export type CooccurrenceScope = 'overlap' | 'paragraph';

export interface CooccurrenceCell<Ref> {
  /** Column indexes, a ≤ b. */
  a: number;
  b: number;
  count: number;
  /** Overlap scope only, off the diagonal. */
  passages?: number;
  characters?: number;
  /** Pairs [segment of code a, segment of code b]; empty on the diagonal or unless asked for. */
  pairs: [Ref, Ref][];
}

/** Two column indexes as one number: a * PAIR_KEY + b (columns are fewer than PAIR_KEY). */
const PAIR_KEY = 1 << 20;
/** Up to this many columns the figures live in flat arrays (width² entries); beyond, in maps. */
const DENSE_WIDTH = 1024;

/** Per pair of columns: a count, passages and characters, and the pairs of segments. */
class PairTable<Ref> {
  private readonly width: number;
  private readonly dense: { count: Int32Array; passages: Int32Array; characters: Float64Array } | null;
  private readonly sparse = new Map<number, { count: number; passages: number; characters: number }>();
  /** Pairs of segments by key: an array indexed by key when dense, else a map. */
  private readonly pairLists: ([Ref, Ref][] | undefined)[] | Map<number, [Ref, Ref][]>;

  constructor(width: number) {
    this.width = width;
    const size = width * width;
    this.dense = width <= DENSE_WIDTH ? { count: new Int32Array(size), passages: new Int32Array(size), characters: new Float64Array(size) } : null;
    this.pairLists = this.dense ? new Array<[Ref, Ref][] | undefined>(size) : new Map();
  }

  add(a: number, b: number, count: number, passages: number, characters: number): void {
    const key = a * this.width + b;
    if (this.dense) {
      this.dense.count[key]! += count;
      this.dense.passages[key]! += passages;
      this.dense.characters[key]! += characters;
      return;
    }
    const cell = this.sparse.get(key);
    if (cell) {
      cell.count += count;
      cell.passages += passages;
      cell.characters += characters;
    } else {
      this.sparse.set(key, { count, passages, characters });
    }
  }

  addPair(a: number, b: number, pair: [Ref, Ref]): void {
    const key = a * this.width + b;
    const lists = this.pairLists;
    const list = Array.isArray(lists) ? lists[key] : lists.get(key);
    if (list) list.push(pair);
    else if (Array.isArray(lists)) lists[key] = [pair];
    else lists.set(key, [pair]);
  }

  pairs(a: number, b: number): [Ref, Ref][] {
    const key = a * this.width + b;
    const lists = this.pairLists;
    return (Array.isArray(lists) ? lists[key] : lists.get(key)) ?? [];
  }

  /** Every pair of columns with a non-zero count, as [a, b, count, passages, characters], by a then b. */
  *entries(): Generator<[number, number, number, number, number]> {
    if (this.dense) {
      const { count, passages, characters } = this.dense;
      for (let key = 0; key < count.length; key++) {
        if (count[key]! > 0) yield [Math.floor(key / this.width), key % this.width, count[key]!, passages[key]!, characters[key]!];
      }
      return;
    }
    for (const key of [...this.sparse.keys()].sort((x, y) => x - y)) {
      const cell = this.sparse.get(key)!;
      yield [Math.floor(key / this.width), key % this.width, cell.count, cell.passages, cell.characters];
    }
  }
}

/**
 * Compute the matrix over `codes` (the column order), from each document's segments sorted by
 * start. `blocks` gives each document's blocks, for the paragraph scope.
 */
export function computeCooccurrence<Ref>(
  codes: readonly number[],
  segments: Iterable<DocumentSegments<Ref>>,
  scope: CooccurrenceScope,
  blocks: ReadonlyMap<number, readonly Block[]> = new Map(),
  options: { listPairs?: boolean } = {},
): CooccurrenceCell<Ref>[] {
  const listPairs = options.listPairs ?? true;
  const width = codes.length;
  if (width >= PAIR_KEY) throw new Error(`co-occurrence of ${width} codes: at most ${PAIR_KEY - 1}`);
  const columnOf = new Map(codes.map((code, i) => [code, i]));
  const diagonal = new Array<number>(width).fill(0);
  const table = new PairTable<Ref>(width);

  for (const list of segments) {
    const n = list.starts.length;
    const column = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const c = columnOf.get(list.codes[i]!);
      column[i] = c ?? -1;
      if (c !== undefined) diagonal[c]!++;
    }
    if (scope === 'overlap') overlapIn(list, column, table, listPairs);
    else paragraphsIn(list, column, blocks.get(list.document) ?? [], table, listPairs);
  }

  // Cells by a then b: each diagonal cell goes before the pairs of its row (a = b sorts first).
  const result: CooccurrenceCell<Ref>[] = [];
  let nextDiagonal = 0;
  const diagonalsUpTo = (a: number): void => {
    for (; nextDiagonal <= a && nextDiagonal < width; nextDiagonal++) {
      if (diagonal[nextDiagonal]! > 0) result.push({ a: nextDiagonal, b: nextDiagonal, count: diagonal[nextDiagonal]!, pairs: [] });
    }
  };
  for (const [a, b, count, passages, characters] of table.entries()) {
    diagonalsUpTo(a);
    const pairs = table.pairs(a, b);
    result.push(scope === 'overlap' ? { a, b, count, passages, characters, pairs } : { a, b, count, pairs });
  }
  diagonalsUpTo(width - 1);
  return result;
}

function pairOf<Ref>(list: DocumentSegments<Ref>, column: Int32Array, x: number, y: number): [Ref, Ref] {
  return column[x]! < column[y]! ? [list.refs[x]!, list.refs[y]!] : [list.refs[y]!, list.refs[x]!];
}

/** Pairs of overlapping segments by a sweep in start order, then each pair of codes' shared passages. */
function overlapIn<Ref>(list: DocumentSegments<Ref>, column: Int32Array, table: PairTable<Ref>, listPairs: boolean): void {
  const n = list.starts.length;
  const active: number[] = [];
  // Pair of columns -> overlapping segment pairs in this document.
  const touched = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (column[i]! < 0) continue;
    const start = list.starts[i]!;
    let kept = 0;
    for (const other of active) if (list.ends[other]! > start) active[kept++] = other;
    active.length = kept;
    for (const other of active) {
      if (column[other] === column[i]) continue;
      const a = Math.min(column[other]!, column[i]!);
      const b = Math.max(column[other]!, column[i]!);
      const key = a * PAIR_KEY + b;
      touched.set(key, (touched.get(key) ?? 0) + 1);
      if (listPairs) table.addPair(a, b, pairOf(list, column, other, i));
    }
    active.push(i);
  }
  if (touched.size === 0) return;
  // Each code's union in this document as flat [start, end, start, end, …], built in one pass
  // (segments come sorted by start).
  const unions = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const c = column[i]!;
    if (c < 0) continue;
    let union = unions.get(c);
    if (!union) unions.set(c, (union = []));
    const last = union.length - 1;
    if (last > 0 && list.starts[i]! <= union[last]!) {
      if (list.ends[i]! > union[last]!) union[last] = list.ends[i]!;
    } else {
      union.push(list.starts[i]!, list.ends[i]!);
    }
  }
  for (const [key, count] of touched) {
    const a = Math.floor(key / PAIR_KEY);
    const b = key % PAIR_KEY;
    const [passages, characters] = sharedStretches(unions.get(a)!, unions.get(b)!);
    table.add(a, b, count, passages, characters);
  }
}

/**
 * The maximal stretches two unions (flat, disjoint, ascending) both cover, and their code
 * points; stretches that touch count as one.
 */
export function sharedStretches(a: readonly number[], b: readonly number[]): [passages: number, characters: number] {
  let passages = 0;
  let characters = 0;
  let lastEnd = -1;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!, b[j]!);
    const end = Math.min(a[i + 1]!, b[j + 1]!);
    if (start < end) {
      if (start !== lastEnd) passages++;
      characters += end - start;
      lastEnd = end;
    }
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return [passages, characters];
}

/** Blocks both codes touch; pairs of segments touching a common block, each listed at the first. */
function paragraphsIn<Ref>(list: DocumentSegments<Ref>, column: Int32Array, blocks: readonly Block[], table: PairTable<Ref>, listPairs: boolean): void {
  const n = list.starts.length;
  const first = new Int32Array(n).fill(-1);
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (column[i]! < 0) continue;
    const touched = blocksTouched(blocks, list.starts[i]!, list.ends[i]!);
    if (!touched) continue;
    first[i] = touched[0];
    for (let b = touched[0]; b <= touched[1]; b++) {
      const inBlock = members.get(b);
      if (inBlock) inBlock.push(i);
      else members.set(b, [i]);
    }
  }
  for (const [block, inBlock] of members) {
    if (inBlock.length < 2) continue;
    const counted = new Set<number>();
    for (let p = 0; p < inBlock.length; p++) {
      for (let q = p + 1; q < inBlock.length; q++) {
        const x = inBlock[p]!;
        const y = inBlock[q]!;
        if (column[x] === column[y]) continue;
        const a = Math.min(column[x]!, column[y]!);
        const b = Math.max(column[x]!, column[y]!);
        const key = a * PAIR_KEY + b;
        if (!counted.has(key)) {
          counted.add(key);
          table.add(a, b, 1, 0, 0);
        }
        // A pair touching several common blocks is listed once, at the first of them.
        if (listPairs && block === Math.max(first[x]!, first[y]!)) table.addPair(a, b, pairOf(list, column, x, y));
      }
    }
  }
}
