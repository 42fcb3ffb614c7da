/**
 * The benchmark report: readable for people and greppable for scripts. Every figure is one line
 *
 *     <section>.<name>   <value>  <unit>  <note>
 *
 * with the key in the first column and a plain number (no grouping, no exponent) in the second,
 * so `grep '^import.throughput_mb_s ' | awk '{print $2}'` gets the value. Prose lines start with
 * "#" or "==" and never look like a figure.
 */
import { formatNumber } from './timing.js';

const KEY_WIDTH = 44;
const VALUE_WIDTH = 12;
const UNIT_WIDTH = 12;

export interface Figure {
  key: string;
  value: number;
  unit: string;
  note?: string;
}

export class Report {
  readonly figures: Figure[] = [];
  private readonly write: (line: string) => void;

  constructor(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {
    this.write = write;
  }

  line(text = ''): void {
    this.write(text);
  }

  /** A section heading, with a blank line before it. */
  section(title: string): void {
    this.write('');
    this.write(`== ${title} ${'='.repeat(Math.max(3, KEY_WIDTH + VALUE_WIDTH + UNIT_WIDTH - title.length - 4))}`);
  }

  /** A line of prose under the current section. */
  note(text: string): void {
    for (const line of text.split('\n')) this.write(`# ${line}`);
  }

  /** One measured (or counted) figure; `significant` digits are kept for fractions. */
  figure(key: string, value: number, unit: string, note?: string, significant = 4): void {
    if (!/^[a-z0-9_]+(\.[a-z0-9_]+)+$/.test(key)) throw new Error(`bad figure key ${key}`);
    if (this.figures.some((figure) => figure.key === key)) throw new Error(`figure ${key} reported twice`);
    this.figures.push(note === undefined ? { key, value, unit } : { key, value, unit, note });
    const text = formatNumber(value, significant);
    const columns = `${key.padEnd(KEY_WIDTH - 1)} ${text.padStart(VALUE_WIDTH)}  ${unit}`;
    this.write(note === undefined ? columns : `${columns.padEnd(KEY_WIDTH + VALUE_WIDTH + UNIT_WIDTH + 2)}  ${note}`);
  }

  /** The figures as one JSON object, key -> value. */
  toJson(): string {
    return JSON.stringify(Object.fromEntries(this.figures.map((figure) => [figure.key, figure.value])), null, 2);
  }
}
