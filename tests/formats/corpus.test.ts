/**
 * The five papers Gloss is first used on (../shared/corpus, beside the repository). They are
 * read, never copied into the project; without them this suite is skipped, not failed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../app/formats/parseDocument.js';
import type { ParsedDocument } from '../../app/formats/parsedDocument.js';
import { blockTexts } from '../support/fixtures.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus');
const corpusExists = existsSync(corpusDir);
if (!corpusExists) {
  console.warn(`Corpus tests skipped: ${corpusDir} does not exist (the shared papers sit beside the repository).`);
}

interface Paper {
  file: string;
  /** Regression values: checked by eye against a printout of every block, then frozen. */
  blocks: number;
  /** For .txt only; .md heading counts are computed from the source below. */
  headings?: number;
  knownHeadings: string[];
}

const PAPERS: Paper[] = [
  {
    file: 'vardazaryan-armenia-russia-after-second-karabakh-war.md',
    blocks: 99,
    knownHeadings: ['Abstract', 'Introduction', '**Conclusion and discussion**', 'References'],
  },
  {
    file: 'aliyev-russia-approaches-armenia-azerbaijan.txt',
    blocks: 124,
    // 13 since bylines, affiliations and ORCID lines stopped being headings (16 before)
    headings: 13,
    knownHeadings: ['Introduction', 'Conclusion', 'Bibliography', 'Russia and the military conflict'],
  },
  {
    file: 'moscow-yerevan-rift.txt',
    blocks: 44,
    // 6: the author's name twice above the author note is a byline, not a heading (8 before)
    headings: 6,
    knownHeadings: ['The battle of words', 'What next?', 'Regional and geopolitical perspectives'],
  },
  {
    file: 'gadimova-akbulut-nk-conflict-shadow-of-ukraine.txt',
    blocks: 136,
    // 11: "Gadimova-Akbulut, Nazrin" and "By Nazrin Gadimova-Akbulut" are bylines (13 before)
    headings: 11,
    knownHeadings: ['Abstract', 'Conclusion', 'Azerbaijan\'s "salami tactics" and the new reality in the Nagorno-Karabakh conflict'],
  },
  {
    file: 'jovic-lazic-second-armed-conflict-nk.md',
    blocks: 187,
    knownHeadings: ['INTRODUCTORY REMARKS', 'The interests and objectives of Russia', 'BIBLIOGRAPHY'],
  },
];

/** The canonical text computed without Gloss's code: BOM stripped, CRLF and CR turned into LF. */
function expectedText(bytes: Buffer): string {
  return bytes.toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n|\r/g, '\n');
}

/** ATX heading lines (`# ` to `###### `) outside fenced code blocks. */
function atxHeadingCount(source: string): number {
  let inFence = false;
  let count = 0;
  for (const line of source.split('\n')) {
    if (/^(?:```|~~~)/.test(line)) inFence = !inFence;
    else if (!inFence && /^#{1,6} /.test(line)) count++;
  }
  return count;
}

describe.skipIf(!corpusExists)('corpus papers', () => {
  describe.each(PAPERS)('$file', (paper) => {
    // Parsed once per paper, on first use: the three checks below read the same result.
    let loaded: Promise<{ expected: string; document: ParsedDocument }> | undefined;
    const load = () => {
      loaded ??= (async () => {
        const bytes = readFileSync(path.join(corpusDir, paper.file));
        return { expected: expectedText(bytes), document: await parseDocument(paper.file, new Uint8Array(bytes)) };
      })();
      return loaded;
    };

    it('keeps the file\'s text exactly, counted in code points', async () => {
      const { expected, document } = await load();
      expect([...document.text].length).toBe([...expected].length);
      expect(document.text).toBe(expected);
    });

    it('finds the expected blocks and headings', async () => {
      const { expected, document } = await load();
      const blocks = blockTexts(document);
      const headings = blocks.filter((b) => b.kind === 'heading');
      expect(blocks.length).toBe(paper.blocks);
      expect(headings.length).toBe(paper.headings ?? atxHeadingCount(expected));
      for (const known of paper.knownHeadings) {
        expect(headings.map((h) => h.text)).toContain(known);
      }
    });

    it('gives every block text without surrounding whitespace, at its own code-point offsets', async () => {
      const { expected, document } = await load();
      const codePoints = [...expected];
      for (const [i, block] of blockTexts(document).entries()) {
        const { start, end } = document.blocks[i]!;
        expect(block.text).toBe(block.text.trim());
        expect(codePoints.slice(start, end).join('')).toBe(block.text);
      }
    });
  });
});
