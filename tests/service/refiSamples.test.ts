import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { hasShared, SHARED_MISSING, sharedDir } from '../support/paths.js';
import { newProject } from '../support/project.js';

const samplesDir = path.join(sharedDir, 'reference', 'refi-qda', 'samples');
const hasSamples = hasShared && existsSync(samplesDir);
if (!hasSamples) console.warn(`tests/service/refiSamples.test.ts: ${SHARED_MISSING}`);

function sample(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(samplesDir, name)));
}

async function importSample(name: string) {
  const { service } = newProject(name.replace(/\W+/g, '-'));
  const summary = await service.run('exchange.import', { fileName: name, data: sample(name) });
  return { service, summary };
}

describe.skipIf(!hasSamples)('the REFI-QDA samples written by other programs', () => {
  it('imports every sample without error', async () => {
    const files = readdirSync(samplesDir).filter((file) => /\.(qdpx|qde|qdc)$/.test(file)).sort();
    expect(files.length).toBeGreaterThanOrEqual(9);
    for (const file of files) {
      const { service, summary } = await importSample(file);
      expect(summary.applied, file).toBe(true);
      expect(summary.mode, file).toBe('new project');
      service.close();
    }
  });

  it('NVivo 12.6: all 303 codings, each on the text NVivo\'s rule cuts from the original .txt (UTF-16 units, CRLF as two)', async () => {
    const name = 'nvivo-12.6-win_oltas0517.qdpx';
    const { service, summary } = await importSample(name);
    expect(summary).toMatchObject({ documents: { created: 2 }, codes: { created: 152 }, codings: { created: 303, alreadyPresent: 0 }, coders: { created: 2 } });
    expect(summary.skipped).toEqual([]);
    expect(summary.positions.find((p) => p.selections === 303)!.rule).toBe('UTF-16 code units, CRLF counted as two');

    // The rule, written here on its own: the .txt as UTF-8 without its BOM, cut in UTF-16 code
    // units (a JavaScript string's own unit) with CRLF as two, then line ends made LF.
    const zip = await JSZip.loadAsync(sample(name));
    const qde = await zip.file('project.qde')!.async('string');
    const expected = new Map<string, string>();
    for (const source of qde.split('<TextSource ').slice(1)) {
      const file = /plainTextPath="internal:\/\/([^"]+)"/.exec(source)![1]!;
      const raw = (await zip.file(`Sources/${file}`)!.async('string')).replace(/^\uFEFF/, '');
      expect(raw).toContain('\r\n');
      for (const selection of source.split('<PlainTextSelection ').slice(1)) {
        const start = Number(/startPosition="(\d+)"/.exec(selection)![1]);
        const end = Number(/endPosition="(\d+)"/.exec(selection)![1]);
        const cut = raw.slice(start, end).replace(/\r\n?/g, '\n');
        for (const coding of selection.split('</PlainTextSelection>')[0]!.matchAll(/<Coding guid="([^"]+)"/g)) expected.set(coding[1]!.toLowerCase(), cut);
      }
    }
    expect(expected.size).toBe(303);
    const codings = await service.run('codings.list', {});
    expect(codings).toHaveLength(303);
    for (const coding of codings) expect(coding.text, coding.id).toBe(expected.get(coding.id));
    // Code points would land elsewhere: the rule matters for this file.
    const astral = codings.filter((coding) => /[\uD800-\uDBFF]/.test(coding.text));
    expect(astral.length).toBeGreaterThan(0);
    const coders = await service.run('coders.list', {});
    expect(coders.map((c) => c.name).sort()).toEqual(['Gergo', 'floriansipos']);
    service.close();
  });

  it('ATLAS.ti 8.4 (a bare .qde): its users, codes, notes and sets, and the sources it lacks', async () => {
    const { service, summary } = await importSample('atlasti-8.4-mac_REFI-standard-project.qde');
    expect(summary).toMatchObject({ documents: { created: 0 }, codes: { created: 14 }, coders: { created: 3 }, codings: { created: 0 } });
    const coders = (await service.run('coders.list', {})).map((c) => c.name).sort();
    expect(coders).toEqual(['ATLAS.ti', 'Friedrich Markgraf', 'Sebastian Petrausch']);
    const codes = await service.run('codes.list', {});
    expect(codes.find((c) => c.name === 'cornflakes')).toMatchObject({ color: '#DC0000', description: 'breakfast cereal made by Kellogg’s' });
    expect(codes.find((c) => c.name === '"rushed"')).toBeDefined();
    const memos = await service.run('memos.list', {});
    const byTitle = new Map(memos.map((m) => [m.title, m]));
    expect(byTitle.get('Research Plan')).toMatchObject({ target: { kind: 'project' }, author: 'Friedrich Markgraf', body: 'day to day log about this amazing project\n\nThis is a great project by a dynamic team of researcher-developers. ' });
    expect(byTitle.get('My favorite Coke ad')).toBeDefined();
    expect(byTitle.get('Code set "negative feelings"')!.body).toContain('- "rushed"');
    // ATLAS.ti for Mac writes names decomposed (NFD): "e" + combining circumflex.
    expect(byTitle.get('Source set "Mabel"')!.body.normalize('NFC')).toContain('- Mabêl 2ième.txt');
    expect(memos.filter((m) => m.title.startsWith('Code set'))).toHaveLength(4);
    expect(memos.filter((m) => m.title.startsWith('Source set'))).toHaveLength(11);
    const missing = summary.skipped.find((group) => group.what === 'source')!;
    expect(missing).toMatchObject({ count: 8, reason: expect.stringMatching(/bare \.qde holds no source files/) });
    expect(missing.examples[0]).toMatch(/internal:\/\/01106019-2518-43DD-BBD1-8F0252BACB30\.txt/);
    expect(summary.skipped.find((group) => group.what === 'coding')).toMatchObject({ count: 9, reason: 'its source\'s text is not in the file' });
    expect(summary.skipped.map((group) => group.what)).toEqual(expect.arrayContaining(['PictureSource', 'AudioSource', 'VideoSource', 'graph', 'link']));
    service.close();
  });

  it('MAXQDA 24, qc and NVivo 15 for Mac: sources, codes, colours, sets', async () => {
    const maxqda = await importSample('maxqda-24.7_ICLS_Conf_Themes_just10.qdpx');
    expect(maxqda.summary).toMatchObject({ documents: { created: 10 }, codes: { created: 307 }, attributes: { created: 2, values: 10 } });
    const codes = await maxqda.service.run('codes.list', {});
    expect(codes.find((c) => c.name === 'THEME - Affinity Spaces (Gee)')).toMatchObject({ color: '#EF8256', description: "Apply this code when a study uses Gee's concept of affinity spaces." });
    maxqda.service.close();

    const qc = await importSample('qc-1.3.2_demo.qdpx');
    expect(qc.summary).toMatchObject({ documents: { created: 2 }, codes: { created: 262 }, codings: { created: 205 } });
    expect((await qc.service.run('documents.list', {})).map((d) => d.title).sort()).toEqual(['admin-1', 'board_2017']);
    qc.service.close();

    const nvivoMac = await importSample('nvivo-15.0-mac_nvivo_project.qdpx');
    expect(nvivoMac.summary).toMatchObject({ documents: { created: 0 }, codes: { created: 262 }, coders: { created: 2 } });
    expect(nvivoMac.summary.skipped).toEqual([expect.objectContaining({ what: 'source', count: 2, reason: expect.stringMatching(/empty/) })]);
    nvivoMac.service.close();
  });

  it('codebooks: the Taguette .qdc that breaks the schema (empty <Sets/>) and ATLAS.ti\'s with a code group', async () => {
    const taguette = await importSample('taguette-1.4.1_codebook.qdc');
    expect(taguette.summary).toMatchObject({ kind: 'codebook', codes: { created: 3 } });
    expect((await taguette.service.run('codes.list', {})).map((c) => c.name)).toEqual(['xsd:element name', 'CodeBook', 'Variables']);
    taguette.service.close();

    const atlas = await importSample('atlasti-23.4-win_requal-test-excerpt.qdc');
    expect(atlas.summary).toMatchObject({ kind: 'codebook', codes: { created: 1 }, memos: { created: 1 } });
    expect(await atlas.service.run('codes.list', {})).toMatchObject([{ name: 'code1', color: '#46AA00', description: 'description' }]);
    expect((await atlas.service.run('memos.list', {}))[0]).toMatchObject({ title: 'Code set "code group 1"', body: 'kategorie 1\n\nCodes in this set (from ATLAS.ti Win 23.4.0):\n- code1' });
    atlas.service.close();
  });
});
