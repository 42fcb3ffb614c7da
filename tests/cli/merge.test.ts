import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gloss, glossOk } from '../support/cli.js';
import { tempDir } from '../support/paths.js';

describe('gloss merge', () => {
  it("brings a second coder's own project in: one document, both coders' codings, then their agreement", () => {
    const dir = tempDir();
    const text = path.join(dir, 'paper.txt');
    writeFileSync(text, 'Paper\n\nMoscow mediated while Ankara armed Baku and Yerevan waited.\n');
    const ani = path.join(dir, 'ani.gloss');
    const ben = path.join(dir, 'ben.gloss');
    for (const [project, coder, quote] of [[ani, 'Ani', 'Ankara armed Baku'], [ben, 'Ben', 'Ankara armed Baku and Yerevan']] as const) {
      glossOk(['new', project]);
      glossOk(['import', project, text]);
      glossOk(['code', 'add', project, 'Actors/Turkey']);
      glossOk(['code', 'apply', project, '--doc', 'paper', '--code', 'Actors/Turkey', '--quote', quote, '--coder', coder]);
    }

    expect(glossOk(['merge', ani, ben])).toMatch(/merge/);
    expect(JSON.parse(glossOk(['docs', ani, '--json']))).toHaveLength(1);
    const segments = JSON.parse(glossOk(['segments', ani, '--json'])) as { coder: string; text: string; code: string }[];
    expect(segments.map((s) => [s.coder, s.code, s.text]).sort()).toEqual([
      ['Ani', 'Actors/Turkey', 'Ankara armed Baku'],
      ['Ben', 'Actors/Turkey', 'Ankara armed Baku and Yerevan'],
    ]);
    // Merging the same work again adds nothing.
    glossOk(['merge', ani, ben]);
    expect(JSON.parse(glossOk(['segments', ani, '--json']))).toHaveLength(2);

    const agreement = JSON.parse(glossOk(['agreement', ani, '--coders', 'Ani,Ben', '--json']));
    const turkey = agreement.codes.find((code: { code: string }) => code.code === 'Actors/Turkey');
    // Character level without uncoded text: "Ankara armed Baku" (17) agreed, " and Yerevan" (12) not.
    expect(turkey.percentAgreement).toBeCloseTo(17 / 29, 6);

    expect(gloss(['merge', ani, ani]).stderr).toMatch(/cannot be merged into itself/);
  });
});
