/**
 * Deterministic documents for the reader benchmark: pseudo-English paragraphs with headings,
 * list items, block quotes, a few line breaks inside blocks, Markdown-like markers between
 * blocks (text no block shows) and astral characters (an astronaut with skin tone and ZWJ, a
 * flag, mathematical letters, an emoji), plus codings of 40 codes by 3 coders. Offsets are code
 * points, like everywhere in Gloss.
 */
import type { Block } from '../../../app/domain/blocks.js';
import { codePointLength } from '../../../app/domain/codepoints.js';
import { paletteColor } from '../../../app/domain/palette.js';
import { Random } from '../random.js';

/** The page's ReaderCoding, restated: the page's types need the DOM library. */
export interface BenchCoding {
  id: string;
  codeId: string;
  codeName: string;
  color: string;
  coder: string;
  start: number;
  end: number;
}

export interface BenchDocument {
  document: { text: string; blocks: Block[] };
  codings: BenchCoding[];
  /** Codings the apply benchmark adds one by one, all just after `middle`. */
  extra: BenchCoding[];
  middle: number;
}

const WORDS = (
  'the of and to a in that it was for on as with he she they we you at be this had not but from by have or ' +
  'one all were her his an there been if more when will would who so no out up into do time about can said ' +
  'people work family school team meeting manager decision money care home child mother father nurse patient ' +
  'community change trust fear hope story moment question answer reason problem practice policy support ' +
  'routine pressure shift colleague training rule feeling sense voice silence power control choice chance ' +
  'really perhaps always never sometimes often usually later earlier together alone again still already ' +
  'remember explain notice describe decide refuse accept worry manage learn teach listen believe wonder ' +
  'difficult important different private public small quiet heavy honest careful tired angry proud afraid'
).split(' ');
const ASTRAL = ['👩🏽‍🚀', '🇦🇲', '𝐀𝐁𝐂', '😀', '𝒳'];
const CODERS = ['Ana Lima', 'Ben Okafor', 'Chen Wei'];
export const CODE_COUNT = 40;

function sentence(random: Random): string {
  const count = random.int(6, 24);
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    words.push(random.chance(0.004) ? random.pick(ASTRAL) : WORDS[random.skewedIndex(WORDS.length, 2)]!);
  }
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${random.chance(0.15) ? '?' : '.'}`;
}

function paragraph(random: Random, sentences: number): string {
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) parts.push(sentence(random));
  // Now and then a line break inside the block (a transcript turn, a verse line).
  return parts.join(random.chance(0.03) ? '\n' : ' ');
}

function coding(random: Random, id: string, start: number, length: number, textLength: number): BenchCoding {
  const code = random.skewedIndex(CODE_COUNT, 1.5);
  return {
    id,
    codeId: `code-${code}`,
    codeName: `Code ${code + 1}`,
    color: paletteColor(code),
    coder: random.pick(CODERS),
    start,
    end: Math.min(textLength, start + Math.max(1, length)),
  };
}

/** A document of about `characters` code points with `codingCount` codings. */
export function generateBenchDocument(characters: number, codingCount: number, seed: number): BenchDocument {
  const random = new Random(seed, 1);
  const pieces: string[] = [];
  const blocks: Block[] = [];
  let length = 0;
  const emit = (text: string): void => {
    pieces.push(text);
    length += codePointLength(text);
  };
  let paragraphs = 0;
  while (length < characters) {
    if (paragraphs % 60 === 0 || random.chance(0.06)) {
      const level = paragraphs % 60 === 0 ? 1 : random.int(2, 4);
      emit('#'.repeat(level) + ' ');
      const start = length;
      emit(sentence(random).replace(/[.?]$/, ''));
      blocks.push({ kind: 'heading', level, start, end: length });
      emit('\n\n');
    }
    if (random.chance(0.04)) {
      const items = random.int(2, 6);
      for (let i = 0; i < items; i++) {
        emit('- ');
        const start = length;
        emit(sentence(random));
        blocks.push({ kind: 'list_item', start, end: length });
        emit('\n');
      }
      emit('\n');
    }
    const kind = random.chance(0.04) ? 'blockquote' : 'paragraph';
    if (kind === 'blockquote') emit('> ');
    const start = length;
    emit(paragraph(random, random.int(3, 13)));
    blocks.push({ kind, start, end: length });
    emit('\n\n');
    paragraphs++;
  }
  const text = pieces.join('');

  const codingRandom = new Random(seed, 2);
  const codings: BenchCoding[] = [];
  for (let i = 0; i < codingCount; i++) {
    const roll = codingRandom.next();
    // Mostly a sentence to a paragraph, some passages, a few long stretches: about three
    // codings over an average character.
    const span = roll < 0.85 ? codingRandom.int(30, 300) : roll < 0.98 ? codingRandom.int(300, 1200) : codingRandom.int(1200, 4000);
    codings.push(coding(codingRandom, `c${i}`, codingRandom.int(0, length - 1), span, length));
  }
  const middle = Math.floor(length / 2);
  const extra: BenchCoding[] = [];
  for (let i = 0; i < 100; i++) extra.push(coding(codingRandom, `x${i}`, middle + codingRandom.int(0, 2000), codingRandom.int(20, 300), length));
  return { document: { text, blocks }, codings, extra, middle };
}
