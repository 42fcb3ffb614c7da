import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { checkQdpx } from '../../app/formats/refi/check.js';
import { gloss, glossOk } from '../support/cli.js';
import { hasShared, SHARED_MISSING, sharedDir, tempDir } from '../support/paths.js';
import { fileSha256 } from '../support/project.js';
import { reportXmllint, schemaErrorsOf } from '../support/xmllint.js';

const refiDir = path.join(sharedDir, 'reference', 'refi-qda');
const hasRefi = hasShared && existsSync(path.join(refiDir, 'xsd', 'Project.xsd'));
if (!hasRefi) console.warn(`tests/cli/refiCli.test.ts: some checks ${SHARED_MISSING}`);

function xmllint(file: string, xsd: 'Project.xsd' | 'Codebook.xsd'): void {
  if (!hasRefi) return;
  const errors = schemaErrorsOf(file, path.join(refiDir, 'xsd', xsd));
  if (errors !== null) expect(errors).toBe('');
}

const NOTES = '\uFEFFIn Yerevan 🇦🇲 and Baku 🇦🇿 the 𝐛𝐨𝐥𝐝 claim was pivotal containment.\r\nLater, "salami tactics" 🍕 took hold.\r\n';

describe('gloss export / import with REFI-QDA and Web Annotations', () => {
  reportXmllint();

  it('exports qdpx, qdc and jsonld (saying first what they cannot carry) and imports them into a new project', async () => {
    const dir = tempDir();
    const first = path.join(dir, 'first.gloss');
    writeFileSync(path.join(dir, 'notes.txt'), NOTES);
    glossOk(['new', first]);
    glossOk(['import', first, path.join(dir, 'notes.txt')]);
    glossOk(['code', 'add', first, 'Symbols/flags', '--color', '#1f77b4', '--description', 'flags & <emblems>']);
    glossOk(['code', 'add', first, 'Russian policy/pivotal containment']);
    glossOk(['code', 'update', first, 'Russian policy/pivotal containment', '--definition', 'as the author means it']);
    glossOk(['code', 'apply', first, '--doc', 'notes', '--code', 'Symbols/flags', '--quote', '🇦🇲 and Baku 🇦🇿', '--coder', 'Ani', '--memo', 'two flags']);
    glossOk(['code', 'apply', first, '--doc', 'notes', '--code', 'Russian policy/pivotal containment', '--quote', 'Baku 🇦🇿 the 𝐛𝐨𝐥𝐝 claim was pivotal containment', '--coder', 'Babken']);

    const qdpx = path.join(dir, 'first.qdpx');
    const exported = gloss(['export', first, 'qdpx', '-o', qdpx]);
    expect(exported.status).toBe(0);
    expect(exported.stderr).toMatch(/What a \.qdpx project cannot carry of this project:\n {2}- 1 code has a definition/);
    expect(exported.stderr.indexOf('cannot carry')).toBeLessThan(exported.stderr.indexOf(`Wrote ${qdpx}`));
    expect(exported.stderr).toMatch(/1 document, 4 codes, 2 codings \(2 selections\), 2 coders, 1 memo/);
    const data = new Uint8Array(readFileSync(qdpx));
    const check = await checkQdpx(data);
    expect(check.problems).toEqual([]);
    const unzipped = await JSZip.loadAsync(data);
    writeFileSync(path.join(dir, 'project.qde'), await unzipped.file('project.qde')!.async('uint8array'));
    xmllint(path.join(dir, 'project.qde'), 'Project.xsd');
    expect(gloss(['export', first, 'qdpx']).stderr).toMatch(/give the file to write with -o FILE\.qdpx/);

    const qdc = path.join(dir, 'codebook.qdc');
    expect(gloss(['export', first, 'codebook', '--format', 'qdc', '-o', qdc]).stderr).toMatch(/holds the codebook only/);
    xmllint(qdc, 'Codebook.xsd');
    expect(glossOk(['export', first, 'codebook', '--format', 'qdc'])).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Gloss">');
    expect(glossOk(['export', first, 'codebook', '--format', 'csv'])).toMatch(/^\uFEFFpath,name,parent/);

    const jsonld = path.join(dir, 'annotations.jsonld');
    glossOk(['export', first, 'annotations', '--format', 'jsonld', '-o', jsonld]);
    const annotations = JSON.parse(readFileSync(jsonld, 'utf8'));
    expect(annotations.first.items.map((item: { target: { selector: Array<{ exact?: string }> } }) => item.target.selector[1]!.exact).sort())
      .toEqual(['Baku 🇦🇿 the 𝐛𝐨𝐥𝐝 claim was pivotal containment', '🇦🇲 and Baku 🇦🇿']);
    expect(JSON.parse(glossOk(['export', first, 'annotations'])).total).toBe(2);

    // `gloss new` + `gloss import` of the .qdpx is the new-project path.
    const second = path.join(dir, 'second.gloss');
    glossOk(['new', second]);
    const imported = glossOk(['import', second, qdpx]);
    expect(imported).toMatch(/Imported the project first\.qdpx \(written by Gloss\) into this empty project:/);
    expect(imported).toMatch(/codings {4}2 new/);
    expect(imported).toMatch(/positions in "notes": Unicode code points/);
    const segments = (file: string) => JSON.parse(glossOk(['segments', file, '--json'])).map((s: Record<string, unknown>) => [s.id, s.code, s.coder, s.start, s.end, s.text, s.memo]);
    expect(segments(second)).toEqual(segments(first));
    // Everything but the definition, which the export said it cannot carry.
    const codes = (file: string) => JSON.parse(glossOk(['codes', file, '--json'])).map(({ definition: _definition, ...code }: Record<string, unknown>) => code);
    expect(codes(second)).toEqual(codes(first));

    const preview = JSON.parse(glossOk(['exchange', 'preview', second, qdc, '--json']));
    expect(preview).toMatchObject({ kind: 'codebook', mode: 'merge', applied: false, codes: { created: 0, matched: 4 } });
    expect(glossOk(['import', second, qdc])).toMatch(/codes {6}0 new, 4 already here/);
    expect(glossOk(['exchange', 'limits', first, '--format', 'jsonld'])).toMatch(/Web Annotations carry each coding/);
    expect(glossOk(['undo', second])).toMatch(/Undone: Import project first\.qdpx/);
  });

  it('refuses a hostile archive with a clear message and leaves the project file as it was', () => {
    const dir = tempDir();
    const project = path.join(dir, 'p.gloss');
    glossOk(['new', project]);
    const before = fileSha256(project);
    const evil = path.join(dir, 'evil.qdc');
    writeFileSync(evil, '<?xml version="1.0"?><!DOCTYPE CodeBook [<!ENTITY x SYSTEM "file:///etc/passwd">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="00000000-0000-4000-8000-000000000001" name="&x;" isCodable="true"/></Codes></CodeBook>');
    const run = gloss(['import', project, evil]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/evil\.qdc was refused: it holds a document type declaration/);
    expect(fileSha256(project)).toBe(before);
  });

  it.skipIf(!hasRefi)('imports the NVivo 12.6 sample from the command line', () => {
    const project = path.join(tempDir(), 'nvivo.gloss');
    glossOk(['new', project]);
    const out = glossOk(['import', project, path.join(refiDir, 'samples', 'nvivo-12.6-win_oltas0517.qdpx')]);
    expect(out).toMatch(/written by NVivo for Windows 12\.6/);
    expect(out).toMatch(/codings {4}303 new/);
    expect(out).toMatch(/UTF-16 code units, CRLF counted as two/);
    expect(JSON.parse(glossOk(['segments', project, '--json']))).toHaveLength(303);
  });
});
