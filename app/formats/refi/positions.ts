/**
 * Selection positions in REFI-QDA files, and the units tools really count them in.
 *
 * The spec counts Unicode code points from 0, end exclusive. NVivo for Windows counts UTF-16
 * code units and counts CRLF as two; ATLAS.ti is reported to store CRLF but count it as one.
 * Gloss's offsets are code points into the canonical text (BOM removed, CRLF/CR → LF).
 *
 * So a source's positions are read under each of four interpretations (unit × line ends), over
 * its text as stored (BOM removed, line ends kept), and mapped to canonical code points. The
 * one that holds is chosen per source:
 *
 *   1. it must put every selection inside the text;
 *   2. where selections carry their text in `name`, the interpretation under which the most
 *      names equal the text at their positions wins (ties go to the tool's own rule);
 *   3. where no name carries text, the tool's rule (the `origin` names NVivo: UTF-16 units,
 *      CRLF as two; anything else: code points), unless another interpretation puts clearly
 *      more selections on word boundaries.
 *
 * Positions are mapped through a table per interpretation, built once per source, so each
 * conversion is one lookup.
 */

export type PositionUnit = 'codepoint' | 'utf16';
export type LineEndCount = 'crlf-as-one' | 'crlf-as-two';

export interface Interpretation {
  unit: PositionUnit;
  lineEnds: LineEndCount;
}

export const INTERPRETATIONS: readonly Interpretation[] = [
  { unit: 'codepoint', lineEnds: 'crlf-as-one' },
  { unit: 'codepoint', lineEnds: 'crlf-as-two' },
  { unit: 'utf16', lineEnds: 'crlf-as-two' },
  { unit: 'utf16', lineEnds: 'crlf-as-one' },
];

export function describeInterpretation(interpretation: Interpretation, text: Pick<SourceText, 'hasCrlf' | 'hasAstral'>): string {
  const unit = interpretation.unit === 'codepoint' ? 'Unicode code points' : 'UTF-16 code units';
  if (!text.hasCrlf) return text.hasAstral ? unit : 'characters (the text has no astral characters and no CRLF, so every rule agrees)';
  return `${text.hasAstral ? unit : 'characters'}, CRLF counted as ${interpretation.lineEnds === 'crlf-as-two' ? 'two' : 'one'}`;
}

/** The rule a tool follows, from the project's `origin`. */
export function toolInterpretation(origin: string | undefined): Interpretation {
  if (origin !== undefined && /nvivo/i.test(origin)) return { unit: 'utf16', lineEnds: 'crlf-as-two' };
  return { unit: 'codepoint', lineEnds: 'crlf-as-one' };
}

function same(a: Interpretation, b: Interpretation): boolean {
  return a.unit === b.unit && a.lineEnds === b.lineEnds;
}

interface PositionTable {
  /** Canonical code point at each position of the interpretation (length = units + 1). */
  at: Int32Array;
  /** 1 where a position falls inside a character (between CR and LF, or inside a surrogate pair). */
  inside: Uint8Array;
}

/** A source's text as stored (BOM removed, line ends as they were) and its canonical form. */
export class SourceText {
  readonly raw: string;
  readonly canonical: string;
  readonly hasCrlf: boolean;
  readonly hasAstral: boolean;
  /** Canonical UTF-16 index of every canonical code point (length = code points + 1). */
  private readonly canonicalUtf16: Int32Array;
  private readonly tables = new Map<string, PositionTable>();

  constructor(raw: string) {
    this.raw = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    this.canonical = this.raw.replace(/\r\n?/g, '\n');
    this.hasCrlf = this.raw.includes('\r\n');
    this.hasAstral = /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(this.raw);
    const text = this.canonical;
    const offsets = new Int32Array(text.length + 1);
    let count = 0;
    for (let i = 0; i < text.length; i++) {
      offsets[count++] = i;
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
    }
    offsets[count++] = text.length;
    this.canonicalUtf16 = offsets.subarray(0, count);
  }

  /** Length of the canonical text in code points. */
  get length(): number {
    return this.canonicalUtf16.length - 1;
  }

  /** The canonical text of code points [start, end). */
  slice(start: number, end: number): string {
    return this.canonical.slice(this.canonicalUtf16[start], this.canonicalUtf16[end]);
  }

  /** Interpretations that differ on this text (the others give the same offsets as one of these). */
  distinct(order: readonly Interpretation[]): Interpretation[] {
    const result: Interpretation[] = [];
    const key = (i: Interpretation): string => `${this.hasAstral ? i.unit : '-'}/${this.hasCrlf ? i.lineEnds : '-'}`;
    const seen = new Set<string>();
    for (const interpretation of order) {
      if (seen.has(key(interpretation))) continue;
      seen.add(key(interpretation));
      result.push(interpretation);
    }
    return result;
  }

  /** How many positions the text has under `interpretation` (its length in those units). */
  unitLength(interpretation: Interpretation): number {
    return this.table(interpretation).at.length - 1;
  }

  /**
   * The canonical code-point offset of `position` under `interpretation`, or undefined when it
   * lies past the text. A position inside a character moves to that character's start for a
   * start, past it for an end, so a selection never splits a character.
   */
  toCanonical(interpretation: Interpretation, position: number, edge: 'start' | 'end'): number | undefined {
    const table = this.table(interpretation);
    if (!Number.isInteger(position) || position < 0 || position >= table.at.length) return undefined;
    const offset = table.at[position]!;
    return edge === 'end' && table.inside[position] === 1 ? offset + 1 : offset;
  }

  private table(interpretation: Interpretation): PositionTable {
    const key = `${interpretation.unit}/${interpretation.lineEnds}`;
    const known = this.tables.get(key);
    if (known) return known;
    const raw = this.raw;
    // No interpretation has more positions than the text has UTF-16 units.
    const at = new Int32Array(raw.length + 1);
    const inside = new Uint8Array(raw.length + 1);
    const utf16 = interpretation.unit === 'utf16';
    const crlfTwo = interpretation.lineEnds === 'crlf-as-two';
    let codePoint = 0;
    let n = 0;
    for (let i = 0; i < raw.length; i++) {
      const unit = raw.charCodeAt(i);
      let width = 1;
      if (unit === 0x0d && raw.charCodeAt(i + 1) === 0x0a) {
        i++;
        width = crlfTwo ? 2 : 1;
      } else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < raw.length) {
        const next = raw.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          i++;
          width = utf16 ? 2 : 1;
        }
      }
      at[n++] = codePoint;
      for (let k = 1; k < width; k++) {
        at[n] = codePoint;
        inside[n++] = 1;
      }
      codePoint++;
    }
    at[n++] = codePoint;
    const table = { at: at.subarray(0, n), inside: inside.subarray(0, n) };
    this.tables.set(key, table);
    return table;
  }
}

export interface PositionedSelection {
  start: number;
  end: number;
  name?: string;
}

export interface InterpretationScore {
  interpretation: Interpretation;
  /** Selections whose start or end falls past the text (or before it). */
  outside: number;
  /** Selections with a non-empty name that matches the text at their positions. */
  nameMatches: number;
  /** Selections whose both ends fall on word boundaries. */
  onWordBoundaries: number;
}

export interface PositionDecision {
  interpretation: Interpretation;
  /** How it was decided, for the import summary. */
  reason: string;
  /** Selections with a non-empty name. */
  named: number;
  scores: InterpretationScore[];
}

const WORD = /[\p{L}\p{N}_]/u;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD.test(char);
}

/** Whitespace runs as one space, trimmed: attribute values lose line breaks on the way. */
export function normalizeForComparison(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * Whether a selection's `name` carries the text at its positions: equal after normalizing
 * whitespace, or, where the tool shortened it with "…" or "...", a prefix of it.
 */
export function nameMatchesText(name: string, text: string): boolean {
  if (name === text) return name.trim() !== '';
  const wanted = normalizeForComparison(name);
  if (wanted.length === 0) return false;
  const actual = normalizeForComparison(text);
  if (wanted === actual) return true;
  const truncated = /(?:…|\.\.\.)$/.exec(wanted);
  if (truncated) {
    const head = wanted.slice(0, truncated.index).trimEnd();
    return head.length > 0 && actual.startsWith(head);
  }
  return false;
}

export function scoreInterpretation(text: SourceText, interpretation: Interpretation, selections: readonly PositionedSelection[]): InterpretationScore {
  let outside = 0;
  let nameMatches = 0;
  let onWordBoundaries = 0;
  for (const selection of selections) {
    const start = text.toCanonical(interpretation, selection.start, 'start');
    const end = text.toCanonical(interpretation, selection.end, 'end');
    if (start === undefined || end === undefined) {
      outside++;
      continue;
    }
    if (end <= start) continue;
    const slice = text.slice(start, end);
    if (selection.name !== undefined && selection.name.trim() !== '' && nameMatchesText(selection.name, slice)) nameMatches++;
    const before = start === 0 ? undefined : text.slice(start - 1, start);
    const after = end >= text.length ? undefined : text.slice(end, end + 1);
    const first = text.slice(start, start + 1);
    const last = text.slice(end - 1, end);
    if ((!isWordChar(before) || !isWordChar(first)) && (!isWordChar(last) || !isWordChar(after))) onWordBoundaries++;
  }
  return { interpretation, outside, nameMatches, onWordBoundaries };
}

/**
 * Choose the interpretation of a source's positions (see the module comment). Returns
 * undefined in `interpretation` only when no interpretation keeps every selection in the text.
 */
export function decidePositions(text: SourceText, selections: readonly PositionedSelection[], origin: string | undefined): PositionDecision | { interpretation: undefined; scores: InterpretationScore[] } {
  const tool = toolInterpretation(origin);
  const order = [tool, ...INTERPRETATIONS.filter((candidate) => !same(candidate, tool))];
  const scores = text.distinct(order).map((interpretation) => scoreInterpretation(text, interpretation, selections));
  const named = selections.filter((selection) => selection.name !== undefined && selection.name.trim() !== '').length;
  const valid = scores.filter((score) => score.outside === 0);
  if (valid.length === 0) return { interpretation: undefined, scores };
  const toolName = origin !== undefined && /nvivo/i.test(origin) ? "NVivo's rule" : 'the REFI-QDA rule';
  const best = valid.reduce((a, b) => (b.nameMatches > a.nameMatches ? b : a));
  if (best.nameMatches > 0) {
    return {
      interpretation: best.interpretation,
      reason: `${best.nameMatches} of ${named} selection names match the text at their positions` +
        (valid.length > 1 && scores.length > 1 ? ` (other readings: ${scores.filter((s) => s !== best).map((s) => s.outside > 0 ? `${s.outside} outside the text` : `${s.nameMatches} match`).join(', ')})` : ''),
      named,
      scores,
    };
  }
  const first = valid[0]!;
  const boundaries = valid.reduce((a, b) => (b.onWordBoundaries > a.onWordBoundaries ? b : a));
  const margin = Math.max(3, Math.ceil(selections.length * 0.1));
  if (boundaries !== first && boundaries.onWordBoundaries >= first.onWordBoundaries + margin) {
    return {
      interpretation: boundaries.interpretation,
      reason: `no selection name carries its text; ${boundaries.onWordBoundaries} of ${selections.length} selections fall on word boundaries this way, ${first.onWordBoundaries} by ${toolName}`,
      named,
      scores,
    };
  }
  const why = first === scores[0]
    ? `${toolName}${origin ? ` for "${origin}"` : ''}`
    : `the only reading that keeps every selection inside the text`;
  return {
    interpretation: first.interpretation,
    reason: selections.length === 0 ? why : `${why}; ${first.onWordBoundaries} of ${selections.length} selections fall on word boundaries`,
    named,
    scores,
  };
}
