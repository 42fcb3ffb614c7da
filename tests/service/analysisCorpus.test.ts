/**
 * The analysis figures on the five corpus papers with a fixed coding set applied through the
 * service. Every expected figure is computed here, from the test's own list of codings and the
 * documents' text and blocks, code point by code point, without calling the analysis code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block } from '../../app/domain/blocks.js';
import type { GlossService } from '../../app/service/service.js';
import { corpusDir, hasShared, SHARED_MISSING } from '../support/paths.js';
import { newProject } from '../support/project.js';

const FILES = [
  'aliyev-russia-approaches-armenia-azerbaijan.txt',
  'gadimova-akbulut-nk-conflict-shadow-of-ukraine.txt',
  'jovic-lazic-second-armed-conflict-nk.md',
  'moscow-yerevan-rift.txt',
  'vardazaryan-armenia-russia-after-second-karabakh-war.md',
];

const CODES = [
  'Russian policy',
  'Russian policy/pivotal containment',
  'Russian policy/peacekeeping',
  'Azerbaijani strategy/salami tactics',
  'Mediation',
];
const CODERS = ['Ani', 'Ben'];

interface Doc {
  id: string;
  title: string;
  text: string;
  /** The text as code points. */
  points: string[];
  blocks: Block[];
}

interface Applied {
  id: string;
  document: string;
  code: string;
  coder: string;
  start: number;
  end: number;
}

if (!hasShared) console.warn(`tests/service/analysisCorpus.test.ts ${SHARED_MISSING}`);

/** Words as the test counts them: a letter or digit, then letters, digits and combining marks. */
function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{Mn}]*/gu)?.length ?? 0;
}

/** A deterministic generator (LCG), so the coding set is the same on every run. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Code points of `code`'s segments (of `coder`, if given) in `document`, as a boolean array. */
function coverageOf(applied: readonly Applied[], document: Doc, codes: readonly string[], coder?: string): boolean[] {
  const covered = new Array<boolean>(document.points.length).fill(false);
  for (const a of applied) {
    if (a.document !== document.id || !codes.includes(a.code) || (coder !== undefined && a.coder !== coder)) continue;
    for (let p = a.start; p < a.end; p++) covered[p] = true;
  }
  return covered;
}

function countTrue(values: readonly boolean[]): number {
  return values.reduce((sum, v) => sum + (v ? 1 : 0), 0);
}

/** Maximal runs where both arrays are true. */
function runsOfBoth(a: readonly boolean[], b: readonly boolean[]): number {
  let runs = 0;
  for (let p = 0; p < a.length; p++) if (a[p] && b[p] && !(p > 0 && a[p - 1] && b[p - 1])) runs++;
  return runs;
}

function overlaps(x: Applied, y: Applied): boolean {
  return x.document === y.document && Math.max(x.start, y.start) < Math.min(x.end, y.end);
}

function touches(segment: Applied, block: Block): boolean {
  return Math.max(segment.start, block.start) < Math.min(segment.end, block.end);
}

describe.skipIf(!hasShared)('analysis on the corpus with a fixed coding set', () => {
  let service: GlossService;
  const docs: Doc[] = [];
  const applied: Applied[] = [];
  const docById = new Map<string, Doc>();

  const apply = async (document: Doc, code: string, coder: string, start: number, end: number): Promise<void> => {
    const segment = await service.run('codings.apply', { document: document.id, code, coder, start, end });
    expect(segment.text).toBe(document.points.slice(start, end).join(''));
    applied.push({ id: segment.id, document: document.id, code, coder, start, end });
  };

  /** The code-point range of the n-th (1-based) occurrence of `phrase` in the document. */
  const find = (document: Doc, phrase: string, occurrence = 1): [number, number] => {
    let at = -1;
    for (let i = 0; i < occurrence; i++) at = document.text.indexOf(phrase, at + 1);
    if (at < 0) throw new Error(`"${phrase}" #${occurrence} is not in ${document.title}`);
    const start = [...document.text.slice(0, at)].length;
    return [start, start + [...phrase].length];
  };

  beforeAll(async () => {
    service = newProject('corpus').service;
    for (const file of FILES) {
      const result = await service.run('documents.import', { fileName: file, data: readFileSync(path.join(corpusDir, file)) });
      if (result.status !== 'imported') throw new Error(`${file} was not imported`);
      const content = await service.run('documents.get', { document: result.document.id });
      const document = { id: content.id, title: content.title, text: content.text, points: [...content.text], blocks: content.blocks };
      docs.push(document);
      docById.set(document.id, document);
    }
    for (const code of CODES) await service.run('codes.add', { path: code });
    const [aliyev, gadimova, jovic, moscow, vardazaryan] = docs as [Doc, Doc, Doc, Doc, Doc];

    // Hand-picked codings: nested, overlapping, and adjacent-but-not-overlapping.
    const pivotal = find(vardazaryan, 'pivotal containment');
    await apply(vardazaryan, 'Russian policy/pivotal containment', 'Ani', ...pivotal);
    await apply(vardazaryan, 'Russian policy', 'Ben', pivotal[0] - 40, pivotal[1] + 60);
    await apply(vardazaryan, 'Mediation', 'Ani', pivotal[0] - 10, pivotal[0] + 5);
    for (let n = 1; n <= 3; n++) await apply(gadimova, 'Azerbaijani strategy/salami tactics', n % 2 === 0 ? 'Ben' : 'Ani', ...find(gadimova, 'salami', n));
    const rift = find(moscow, 'Moscow-Yerevan Rift');
    await apply(moscow, 'Russian policy', 'Ani', rift[0], rift[0] + 6);
    await apply(moscow, 'Mediation', 'Ani', rift[0] + 6, rift[1]); // starts where the other ends
    await apply(aliyev, 'Russian policy/peacekeeping', 'Ben', ...find(aliyev, 'peacekeepers'));
    await apply(jovic, 'Russian policy/peacekeeping', 'Ani', ...find(jovic, 'peacekeeping'));

    // And a deterministic spread over every document: ranges of 20–800 code points.
    const random = lcg(20240601);
    for (const document of docs) {
      for (let i = 0; i < 14; i++) {
        const length = 20 + Math.floor(random() * 780);
        const start = Math.floor(random() * (document.points.length - length));
        await apply(document, CODES[Math.floor(random() * CODES.length)]!, CODERS[Math.floor(random() * CODERS.length)]!, start, start + length);
      }
    }

    await service.run('attributes.importCsv', {
      csv: [
        'title,year,journal,peer_reviewed',
        `${aliyev.title},2021,Politeja,yes`,
        `${gadimova.title},2024,Caucasus Survey,yes`,
        `${jovic.title},2021,Politeja,no`,
        `${vardazaryan.title},2023,,yes`,
        'no-such-paper,2020,Nowhere,no',
      ].join('\r\n'),
    });
  });

  afterAll(() => service?.close());

  it('imports the attribute CSV keyed by title and reports the unmatched row', async () => {
    const values = await service.run('attributes.values', {});
    const byTitle = new Map(values.map((row) => [row.title, row.values]));
    expect(byTitle.get(docs[0]!.title)).toEqual({ year: 2021, journal: 'Politeja', peer_reviewed: true });
    expect(byTitle.get(docs[3]!.title)).toEqual({});
    expect(byTitle.get(docs[4]!.title)).toEqual({ year: 2023, peer_reviewed: true });
    const list = await service.run('attributes.list', {});
    expect(list.map((a) => [a.name, a.type, a.documents])).toEqual([
      ['journal', 'text', 3],
      ['peer_reviewed', 'boolean', 4],
      ['year', 'number', 4],
    ]);
  });

  it('code × document matrix: counts, coverage and per 1,000 words, each cell with its segment ids', async () => {
    const matrix = await service.run('analysis.matrix', {});
    expect(matrix.rows.map((row) => row.label)).toEqual([...docs].map((d) => d.title).sort((a, b) => a.localeCompare(b)));
    expect(matrix.columns.map((column) => column.code)).toEqual(['Russian policy', 'Russian policy/pivotal containment', 'Russian policy/peacekeeping', 'Azerbaijani strategy', 'Azerbaijani strategy/salami tactics', 'Mediation']);
    let nonEmpty = 0;
    for (const [r, row] of matrix.rows.entries()) {
      const document = docById.get(row.documentIds[0]!)!;
      expect(row.characters).toBe(document.points.length);
      expect(row.words).toBe(countWords(document.text));
      for (const [c, column] of matrix.columns.entries()) {
        const mine = applied.filter((a) => a.document === document.id && a.code === column.code);
        const cell = matrix.cells.find((x) => x.row === r && x.column === c);
        if (mine.length === 0) {
          expect(cell).toBeUndefined();
          continue;
        }
        nonEmpty++;
        const covered = countTrue(coverageOf(applied, document, [column.code]));
        expect(cell).toMatchObject({ count: mine.length, covered });
        expect(cell!.coverage).toBeCloseTo(covered / document.points.length, 12);
        expect(cell!.per1000Words).toBeCloseTo((mine.length * 1000) / countWords(document.text), 10);
        expect(new Set(cell!.segmentIds)).toEqual(new Set(mine.map((a) => a.id)));
      }
    }
    expect(nonEmpty).toBeGreaterThan(15);
    for (const total of matrix.totals) {
      const code = matrix.columns[total.column]!.code;
      expect(total.count).toBe(applied.filter((a) => a.code === code).length);
      expect(total.covered).toBe(docs.reduce((sum, d) => sum + countTrue(coverageOf(applied, d, [code])), 0));
    }
  });

  it("with sub-codes, one coder, and documents grouped by an attribute", async () => {
    const subcodes = await service.run('analysis.matrix', { includeSubcodes: true, codes: ['Russian policy'] });
    const family = CODES.filter((code) => code.startsWith('Russian policy'));
    for (const cell of subcodes.cells) {
      const document = docById.get(subcodes.rows[cell.row]!.documentIds[0]!)!;
      expect(cell.count).toBe(applied.filter((a) => a.document === document.id && family.includes(a.code)).length);
      expect(cell.covered).toBe(countTrue(coverageOf(applied, document, family)));
    }

    const ani = await service.run('analysis.matrix', { coder: 'Ani' });
    expect(ani.coder).toBe('Ani');
    const aniTotal = ani.cells.reduce((sum, cell) => sum + cell.count, 0);
    expect(aniTotal).toBe(applied.filter((a) => a.coder === 'Ani').length);
    for (const cell of ani.cells) {
      const document = docById.get(ani.rows[cell.row]!.documentIds[0]!)!;
      expect(cell.covered).toBe(countTrue(coverageOf(applied, document, [ani.columns[cell.column]!.code], 'Ani')));
    }

    const byYear = await service.run('analysis.matrix', { rows: 'year' });
    expect(byYear.rowsBy).toBe('year');
    expect(byYear.rows.map((row) => [row.key, row.documentIds.length])).toEqual([[2021, 2], [2023, 1], [2024, 1], [null, 1]]);
    for (const cell of byYear.cells) {
      const group = byYear.rows[cell.row]!.documentIds.map((id) => docById.get(id)!);
      const code = byYear.columns[cell.column]!.code;
      const characters = group.reduce((sum, d) => sum + d.points.length, 0);
      const words = group.reduce((sum, d) => sum + countWords(d.text), 0);
      const count = applied.filter((a) => group.some((d) => d.id === a.document) && a.code === code).length;
      const covered = group.reduce((sum, d) => sum + countTrue(coverageOf(applied, d, [code])), 0);
      expect(byYear.rows[cell.row]).toMatchObject({ characters, words });
      expect(cell).toMatchObject({ count, covered });
      expect(cell.coverage).toBeCloseTo(covered / characters, 12);
      expect(cell.per1000Words).toBeCloseTo((count * 1000) / words, 10);
    }

    const politeja = await service.run('analysis.matrix', { where: [{ attribute: 'journal', value: 'politeja' }, { attribute: 'year', op: '<=', value: '2021' }] });
    expect(politeja.rows.map((row) => row.label).sort()).toEqual([docs[0]!.title, docs[2]!.title].sort());
  });

  it('co-occurrence by overlap: pairs, shared passages and their characters; the diagonal is the segment count', async () => {
    const matrix = await service.run('analysis.cooccurrence', { scope: 'overlap' });
    const codes = matrix.columns.map((column) => column.code);
    let nonEmpty = 0;
    for (let a = 0; a < codes.length; a++) {
      for (let b = a; b < codes.length; b++) {
        const cell = matrix.cells.find((x) => x.a === a && x.b === b);
        if (a === b) {
          const count = applied.filter((x) => x.code === codes[a]).length;
          if (count === 0) expect(cell).toBeUndefined();
          else expect(cell).toMatchObject({ count, pairs: [] });
          continue;
        }
        const pairs = applied.flatMap((x) => applied.filter((y) => x.code === codes[a] && y.code === codes[b] && overlaps(x, y)).map((y) => `${x.id},${y.id}`));
        if (pairs.length === 0) {
          expect(cell).toBeUndefined();
          continue;
        }
        nonEmpty++;
        let passages = 0;
        let characters = 0;
        for (const document of docs) {
          const inA = coverageOf(applied, document, [codes[a]!]);
          const inB = coverageOf(applied, document, [codes[b]!]);
          passages += runsOfBoth(inA, inB);
          characters += inA.filter((v, p) => v && inB[p]).length;
        }
        expect(cell).toMatchObject({ count: pairs.length, passages, characters });
        expect(new Set(cell!.pairs.map((p) => p.join(',')))).toEqual(new Set(pairs));
      }
    }
    expect(nonEmpty).toBeGreaterThan(3);
    // "Moscow-" and "Yerevan Rift" are coded [x, y) and [y, z): adjacent, never a pair.
    const adjacent = applied.filter((x) => x.document === docs[3]!.id).slice(0, 2);
    expect(adjacent[0]!.end).toBe(adjacent[1]!.start);
    expect(matrix.cells.some((cell) => cell.pairs.some((p) => p.includes(adjacent[0]!.id) && p.includes(adjacent[1]!.id)))).toBe(false);
  });

  it('co-occurrence by paragraph: blocks both codes touch, and the pairs touching a common block', async () => {
    const matrix = await service.run('analysis.cooccurrence', { scope: 'paragraph', coder: 'Ani' });
    const mine = applied.filter((x) => x.coder === 'Ani');
    const codes = matrix.columns.map((column) => column.code);
    for (let a = 0; a < codes.length; a++) {
      for (let b = a + 1; b < codes.length; b++) {
        let blocks = 0;
        const pairs = new Set<string>();
        for (const document of docs) {
          for (const block of document.blocks) {
            const inA = mine.filter((x) => x.document === document.id && x.code === codes[a] && touches(x, block));
            const inB = mine.filter((x) => x.document === document.id && x.code === codes[b] && touches(x, block));
            if (inA.length > 0 && inB.length > 0) blocks++;
            for (const x of inA) for (const y of inB) pairs.add(`${x.id},${y.id}`);
          }
        }
        const cell = matrix.cells.find((x) => x.a === a && x.b === b);
        if (blocks === 0) {
          expect(cell).toBeUndefined();
          continue;
        }
        expect(cell!.count).toBe(blocks);
        expect(cell!.pairs.map((p) => p.join(',')).sort()).toEqual([...pairs].sort());
      }
    }
  });

  it('CSV exports of both matrices are the same figures, formula-safe, one row per document plus totals', async () => {
    const { csv } = await service.run('analysis.matrixCsv', { measure: 'coverage' });
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('document,documents,characters,words,Russian policy,Russian policy/pivotal containment,Russian policy/peacekeeping,Azerbaijani strategy,Azerbaijani strategy/salami tactics,Mediation');
    expect(lines).toHaveLength(docs.length + 2);
    const vardazaryan = docs[4]!;
    const row = lines.find((line) => line.startsWith(`${vardazaryan.title},`))!.split(',');
    const covered = countTrue(coverageOf(applied, vardazaryan, ['Russian policy/pivotal containment']));
    expect(Number(row[5])).toBeCloseTo(covered / vardazaryan.points.length, 6);
    expect(lines[lines.length - 1]!.startsWith('All documents,5,')).toBe(true);

    const cooccurrence = await service.run('analysis.cooccurrenceCsv', {});
    const grid = cooccurrence.csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((line) => line.split(','));
    for (let i = 1; i < grid.length; i++) for (let j = 1; j < grid.length; j++) expect(grid[i]![j]).toBe(grid[j]![i]);
    expect(Number(grid[1]![1])).toBe(applied.filter((a) => a.code === 'Russian policy').length);
  });

  it('search finds words without their accents and in every case, with exact code-point offsets', async () => {
    const aliyev = docs[0]!;
    /** Tokens of the text whose folded form equals (or starts with) the folded word: the test's own scan. */
    const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ł/g, 'l');
    const expected = (document: Doc, word: string, prefix = false): [number, number][] => {
      const hits: [number, number][] = [];
      for (const match of document.text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{Mn}]*/gu)) {
        const token = fold(match[0]);
        if (prefix ? token.startsWith(fold(word)) : token === fold(word)) {
          const start = [...document.text.slice(0, match.index)].length;
          hits.push([start, start + [...match[0]].length]);
        }
      }
      return hits;
    };
    for (const query of ['Górski', 'gorski', 'GORSKI', 'Azerbejdzan', 'Azerbejdżan']) {
      const result = await service.run('search.query', { query, limit: 1000 });
      const want = query.toLowerCase().startsWith('g') ? expected(aliyev, 'gorski') : expected(aliyev, 'azerbejdzan');
      expect(want.length, query).toBeGreaterThan(0);
      expect(result.hits.map((hit) => [hit.start, hit.end]), query).toEqual(want);
      for (const hit of result.hits) {
        expect(hit.documentId).toBe(aliyev.id);
        expect(hit.text).toBe(aliyev.points.slice(hit.start, hit.end).join(''));
        const before = aliyev.points.slice(Math.max(0, hit.start - 60), hit.start).join('').replace(/\s+/g, ' ');
        expect(before.endsWith(hit.before)).toBe(true);
      }
    }
    const prefix = await service.run('search.query', { query: 'peacekeep*', limit: 1000 });
    const wanted = docs
      .map((d) => ({ d, hits: expected(d, 'peacekeep', true) }))
      .filter((x) => x.hits.length > 0)
      .sort((x, y) => x.d.title.localeCompare(y.d.title));
    expect(prefix.documents).toBe(wanted.length);
    expect(prefix.hits.map((h) => `${h.documentId}:${h.start}-${h.end}`)).toEqual(wanted.flatMap((x) => x.hits.map(([s, e]) => `${x.d.id}:${s}-${e}`)));
  });

  it('phrases and NEAR mark only the places that match', async () => {
    const vardazaryan = docs[4]!;
    const phrase = await service.run('search.query', { query: '"pivotal containment"' });
    const at = vardazaryan.text.indexOf('pivotal containment');
    const start = [...vardazaryan.text.slice(0, at)].length;
    expect(phrase.hits.map((hit) => [hit.documentTitle, hit.start, hit.end, hit.text])).toEqual([[vardazaryan.title, start, start + 19, 'pivotal containment']]);

    const near = await service.run('search.query', { query: 'NEAR(pivotal policy, 2)', limit: 100 });
    expect(near.documents).toBe(1);
    // "… called this policy “pivotal containment policy” …": both policies are within 2 words.
    expect(near.hits.map((hit) => hit.text)).toEqual(['policy', 'pivotal', 'policy']);
    expect(near.hits[1]!.start).toBe(start);

    const limited = await service.run('search.query', { query: 'Russia', limit: 5 });
    expect(limited.hits).toHaveLength(5);
    expect(limited.truncated).toBe(true);
    expect(limited.documents).toBe(5);
  });

  it('auto-codes every hit widened to its sentence as one action, skips what is coded, and undoes as one', async () => {
    const gadimova = docs[1]!;
    const preview = await service.run('search.autocodePreview', { query: 'salami', code: 'Mediation', coder: 'Carla', scope: 'sentence' });
    const hits = (await service.run('search.query', { query: 'salami', limit: 1000 })).hits;
    expect(preview.hits).toBe(hits.length);
    expect(preview.passages.length).toBeGreaterThan(0);
    expect(preview.passages.length).toBeLessThanOrEqual(hits.length);
    for (const hit of hits) {
      const passage = preview.passages.find((p) => p.documentId === hit.documentId && p.start <= hit.start && hit.end <= p.end);
      expect(passage, `${hit.start}`).toBeDefined();
      // A sentence stays inside its block, starts at the block's start or after a stop, and ends
      // at a stop or at the block's end.
      const block = gadimova.blocks.find((b) => b.start <= hit.start && hit.end <= b.end)!;
      expect(passage!.start).toBeGreaterThanOrEqual(block.start);
      expect(passage!.end).toBeLessThanOrEqual(block.end);
      const before = gadimova.points.slice(block.start, passage!.start).join('').trimEnd();
      expect(before === '' || /[.!?…]["”’)]?\d*$/u.test(before), before.slice(-30)).toBe(true);
      expect(passage!.end === block.end || /[.!?…]["”’)]?\d*$/u.test(passage!.text), passage!.text.slice(-30)).toBe(true);
    }
    for (let i = 1; i < preview.passages.length; i++) {
      const [previous, next] = [preview.passages[i - 1]!, preview.passages[i]!];
      if (previous.documentId === next.documentId) expect(next.start).toBeGreaterThanOrEqual(previous.end);
    }
    expect(preview.passages.every((p) => p.documentId === gadimova.id)).toBe(true);

    const before = (await service.run('history.list', { limit: 1 }))[0]!.id;
    const result = await service.run('search.autocodeApply', { query: 'salami', code: 'Mediation', coder: 'Carla', scope: 'sentence' });
    expect(result.codingIds).toHaveLength(preview.passages.length);
    const events = await service.run('history.list', { limit: 5 });
    expect(events[0]).toMatchObject({ operation: 'search.autocodeApply', kind: 'do', coder: 'Carla' });
    expect(events[1]!.id).toBe(before);
    const coded = (await service.run('codings.list', { code: 'Mediation', coder: 'Carla' })).map((s) => [s.start, s.end, s.text]);
    expect(coded).toEqual(preview.passages.map((p) => [p.start, p.end, p.text]));

    const again = await service.run('search.autocodePreview', { query: 'salami', code: 'Mediation', coder: 'Carla', scope: 'sentence' });
    expect(again.passages).toEqual([]);
    expect(again.alreadyCoded).toBe(hits.length);

    await service.run('history.undo', {});
    expect((await service.run('codings.list', { code: 'Mediation' })).filter((s) => s.coder === 'Carla')).toEqual([]);
    expect((await service.run('coders.list', {})).map((c) => c.name)).not.toContain('Carla');
    await service.run('history.redo', {});
    expect((await service.run('codings.list', { code: 'Mediation', coder: 'Carla' })).map((s) => s.id).sort()).toEqual([...result.codingIds].sort());
    await service.run('history.undo', {});
  });
});
