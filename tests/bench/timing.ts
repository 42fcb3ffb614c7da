/** Clocks, statistics and number formatting for the benchmarks. */

/** Nanoseconds on a monotonic clock. */
export function now(): bigint {
  return process.hrtime.bigint();
}

/** Seconds since `start` (from `now()`). */
export function secondsSince(start: bigint): number {
  return Number(now() - start) / 1e9;
}

/** Run `action` and return its result with the seconds it took. */
export async function timed<T>(action: () => T | Promise<T>): Promise<{ result: T; seconds: number }> {
  const start = now();
  const result = await action();
  return { result, seconds: secondsSince(start) };
}

/** A series of durations in seconds, for medians and percentiles. */
export class Samples {
  readonly values: number[] = [];

  add(seconds: number): void {
    this.values.push(seconds);
  }

  /** The samples from index `from` up to (not including) `to`. */
  slice(from: number, to?: number): Samples {
    const part = new Samples();
    for (const value of this.values.slice(from, to)) part.add(value);
    return part;
  }

  get count(): number {
    return this.values.length;
  }

  get total(): number {
    return this.values.reduce((sum, v) => sum + v, 0);
  }

  /** The p-th percentile (0..100) by nearest rank; the median is percentile(50). */
  percentile(p: number): number {
    return percentile(this.values, p);
  }

  get median(): number {
    return median(this.values);
  }

  get min(): number {
    return Math.min(...this.values);
  }

  get max(): number {
    return Math.max(...this.values);
  }
}

export function median(values: ArrayLike<number>): number {
  const sorted = Array.from(values).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: ArrayLike<number>, p: number): number {
  const sorted = Array.from(values).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Run `action` `times` times (after `warmup` unmeasured runs) and collect the durations. */
export async function repeat(times: number, action: () => unknown, warmup = 0): Promise<Samples> {
  for (let i = 0; i < warmup; i++) await action();
  const samples = new Samples();
  for (let i = 0; i < times; i++) {
    const start = now();
    await action();
    samples.add(secondsSince(start));
  }
  return samples;
}

// ---------------------------------------------------------------------------------------------
// Formatting

/** A number with `significant` significant digits but never in exponent form, no grouping. */
export function formatNumber(value: number, significant = 4): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  const digits = Math.max(0, significant - 1 - Math.floor(Math.log10(Math.abs(value))));
  const text = value.toFixed(Math.min(digits, 9));
  // Drop trailing zeros of a fraction: "0.02000" -> "0.02", "1.250" -> "1.25", "12.00" -> "12".
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** "1,234,567" for counts in prose. */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** A duration for prose: "850 µs", "12.3 ms", "4.56 s", "3 min 12 s". */
export function formatDuration(seconds: number): string {
  if (seconds < 1e-3) return `${formatNumber(seconds * 1e6, 3)} µs`;
  if (seconds < 1) return `${formatNumber(seconds * 1e3, 3)} ms`;
  if (seconds < 120) return `${formatNumber(seconds, 3)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

export function megabytes(bytes: number): number {
  return bytes / 1_000_000;
}
