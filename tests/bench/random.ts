/**
 * A small seeded pseudo-random generator for the benchmarks: the same seed gives the same
 * project on every machine, so figures from two runs measure the same work. Never Math.random.
 */

/** splitmix32: spreads a seed (and a stream number) over the whole 32-bit state. */
function splitmix32(value: number): number {
  let z = (value + 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/** sfc32, seeded through splitmix32; `stream` gives independent sequences from one seed. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    this.a = splitmix32(seed >>> 0);
    this.b = splitmix32(this.a ^ Math.imul(stream + 1, 0x27d4eb2d));
    this.c = splitmix32(this.b);
    this.d = 1;
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** A uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** A uniform integer in [min, max) (max > min). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An index into a vocabulary skewed towards the front (roughly Zipf-like). */
  skewedIndex(length: number, power = 3): number {
    return Math.min(length - 1, Math.floor(length * this.next() ** power));
  }
}
