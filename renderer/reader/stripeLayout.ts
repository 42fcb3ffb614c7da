/**
 * Margin stripes, as MAXQDA draws them: one vertical bar per code beside the passage it codes.
 * Codings of one code that touch or overlap merge into one bar; codes whose bars overlap get
 * different columns (greedy interval colouring, codes in order of where they start in the
 * text, so columns do not reshuffle as bars scroll in and out of view).
 *
 * Pure: pixel extents in, bars out.
 */
export interface StripeInput {
  id: string;
  codeId: string;
  codeName: string;
  color: string;
  /** Code point where the coding starts: orders codes into columns. */
  start: number;
  top: number;
  bottom: number;
}

export interface StripeBar {
  codeId: string;
  codeName: string;
  color: string;
  column: number;
  top: number;
  bottom: number;
  ids: string[];
}

/** Bars closer than this (px) merge, so one code's adjacent codings read as one run. */
const MERGE_GAP = 2;

export function layoutStripes(inputs: readonly StripeInput[]): StripeBar[] {
  const byCode = new Map<string, StripeInput[]>();
  for (const input of inputs) {
    const list = byCode.get(input.codeId);
    if (list) list.push(input);
    else byCode.set(input.codeId, [input]);
  }
  const codes = [...byCode.values()].map((list) => {
    list.sort((a, b) => a.top - b.top || a.start - b.start);
    const bars: StripeBar[] = [];
    for (const input of list) {
      const last = bars[bars.length - 1];
      if (last && input.top <= last.bottom + MERGE_GAP) {
        last.bottom = Math.max(last.bottom, input.bottom);
        last.ids.push(input.id);
      } else {
        bars.push({ codeId: input.codeId, codeName: input.codeName, color: input.color, column: 0, top: input.top, bottom: input.bottom, ids: [input.id] });
      }
    }
    const first = Math.min(...list.map((input) => input.start));
    return { codeId: list[0]!.codeId, first, bars };
  });
  codes.sort((a, b) => a.first - b.first || (a.codeId < b.codeId ? -1 : a.codeId > b.codeId ? 1 : 0));

  const columns: StripeBar[][] = [];
  const out: StripeBar[] = [];
  for (const code of codes) {
    let column = columns.findIndex((taken) => !code.bars.some((bar) => taken.some((other) => bar.top < other.bottom && other.top < bar.bottom)));
    if (column < 0) column = columns.push([]) - 1;
    for (const bar of code.bars) {
      bar.column = column;
      columns[column]!.push(bar);
      out.push(bar);
    }
  }
  return out;
}
