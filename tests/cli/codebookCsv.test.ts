import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../app/formats/csvTable.js';
import { glossOk } from '../support/cli.js';
import { tempDir } from '../support/paths.js';

describe('codebook CSV', () => {
  it('exports the codebook with counts and formula-safe cells, and imports it back into another project', () => {
    const dir = tempDir();
    const first = path.join(dir, 'first.gloss');
    const second = path.join(dir, 'second.gloss');
    glossOk(['new', first]);
    glossOk(['code', 'add', first, 'Russian policy/pivotal containment', '--color', '#d62728', '--description', '=Moscow balances, "carefully"']);
    glossOk(['code', 'add', first, 'Russian policy/mediation']);
    glossOk(['code', 'add', first, 'EU\\/NATO', '--description', '@mention, +plus, -minus']);
    const file = path.join(dir, 'codebook.csv');
    glossOk(['export', first, 'codebook', '--format', 'csv', '-o', file]);

    const csv = readFileSync(file, 'utf8');
    expect(csv.startsWith('\uFEFFpath,name,parent,color,description,definition,when_to_use,when_not_to_use,example,segments,documents')).toBe(true);
    expect(csv).toContain(`"'=Moscow balances, ""carefully"""`);
    const rows = readCsv(csv);
    expect(rows.map((row) => row.path)).toEqual(['Russian policy', 'Russian policy/pivotal containment', 'Russian policy/mediation', 'EU\\/NATO']);
    expect(rows[1]).toMatchObject({ name: 'pivotal containment', parent: 'Russian policy', color: '#D62728', description: '=Moscow balances, "carefully"', segments: '0', documents: '0' });

    glossOk(['new', second]);
    expect(glossOk(['import', second, file])).toMatch(/4 codes added/);
    const codes = JSON.parse(glossOk(['codes', second, '--json']));
    expect(codes.map((code: { path: string }) => code.path)).toEqual(rows.map((row) => row.path));
    expect(codes[1]).toMatchObject({ color: '#D62728', description: '=Moscow balances, "carefully"' });
    expect(codes[3]).toMatchObject({ name: 'EU/NATO', description: '@mention, +plus, -minus' });
  });
});
