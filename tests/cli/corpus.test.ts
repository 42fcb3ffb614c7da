import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { glossOk } from '../support/cli.js';
import { corpusDir, hasShared, SHARED_MISSING, tempDir } from '../support/paths.js';

// Block counts are regression values, checked by eye when the importers were written
// (tests/formats/corpus.test.ts checks the headings themselves).
const PAPERS: [file: string, blocks: number][] = [
  ['vardazaryan-armenia-russia-after-second-karabakh-war.md', 99],
  ['aliyev-russia-approaches-armenia-azerbaijan.txt', 124],
  ['moscow-yerevan-rift.txt', 44],
  ['gadimova-akbulut-nk-conflict-shadow-of-ukraine.txt', 136],
  ['jovic-lazic-second-armed-conflict-nk.md', 187],
];

if (!hasShared) console.warn(`tests/cli/corpus.test.ts ${SHARED_MISSING}`);

describe.skipIf(!hasShared)('the corpus through `gloss import`', () => {
  it('imports the five papers with their character and block counts, and codes "pivotal containment"', () => {
    const project = path.join(tempDir(), 'karabakh.gloss');
    glossOk(['new', project]);
    const lines = glossOk(['import', project, ...PAPERS.map(([file]) => path.join(corpusDir, file))]).trim().split('\n');
    expect(lines).toHaveLength(PAPERS.length);
    const documents = JSON.parse(glossOk(['docs', project, '--json'])) as { id: string; title: string; characters: number; blocks: number }[];
    PAPERS.forEach(([file, blocks], i) => {
      const source = readFileSync(path.join(corpusDir, file), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
      const title = file.replace(/\.(md|txt)$/, '');
      const [id, printedTitle, characters] = lines[i]!.split('\t');
      expect(printedTitle).toBe(title);
      expect(Number(characters)).toBe([...source].length);
      expect(documents.find((document) => document.id === id)).toMatchObject({ title, characters: [...source].length, blocks });
    });

    glossOk(['code', 'add', project, 'Russian policy/pivotal containment']);
    const segment = JSON.parse(glossOk(['code', 'apply', project, '--doc', 'vardazaryan-armenia-russia-after-second-karabakh-war', '--code', 'Russian policy/pivotal containment', '--quote', 'pivotal containment policy']));
    expect(segment.text).toBe('pivotal containment policy');
    // Re-importing the corpus adds nothing.
    glossOk(['import', project, path.join(corpusDir, PAPERS[0]![0])]);
    expect(JSON.parse(glossOk(['docs', project, '--json']))).toHaveLength(PAPERS.length);
  });
});
