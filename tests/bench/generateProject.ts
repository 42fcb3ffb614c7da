/**
 * Deterministic synthetic projects for the benchmarks: documents as the bytes of .txt files (so
 * they go through the real import path), a code tree, coder names and a plan of codings.
 * Everything comes from a seeded PRNG (./random.ts): the same parameters give the same project.
 */
import { formatCodePath } from '../../app/domain/codePath.js';
import { Random } from './random.js';

export interface ProjectParams {
  seed: number;
  documents: number;
  /** Total size of all documents as UTF-8 bytes. */
  textBytes: number;
  codes: number;
  /** Depth of the code tree: 3 means root / child / grandchild. */
  codeDepth: number;
  codings: number;
  coders: number;
  /** Coding lengths in code points, inclusive. */
  minCodingLength: number;
  maxCodingLength: number;
}

export const DEFAULT_PARAMS: ProjectParams = {
  seed: 20240601,
  documents: 1_000,
  textBytes: 50 * 1_000_000,
  codes: 500,
  codeDepth: 3,
  codings: 200_000,
  coders: 4,
  minCodingLength: 20,
  maxCodingLength: 600,
};

/**
 * The default project shrunk (or grown) by `scale`: fewer documents of the same typical size,
 * fewer codes and codings; the number of coders and the coding lengths stay as they are.
 */
export function scaledParams(scale: number, seed = DEFAULT_PARAMS.seed): ProjectParams {
  const documents = Math.max(2, Math.round(DEFAULT_PARAMS.documents * scale));
  return {
    ...DEFAULT_PARAMS,
    seed,
    documents,
    textBytes: Math.round((DEFAULT_PARAMS.textBytes / DEFAULT_PARAMS.documents) * documents),
    codes: Math.max(3, Math.round(DEFAULT_PARAMS.codes * scale)),
    codings: Math.max(10, Math.round(DEFAULT_PARAMS.codings * scale)),
  };
}

// ---------------------------------------------------------------------------------------------
// Words

/** Stream numbers, so that each kind of thing has its own sequence from the one seed. */
const STREAM = { sizes: 1, codes: 2, codings: 3, documents: 1000 } as const;

const FUNCTION_WORDS = [
  'the', 'of', 'and', 'to', 'a', 'in', 'that', 'is', 'was', 'it', 'for', 'on', 'with', 'as', 'I', 'we',
  'they', 'be', 'at', 'by', 'this', 'had', 'not', 'are', 'but', 'from', 'or', 'have', 'an', 'which',
  'you', 'were', 'her', 'all', 'she', 'there', 'would', 'their', 'will', 'when', 'who', 'so', 'about',
  'because', 'really', 'just', 'then', 'very', 'more', 'our', 'what', 'if', 'no', 'me', 'my',
];

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'br', 'cr', 'dr', 'gr', 'pl', 'st', 'tr', 'sh', 'ch', 'th', ''];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ea', 'ou', 'io', 'ai', 'y'];
const CODAS = ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ng', 'ck', 'rt', 'ss'];
const SUFFIXES = ['', '', '', '', 'ing', 'ed', 'ly', 'tion', 'ment', 'ness', 'ity', 'er', 's'];

/** Non-ASCII words: Polish and Cyrillic letters that take one UTF-16 unit each. */
const FOREIGN_WORDS = [
  'zażółć', 'gęślą', 'jaźń', 'Łódź', 'źródło', 'świadectwo', 'pożądany', 'mężczyzna', 'żółw', 'ćma',
  'привет', 'исследование', 'данные', 'общество', 'вопрос', 'жизнь', 'Ёлка', 'щедрость', 'объём',
  'naïve', 'café', 'façade', 'Zürich', 'São', 'Ærø',
];

/** Astral characters: two UTF-16 units, one code point, so offsets in code points matter. */
const ASTRAL = ['😀', '👍', '🎉', '🙂', '💬', '📚', '🤔', '𝔊', '𝒳', '𠜎', '🇵🇱', '👩‍🔬'];

const PUNCTUATION_END = ['.', '.', '.', '.', '.', '?', '!', '…'];
const PUNCTUATION_MID = [',', ',', ',', ';', ' –', ':'];

function makeVocabulary(random: Random, size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const syllables = 1 + random.skewedIndex(4, 1.6);
    let word = '';
    for (let s = 0; s < syllables; s++) word += random.pick(ONSETS) + random.pick(VOWELS) + (s === syllables - 1 ? random.pick(CODAS) : '');
    word += random.pick(SUFFIXES);
    if (word.length >= 2) words.add(word);
  }
  return [...words];
}

/** One vocabulary for every document and code name, so that words recur across the project. */
const VOCABULARY = makeVocabulary(new Random(0x5eed, 99), 4_000);

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function word(random: Random): string {
  const roll = random.next();
  if (roll < 0.4) return random.pick(FUNCTION_WORDS);
  if (roll < 0.985) return VOCABULARY[random.skewedIndex(VOCABULARY.length, 1.6)]!;
  return random.pick(FOREIGN_WORDS);
}

function sentence(random: Random): string {
  const length = random.int(4, 26);
  const parts: string[] = [];
  for (let i = 0; i < length; i++) {
    let w = word(random);
    if (i === 0) w = capitalize(w);
    if (i > 1 && i < length - 1 && random.chance(0.08)) w += random.pick(PUNCTUATION_MID);
    if (random.chance(0.004)) w += ` ${random.pick(ASTRAL)}`;
    parts.push(w);
  }
  let text = parts.join(' ') + random.pick(PUNCTUATION_END);
  if (random.chance(0.05)) text = `“${text}”`;
  return text;
}

function heading(random: Random): string {
  const length = random.int(2, 6);
  const parts: string[] = [];
  for (let i = 0; i < length; i++) parts.push(capitalize(VOCABULARY[random.skewedIndex(VOCABULARY.length, 2)]!));
  return parts.join(' ');
}

/** Break a paragraph into lines of about `width` characters (as in hard-wrapped transcripts). */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line.length > 0 && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else {
      line = line.length > 0 ? `${line} ${w}` : w;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Documents

export interface GeneratedDocument {
  index: number;
  fileName: string;
  /** The bytes of a UTF-8 .txt file. */
  data: Uint8Array;
}

/** How the total text is split over documents: sizes vary between 0.3 and 1.7 times the mean. */
export function documentSizes(params: ProjectParams): number[] {
  const random = new Random(params.seed, STREAM.sizes);
  const weights = Array.from({ length: params.documents }, () => 0.3 + 1.4 * random.next());
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => Math.max(200, Math.round((params.textBytes * w) / total)));
}

/**
 * The text of document `index`, about `targetBytes` long as UTF-8: a title line, paragraphs
 * separated by blank lines, a heading every few paragraphs, LF line ends only.
 */
export function generateDocumentText(params: ProjectParams, index: number, targetBytes: number): string {
  const random = new Random(params.seed, STREAM.documents + index);
  const wrapWidth = random.chance(0.5) ? random.int(60, 100) : 0;
  const chunks: string[] = [`Interview ${index + 1}: ${heading(random)}`];
  let bytes = Buffer.byteLength(chunks[0]!, 'utf8');
  let nextHeading = random.int(4, 12);
  while (bytes < targetBytes) {
    let chunk: string;
    if (nextHeading-- === 0) {
      chunk = heading(random);
      nextHeading = random.int(4, 12);
    } else {
      const sentences: string[] = [];
      const count = random.int(1, 9);
      for (let i = 0; i < count; i++) sentences.push(sentence(random));
      const speaker = random.chance(0.3) ? (random.chance(0.5) ? 'Q: ' : 'A: ') : '';
      chunk = speaker + sentences.join(' ');
      if (wrapWidth > 0) chunk = wrap(chunk, wrapWidth);
    }
    chunks.push(chunk);
    bytes += Buffer.byteLength(chunk, 'utf8') + 2;
  }
  return `${chunks.join('\n\n')}\n`;
}

export function documentFileName(index: number): string {
  return `interview-${String(index + 1).padStart(5, '0')}.txt`;
}

/** Every document, as the files a researcher would import. */
export function generateDocuments(params: ProjectParams): GeneratedDocument[] {
  const encoder = new TextEncoder();
  return documentSizes(params).map((size, index) => ({
    index,
    fileName: documentFileName(index),
    data: encoder.encode(generateDocumentText(params, index, size)),
  }));
}

// ---------------------------------------------------------------------------------------------
// Codes and coders

export interface GeneratedCode {
  /** The names from the root down. */
  names: string[];
  /** The path for `codes.add` (names joined by "/", escaped). */
  path: string;
  /** Index of the parent in the list, which always comes earlier; null for a root. */
  parent: number | null;
  depth: number;
}

/**
 * A code tree of `params.codes` codes at most `params.codeDepth` levels deep, parents listed
 * before their children: about a tenth are roots, the rest hang under a random earlier code
 * that is not at the deepest level.
 */
export function generateCodeTree(params: ProjectParams): GeneratedCode[] {
  const random = new Random(params.seed, STREAM.codes);
  const codes: GeneratedCode[] = [];
  const siblingNames = new Map<number | null, Set<string>>();
  const roots = Math.max(1, Math.round(params.codes / 10));
  const uniqueName = (parent: number | null): string => {
    const taken = siblingNames.get(parent) ?? new Set<string>();
    siblingNames.set(parent, taken);
    for (;;) {
      const parts = [capitalize(VOCABULARY[random.skewedIndex(VOCABULARY.length, 2)]!)];
      const extra = random.int(0, 3);
      for (let i = 0; i < extra; i++) parts.push(word(random));
      const name = parts.join(' ');
      if (!taken.has(name.toLowerCase())) {
        taken.add(name.toLowerCase());
        return name;
      }
    }
  };
  for (let i = 0; i < params.codes; i++) {
    let parent: number | null = null;
    if (i >= roots) {
      // Rejection sampling: any earlier code with room for a child below it.
      do parent = random.int(0, codes.length);
      while (codes[parent]!.depth >= params.codeDepth - 1);
    }
    const name = uniqueName(parent);
    const names = parent === null ? [name] : [...codes[parent]!.names, name];
    codes.push({ names, path: formatCodePath(names), parent, depth: names.length - 1 });
  }
  return codes;
}

const CODER_NAMES = ['Anna Kowalska', 'Ben Okafor', 'Ольга Петрова', 'Dai Nguyen', 'Émile Roux', 'Zofia Łęcka'];

export function generateCoderNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => CODER_NAMES[i] ?? `Coder ${i + 1}`);
}

// ---------------------------------------------------------------------------------------------
// Codings

/** A plan of codings, one entry per index across the arrays (typed arrays: 200,000 of them). */
export interface CodingPlan {
  count: number;
  /** Index into the `documentLengths` the plan was made for. */
  document: Int32Array;
  /** Index into the code list. */
  code: Int32Array;
  /** Index into the coder list. */
  coder: Int32Array;
  /** Half-open [start, end) in code points. */
  start: Int32Array;
  end: Int32Array;
}

/**
 * `params.codings` random codings. Documents are chosen in proportion to their length (longer
 * interviews get more codings); lengths are uniform in [minCodingLength, maxCodingLength] code
 * points, cut to the document's length; code and coder are uniform.
 */
export function generateCodings(params: ProjectParams, documentLengths: readonly number[], codeCount: number, coderCount: number): CodingPlan {
  const random = new Random(params.seed, STREAM.codings);
  const count = params.codings;
  const plan: CodingPlan = {
    count,
    document: new Int32Array(count),
    code: new Int32Array(count),
    coder: new Int32Array(count),
    start: new Int32Array(count),
    end: new Int32Array(count),
  };
  const cumulative = new Float64Array(documentLengths.length);
  let total = 0;
  documentLengths.forEach((length, i) => {
    total += length;
    cumulative[i] = total;
  });
  for (let i = 0; i < count; i++) {
    const target = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! <= target) lo = mid + 1;
      else hi = mid;
    }
    const length = documentLengths[lo]!;
    const span = Math.min(length, random.int(params.minCodingLength, params.maxCodingLength + 1));
    const start = random.int(0, length - span + 1);
    plan.document[i] = lo;
    plan.code[i] = random.int(0, codeCount);
    plan.coder[i] = random.int(0, coderCount);
    plan.start[i] = start;
    plan.end[i] = start + span;
  }
  return plan;
}
