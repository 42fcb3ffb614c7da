/**
 * Heights of every block, measured where the block has been rendered and estimated elsewhere,
 * in a Fenwick tree: the height above any block and the block at any height are O(log n), so
 * the spacers that stand in for unrendered text and the block under the viewport are found
 * without summing a book's worth of paragraphs on every scroll.
 *
 * Pure: no DOM.
 */
export class BlockHeights {
  readonly count: number;
  private readonly tree: Float64Array;
  private readonly values: Float64Array;
  private readonly measured: Uint8Array;

  constructor(count: number) {
    this.count = count;
    this.tree = new Float64Array(count + 1);
    this.values = new Float64Array(count);
    this.measured = new Uint8Array(count);
  }

  /** Replace every unmeasured height by `estimate(i)` (and every height when `all`); O(n). */
  estimate(estimate: (i: number) => number, all = false): void {
    for (let i = 0; i < this.count; i++) {
      if (all) this.measured[i] = 0;
      if (!this.measured[i]) this.values[i] = estimate(i);
    }
    // Linear-time Fenwick build.
    this.tree.fill(0);
    for (let i = 1; i <= this.count; i++) {
      this.tree[i]! += this.values[i - 1]!;
      const parent = i + (i & -i);
      if (parent <= this.count) this.tree[parent]! += this.tree[i]!;
    }
  }

  height(i: number): number {
    return this.values[i]!;
  }

  isMeasured(i: number): boolean {
    return this.measured[i] === 1;
  }

  /** Record block i's rendered height; returns the change. */
  measure(i: number, height: number): number {
    this.measured[i] = 1;
    const delta = height - this.values[i]!;
    if (delta === 0) return 0;
    this.values[i] = height;
    for (let j = i + 1; j <= this.count; j += j & -j) this.tree[j]! += delta;
    return delta;
  }

  /** Total height of blocks [0, i). */
  top(i: number): number {
    let sum = 0;
    for (let j = Math.min(i, this.count); j > 0; j -= j & -j) sum += this.tree[j]!;
    return sum;
  }

  get total(): number {
    return this.top(this.count);
  }

  /** The block at height `y` (clamped to the first and last block). */
  blockAt(y: number): number {
    if (this.count === 0) return 0;
    let index = 0;
    let remaining = y;
    let step = 1;
    while (step * 2 <= this.count) step *= 2;
    for (; step > 0; step >>= 1) {
      const next = index + step;
      if (next <= this.count && this.tree[next]! <= remaining) {
        index = next;
        remaining -= this.tree[next]!;
      }
    }
    return Math.min(index, this.count - 1);
  }
}
