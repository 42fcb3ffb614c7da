/**
 * The search box's language, parsed here and rewritten as an FTS5 query, so that a user's typo
 * comes back as a clear message and never as an SQLite error, and so that no text a user types
 * is ever read as FTS5 syntax by accident.
 *
 *   russia                  a word (case and accents ignored: "gorski" finds "Górski")
 *   "pivotal containment"   a phrase: these words next to each other, in this order
 *   contain*                words starting with "contain"
 *   Nagorno-Karabakh        a word with inner punctuation is the phrase of its parts
 *   NEAR(russia turkey, 5)  all of these within 5 words of each other (default 10)
 *   a b, a AND b            both;  a OR b  either;  a NOT b  a without b;  ( ) to group
 *
 * The operators are written in capitals; in lower case they are words. NOT binds tighter than
 * AND, AND tighter than OR, as in FTS5.
 */
import { GlossError } from './errors.js';

/**
 * Letters the search index folds into plain ones beyond what unicode61's remove_diacritics
 * does (its marks are not combining accents in Unicode). Must match the view in
 * migrations/0002_search.sql letter for letter; each is one UTF-16 unit for one.
 */
export const SEARCH_FOLDS: readonly (readonly [string, string])[] = [
  ['ł', 'l'], ['Ł', 'L'], ['ı', 'i'], ['đ', 'd'], ['Đ', 'D'], ['ø', 'o'], ['Ø', 'O'],
  ['ħ', 'h'], ['Ħ', 'H'], ['ŧ', 't'], ['Ŧ', 'T'], ['ё', 'е'], ['Ё', 'Е'],
];

const FOLD_MAP = new Map(SEARCH_FOLDS);
const FOLD_PATTERN = new RegExp(`[${SEARCH_FOLDS.map(([from]) => from).join('')}]`, 'gu');

export function foldForSearch(text: string): string {
  return text.replace(FOLD_PATTERN, (char) => FOLD_MAP.get(char)!);
}

/** A character FTS5's unicode61 tokenizer keeps in a token. */
const TOKEN_CHAR = /[\p{L}\p{N}]/u;

export type SearchNode =
  | { kind: 'phrase'; text: string; prefix: boolean }
  | { kind: 'near'; phrases: Extract<SearchNode, { kind: 'phrase' }>[]; distance: number }
  | { kind: 'and' | 'or'; children: SearchNode[] }
  | { kind: 'not'; include: SearchNode; exclude: SearchNode };

export interface ParsedSearch {
  tree: SearchNode;
  /** The query as FTS5 reads it. */
  fts: string;
}

export const DEFAULT_NEAR_DISTANCE = 10;
const MAX_QUERY_LENGTH = 2_000;

type Lexeme =
  | { type: '(' | ')' | ',' | '*'; at: number }
  | { type: 'word'; text: string; at: number; glued: boolean }
  | { type: 'string'; text: string; at: number; glued: boolean };

function fail(query: string, message: string): never {
  throw new GlossError('invalid_input', `Cannot search for ${JSON.stringify(query)}: ${message}`);
}

function lex(query: string): Lexeme[] {
  const lexemes: Lexeme[] = [];
  let i = 0;
  while (i < query.length) {
    const char = query[i]!;
    if (/\s/u.test(char)) {
      i++;
    } else if (char === '(' || char === ')' || char === ',' || char === '*') {
      lexemes.push({ type: char, at: i });
      i++;
    } else if (char === '"' || char === '“' || char === '”' || char === '„') {
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= query.length) fail(query, `the quotation mark at position ${i + 1} is never closed. Close the phrase with another ".`);
        const c = query[j]!;
        if (c === '"' && query[j + 1] === '"') {
          text += '"';
          j += 2;
        } else if (c === '"' || c === '”' || c === '“') {
          j++;
          break;
        } else {
          text += c;
          j++;
        }
      }
      lexemes.push({ type: 'string', text, at: i, glued: j < query.length && query[j] === '*' });
      i = j;
    } else {
      let j = i;
      while (j < query.length && !/[\s()",*“”„]/u.test(query[j]!)) j++;
      lexemes.push({ type: 'word', text: query.slice(i, j), at: i, glued: j < query.length && query[j] === '*' });
      i = j;
    }
  }
  return lexemes;
}

const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR']);

type Phrase = Extract<SearchNode, { kind: 'phrase' }>;

class Parser {
  private position = 0;

  constructor(
    private readonly query: string,
    private readonly lexemes: Lexeme[],
  ) {}

  parse(): SearchNode {
    if (this.lexemes.length === 0) fail(this.query, 'type at least one word to search for.');
    const node = this.parseOr();
    const next = this.peek();
    if (next) {
      if (next.type === ')') fail(this.query, `the ")" at position ${next.at + 1} closes nothing. Remove it, or add a "(" before it.`);
      if (next.type === ',') fail(this.query, `a comma (position ${next.at + 1}) only separates the distance in NEAR(a b, 5).`);
      fail(this.query, `unexpected ${this.describe(next)} at position ${next.at + 1}.`);
    }
    if (!node) fail(this.query, 'it has no letters or digits to look for.');
    return node;
  }

  private peek(): Lexeme | undefined {
    return this.lexemes[this.position];
  }

  private isOperator(lexeme: Lexeme | undefined, name: string): boolean {
    return lexeme?.type === 'word' && lexeme.text === name;
  }

  private describe(lexeme: Lexeme): string {
    if (lexeme.type === 'word') return OPERATORS.has(lexeme.text) ? lexeme.text : `"${lexeme.text}"`;
    if (lexeme.type === 'string') return 'phrase';
    return `"${lexeme.type}"`;
  }

  private parseOr(): SearchNode | null {
    const children = [this.parseAnd()];
    while (this.isOperator(this.peek(), 'OR')) {
      const operator = this.lexemes[this.position++]!;
      if (this.endsOperand()) fail(this.query, `OR at position ${operator.at + 1} needs something to search for after it.`);
      children.push(this.parseAnd());
    }
    return combine('or', children);
  }

  /** Whether no operand can start here: the end, a ")" or an operator other than NOT's left side. */
  private endsOperand(): boolean {
    const next = this.peek();
    return next === undefined || next.type === ')' || next.type === ',' || (next.type === 'word' && (next.text === 'AND' || next.text === 'OR' || next.text === 'NOT'));
  }

  private parseAnd(): SearchNode | null {
    const next = this.peek();
    if (next?.type === 'word' && (next.text === 'AND' || next.text === 'OR' || next.text === 'NOT')) {
      fail(this.query, `${next.text} at position ${next.at + 1} needs something to search for before it${next.text === 'NOT' ? ', as in "russia NOT turkey"' : ''}.`);
    }
    const children = [this.parseNot()];
    for (;;) {
      const next = this.peek();
      if (next === undefined || next.type === ')' || next.type === ',' || this.isOperator(next, 'OR')) break;
      if (this.isOperator(next, 'AND')) {
        this.position++;
        if (this.endsOperand()) fail(this.query, `AND at position ${next.at + 1} needs something to search for after it.`);
      }
      children.push(this.parseNot());
    }
    return combine('and', children);
  }

  private parseNot(): SearchNode | null {
    let node = this.parsePrimary();
    while (this.isOperator(this.peek(), 'NOT')) {
      const operator = this.lexemes[this.position++]!;
      if (this.endsOperand()) fail(this.query, `NOT at position ${operator.at + 1} needs something after it: what to leave out.`);
      const exclude = this.parsePrimary();
      if (!node) fail(this.query, `NOT at position ${operator.at + 1} needs something to search for before it, as in "russia NOT turkey".`);
      if (exclude) node = { kind: 'not', include: node, exclude };
    }
    return node;
  }

  private parsePrimary(): SearchNode | null {
    const lexeme = this.peek();
    if (!lexeme) fail(this.query, 'it ends where a word was expected.');
    if (lexeme.type === '(') {
      this.position++;
      if (this.peek()?.type === ')') fail(this.query, `the parentheses at position ${lexeme.at + 1} are empty.`);
      const node = this.parseOr();
      if (this.peek()?.type !== ')') fail(this.query, `the "(" at position ${lexeme.at + 1} is never closed. Add a ")".`);
      this.position++;
      return node;
    }
    if (lexeme.type === ')') fail(this.query, `the ")" at position ${lexeme.at + 1} closes nothing.`);
    if (lexeme.type === ',') fail(this.query, `a comma (position ${lexeme.at + 1}) only separates the distance in NEAR(a b, 5).`);
    if (lexeme.type === '*') fail(this.query, `a * (position ${lexeme.at + 1}) goes straight after the start of a word, as in contain*.`);
    if (lexeme.type === 'word' && lexeme.text === 'NEAR' && this.lexemes[this.position + 1]?.type === '(') return this.parseNear();
    return this.parsePhrase();
  }

  private parsePhrase(): Phrase | null {
    const lexeme = this.lexemes[this.position++]!;
    if (lexeme.type !== 'word' && lexeme.type !== 'string') fail(this.query, `unexpected ${this.describe(lexeme)} at position ${lexeme.at + 1}.`);
    let prefix = false;
    if (lexeme.glued) {
      this.position++;
      prefix = true;
    }
    if (!TOKEN_CHAR.test(lexeme.text)) {
      if (lexeme.type === 'string') fail(this.query, `the phrase at position ${lexeme.at + 1} has no letters or digits in it.`);
      return null;
    }
    return { kind: 'phrase', text: lexeme.text, prefix };
  }

  private parseNear(): SearchNode | null {
    const near = this.lexemes[this.position]!;
    this.position += 2;
    const phrases: Phrase[] = [];
    let distance = DEFAULT_NEAR_DISTANCE;
    for (;;) {
      const next = this.peek();
      if (!next) fail(this.query, `NEAR( at position ${near.at + 1} is never closed. Write it as NEAR(word word, 5).`);
      if (next.type === ')') {
        this.position++;
        break;
      }
      if (next.type === ',') {
        this.position++;
        const number = this.peek();
        if (number?.type !== 'word' || !/^\d+$/.test(number.text)) {
          fail(this.query, `NEAR(…, N) needs a whole number of words after its comma, as in NEAR(russia turkey, 5).`);
        }
        distance = Number(number.text);
        this.position++;
        if (this.peek()?.type !== ')') fail(this.query, `NEAR( at position ${near.at + 1} must close right after its distance: NEAR(russia turkey, 5).`);
        this.position++;
        break;
      }
      if (next.type === '(' || (next.type === 'word' && OPERATORS.has(next.text))) {
        fail(this.query, `NEAR(…) holds only words and "phrases", not ${this.describe(next)} (position ${next.at + 1}).`);
      }
      const phrase = this.parsePhrase();
      if (phrase) phrases.push(phrase);
    }
    if (phrases.length === 0) fail(this.query, `NEAR( at position ${near.at + 1} has no words to look for.`);
    return phrases.length === 1 ? phrases[0]! : { kind: 'near', phrases, distance };
  }
}

function combine(kind: 'and' | 'or', children: (SearchNode | null)[]): SearchNode | null {
  const present = children.filter((child): child is SearchNode => child !== null);
  if (present.length === 0) return null;
  return present.length === 1 ? present[0]! : { kind, children: present };
}

function phraseToFts(phrase: Phrase): string {
  return `"${foldForSearch(phrase.text).replace(/"/g, '""')}"${phrase.prefix ? '*' : ''}`;
}

export function toFts(node: SearchNode): string {
  switch (node.kind) {
    case 'phrase':
      return phraseToFts(node);
    case 'near':
      return `NEAR(${node.phrases.map(phraseToFts).join(' ')}, ${node.distance})`;
    case 'and':
      return `(${node.children.map(toFts).join(' AND ')})`;
    case 'or':
      return `(${node.children.map(toFts).join(' OR ')})`;
    case 'not':
      return `(${toFts(node.include)} NOT ${toFts(node.exclude)})`;
  }
}

/** Parse a search as a user types it; throws a GlossError that says what to fix. */
export function parseSearch(query: string): ParsedSearch {
  if (query.length > MAX_QUERY_LENGTH) fail(query.slice(0, 40), `it is longer than ${MAX_QUERY_LENGTH} characters.`);
  const tree = new Parser(query, lex(query)).parse();
  return { tree, fts: toFts(tree) };
}
