import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkQdpx } from '../../app/formats/refi/check.js';
import type { GlossService } from '../../app/service/service.js';
import { corpusDir, hasShared, SHARED_MISSING, sharedDir, tempDir } from '../support/paths.js';
import { newProject, utf8 } from '../support/project.js';
import { reportXmllint, schemaErrorsOf } from '../support/xmllint.js';

const refiDir = path.join(sharedDir, 'reference', 'refi-qda');
const hasRefi = hasShared && existsSync(path.join(refiDir, 'xsd', 'Project.xsd'));
if (!hasRefi) console.warn(`tests/service/refiRoundTrip.test.ts: ${SHARED_MISSING}`);

/** xmllint --noout --schema XSD on `xml`: its complaints ('' when valid), or null where the check is skipped (see reportXmllint). */
function schemaErrors(xml: string, xsd: 'Project.xsd' | 'Codebook.xsd'): string | null {
  const file = path.join(tempDir('gloss-xsd-'), xsd === 'Project.xsd' ? 'project.qde' : 'codebook.qdc');
  writeFileSync(file, xml);
  return schemaErrorsOf(file, path.join(refiDir, 'xsd', xsd));
}

/** Valid against the XSD, where the check runs. */
function expectSchemaValid(xml: string, xsd: 'Project.xsd' | 'Codebook.xsd'): void {
  const errors = schemaErrors(xml, xsd);
  if (errors !== null) expect(errors).toBe('');
}

/** Schema and structure checks of an exported .qdpx. */
async function expectValidQdpx(data: Uint8Array): Promise<void> {
  const check = await checkQdpx(data);
  expect(check.problems).toEqual([]);
  expectSchemaValid(check.projectXml, 'Project.xsd');
}

const PAPERS = [
  'vardazaryan-armenia-russia-after-second-karabakh-war.md',
  'aliyev-russia-approaches-armenia-azerbaijan.txt',
  'moscow-yerevan-rift.txt',
  'gadimova-akbulut-nk-conflict-shadow-of-ukraine.txt',
  'jovic-lazic-second-armed-conflict-nk.md',
];

// BOM, CRLF, an astronaut with skin tone joined by ZWJ, flags, mathematical bold letters.
const ASTRAL =
  '\uFEFFField notes 👩🏽‍🚀\r\n\r\nIn Yerevan 🇦🇲 and Baku 🇦🇿 the 𝐛𝐨𝐥𝐝 claim was pivotal containment.\r\n' +
  'Later, "salami tactics" 🍕 took hold 👍🏿 — twice: salami tactics. <&> "quoted" \'single\'\r\n';

/** The five papers, an astral note, nested codes, two coders, overlapping codings, memos and attributes. */
async function buildProject(service: GlossService): Promise<void> {
  for (const paper of PAPERS) {
    await service.run('documents.import', { fileName: paper, data: new Uint8Array(readFileSync(path.join(corpusDir, paper))) });
  }
  await service.run('documents.import', { fileName: 'field notes.txt', data: utf8(ASTRAL) });
  await service.run('codes.add', { path: 'Russian policy/pivotal containment', color: '#D62728', description: 'Russia keeps both sides dependent on it' });
  await service.run('codes.add', { path: 'Russian policy/mediation' });
  await service.run('codes.add', { path: 'Azerbaijani strategy/salami tactics', color: '#2CA02C', description: 'small steps <one> & "then" another' });
  await service.run('codes.add', { path: 'Symbols/flags/Armenia' });
  await service.run('codes.add', { path: 'EU\\/NATO' });
  await service.run('codes.update', { code: 'Russian policy/mediation', definition: 'talks brokered by Moscow', example: 'Sochi' });

  const apply = (document: string, code: string, quote: string, coder: string, memo?: string, occurrence?: number) =>
    service.run('codings.apply', { document, code, quote, coder, ...(memo !== undefined ? { memo } : {}), ...(occurrence !== undefined ? { occurrence } : {}) });
  // Overlapping codings after astral characters, by two coders, and the same range by both.
  await apply('field notes', 'Symbols/flags/Armenia', '🇦🇲 and Baku 🇦🇿', 'Ani', 'flags count as two code points each');
  await apply('field notes', 'Symbols/flags/Armenia', '🇦🇲 and Baku 🇦🇿', 'Babken');
  await apply('field notes', 'Russian policy/pivotal containment', 'Baku 🇦🇿 the 𝐛𝐨𝐥𝐝 claim was pivotal containment', 'Babken');
  await apply('field notes', 'Russian policy/pivotal containment', 'pivotal containment.\nLater, "salami tactics" 🍕', 'Ani');
  await apply('field notes', 'Azerbaijani strategy/salami tactics', 'pivotal containment.\nLater, "salami tactics" 🍕', 'Ani', '=same range, second code');
  await apply('field notes', 'Azerbaijani strategy/salami tactics', 'salami tactics', 'Babken', undefined, 2);
  await apply('field notes', 'EU\\/NATO', '<&> "quoted" \'single\'', 'Ani');
  await apply('vardazaryan-armenia-russia-after-second-karabakh-war', 'Russian policy/pivotal containment', 'pivotal containment policy', 'Ani');
  await apply('vardazaryan-armenia-russia-after-second-karabakh-war', 'Russian policy/mediation', 'containment', 'Babken');
  await apply('moscow-yerevan-rift', 'Russian policy/mediation', 'Russia', 'Ani', 'first mention');
  await apply('moscow-yerevan-rift', 'Azerbaijani strategy/salami tactics', 'Russia', 'Babken');

  await service.run('memos.create', { target: { kind: 'project' }, title: 'Plan', body: 'Compare Russian policy across the papers.\nSecond line & <more>.', coder: 'Ani' });
  await service.run('memos.create', { target: { kind: 'document', document: 'field notes' }, body: 'Notes with emoji 🚀', coder: 'Babken' });
  await service.run('memos.create', { target: { kind: 'code', code: 'Russian policy' }, title: 'Scope', body: 'Everything Moscow does' });
  await service.run('attributes.set', { document: 'moscow-yerevan-rift', attribute: 'year', value: '2023' });
  await service.run('attributes.set', { document: 'field notes', attribute: 'year', value: '2024' });
  await service.run('attributes.set', { document: 'field notes', attribute: 'peer reviewed', value: 'no' });
  await service.run('attributes.set', { document: 'moscow-yerevan-rift', attribute: 'journal', value: 'Caucasus Survey' });
}

/** Everything a round trip must keep, keyed by stable ids. */
async function contents(service: GlossService): Promise<unknown> {
  const documents = await service.run('documents.list', {});
  const texts = await Promise.all(documents.map((document) => service.run('documents.get', { document: document.id })));
  const codes = await service.run('codes.list', {});
  const codings = await service.run('codings.list', {});
  const memos = await service.run('memos.list', {});
  const coders = await service.run('coders.list', {});
  const values = await service.run('attributes.values', {});
  return {
    documents: documents.map((d, i) => ({ id: d.id, title: d.title, characters: d.characters, sha256: d.sha256, text: texts[i]!.text })),
    codes: codes.map((c) => ({ id: c.id, path: c.path, parentId: c.parentId, color: c.color, description: c.description, segments: c.segments })),
    codings: codings.map((s) => ({ id: s.id, documentId: s.documentId, codeId: s.codeId, coder: s.coder, start: s.start, end: s.end, text: s.text, memo: s.memo, createdAt: s.createdAt })),
    memos: memos.map((m) => ({ id: m.id, target: m.target, title: m.title, body: m.body, author: m.author, createdAt: m.createdAt })).sort((a, b) => a.id.localeCompare(b.id)),
    coders: coders.map((c) => ({ id: c.id, name: c.name, codings: c.codings })),
    attributes: values,
  };
}

/** project.qde without the attributes that are about the export, not the project. */
function comparableXml(xml: string): string {
  return xml
    .replace(/(<Project\b[^>]*?) (creationDateTime|modifiedDateTime)="[^"]*"/g, '$1')
    .replace(/(<Project\b[^>]*?) (creationDateTime|modifiedDateTime)="[^"]*"/g, '$1')
    .replace(/(<TextSource\b[^>]*?) creationDateTime="[^"]*"/g, '$1');
}

describe.skipIf(!hasRefi)('REFI-QDA round trip', () => {
  reportXmllint();

  it('exports the corpus project as a valid .qdpx, imports it into a new project and exports the same again', async () => {
    const first = newProject('karabakh');
    await buildProject(first.service);
    const exported = await first.service.run('exchange.exportQdpx', {});
    await expectValidQdpx(exported.data);
    expect(exported.counts).toMatchObject({ documents: 6, codes: 9, codings: 11, coders: 2, memos: 6, attributes: 3 });
    // Two coders on one range are two selections; two codes by one coder on one range one.
    expect(exported.counts.selections).toBe(10);
    expect(exported.warnings.map((warning) => warning.topic)).toEqual(expect.arrayContaining(['code-fields', 'plain-text', 'history']));
    expect(exported.warnings.find((warning) => warning.topic === 'code-fields')!.count).toBe(1);

    const second = newProject('empty');
    const summary = await second.service.run('exchange.import', { fileName: 'karabakh.qdpx', data: exported.data });
    expect(summary).toMatchObject({
      kind: 'project', origin: 'Gloss', mode: 'new project', applied: true,
      documents: { created: 6, matched: 0 }, codes: { created: 9, matched: 0 }, codings: { created: 11, alreadyPresent: 0 },
      coders: { created: 2, matched: 0, renamed: [] }, memos: { created: 6, alreadyPresent: 0 }, attributes: { created: 3, values: 4 }, skipped: [],
    });
    for (const report of summary.positions.filter((p) => p.selections > 0)) {
      expect(report.reason).toMatch(/selection names match the text/);
      expect(report.nameMismatches).toBe(0);
    }
    expect(await contents(second.service)).toEqual(await contents(first.service));
    expect((await second.service.run('project.info', {})).name).toBe('karabakh');

    const again = await second.service.run('exchange.exportQdpx', {});
    await expectValidQdpx(again.data);
    expect(comparableXml((await checkQdpx(again.data)).projectXml)).toBe(comparableXml((await checkQdpx(exported.data)).projectXml));

    // The import is one step: undo takes all of it away.
    await second.service.run('history.undo', {});
    expect(await second.service.run('project.info', {})).toMatchObject({ name: 'empty', counts: { documents: 0, codes: 0, codings: 0, coders: 0, memos: 0 } });
    await second.service.run('history.redo', {});
    expect(await contents(second.service)).toEqual(await contents(first.service));
    first.service.close();
    second.service.close();
  });

  it('writes and reads a .qdc codebook that validates against Codebook.xsd', async () => {
    const first = newProject('codes');
    await first.service.run('codes.add', { path: 'Russian policy/pivotal containment', color: '#D62728', description: 'with <markup> & "quotes"\nand a second line' });
    await first.service.run('codes.add', { path: 'Russian policy/mediation/Sochi' });
    await first.service.run('codes.add', { path: 'EU\\/NATO', color: '#123ABC' });
    const { xml, codes, warnings } = await first.service.run('exchange.exportQdc', {});
    expect(codes).toBe(5);
    expect(xml).toContain('xmlns="urn:QDA-XML:codebook:1.0"');
    expect(xml).not.toContain('<Sets');
    expect(warnings.map((w) => w.topic)).toContain('codebook-only');
    expectSchemaValid(xml, 'Codebook.xsd');

    const second = newProject('other');
    const summary = await second.service.run('exchange.import', { fileName: 'codes.qdc', data: utf8(xml) });
    expect(summary).toMatchObject({ kind: 'codebook', codes: { created: 5, matched: 0 } });
    const strip = (list: Awaited<ReturnType<GlossService['run']>>) => (list as Array<{ id: string; path: string; color: string; description: string }>).map(({ id, path: p, color, description }) => ({ id, p, color, description }));
    expect(strip(await second.service.run('codes.list', {}))).toEqual(strip(await first.service.run('codes.list', {})));
    // Importing it again matches every code by GUID.
    expect(await second.service.run('exchange.import', { fileName: 'codes.qdc', data: utf8(xml) })).toMatchObject({ codes: { created: 0, matched: 5 } });
    await expect(newProject('none').service.run('exchange.exportQdc', {})).rejects.toThrow(/codebook is empty/);
    first.service.close();
    second.service.close();
  });

  it('exports every coding as a W3C Web Annotation with position and quote selectors in code points', async () => {
    const { service } = newProject('annotations');
    await buildProject(service);
    const { json, annotations } = await service.run('exchange.exportAnnotations', {});
    const collection = JSON.parse(json);
    expect(collection).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', label: 'annotations', total: 11 });
    expect(annotations).toBe(11);
    interface Item {
      type: string;
      motivation: string;
      creator: { type: string; name: string };
      body: Array<{ purpose: string; value: string }> | { purpose: string; value: string };
      target: { source: string; selector: [{ type: string; start: number; end: number }, { type: string; exact: string; prefix?: string; suffix?: string }] };
    }
    const items = collection.first.items as Item[];
    expect(items).toHaveLength(11);
    const documents = new Map((await service.run('documents.list', {})).map((d) => [`urn:uuid:${d.id}`, d.id]));
    for (const item of items) {
      expect(item).toMatchObject({ type: 'Annotation', motivation: 'classifying' });
      const [position, quote] = item.target.selector;
      expect(position.type).toBe('TextPositionSelector');
      expect(quote.type).toBe('TextQuoteSelector');
      const text = (await service.run('documents.get', { document: documents.get(item.target.source)! })).text;
      const points = [...text];
      expect(points.slice(position.start, position.end).join('')).toBe(quote.exact);
      expect(points.slice(Math.max(0, position.start - 32), position.start).join('')).toBe(quote.prefix ?? '');
      expect(points.slice(position.end, position.end + 32).join('')).toBe(quote.suffix ?? '');
    }
    const flag = items.find((item) => Array.isArray(item.body) && item.body[1]!.value === 'flags count as two code points each')!;
    expect((flag.body as Array<{ purpose: string; value: string }>)[0]).toMatchObject({ purpose: 'classifying', value: 'Symbols/flags/Armenia' });
    expect(flag.creator).toMatchObject({ type: 'Person', name: 'Ani' });
    service.close();
  });

  it('merges into a project with content: documents by text, codes by GUID then path, coders kept apart', async () => {
    const source = newProject('team');
    await buildProject(source.service);
    const { data } = await source.service.run('exchange.exportQdpx', {});

    const target = newProject('mine');
    // The same paper under another title, a code at the same path (another GUID), and another person called Ani.
    await target.service.run('documents.import', { fileName: 'rift.txt', data: new Uint8Array(readFileSync(path.join(corpusDir, 'moscow-yerevan-rift.txt'))) });
    await target.service.run('codes.add', { path: 'russian POLICY/Mediation', color: '#000000' });
    await target.service.run('codings.apply', { document: 'rift', code: 'russian POLICY/Mediation', quote: 'Russia', coder: 'Ani' });
    const before = await target.service.run('project.info', {});

    const preview = await target.service.run('exchange.previewImport', { fileName: 'team.qdpx', data });
    expect(await target.service.run('project.info', {})).toEqual(before);
    const summary = await target.service.run('exchange.import', { fileName: 'team.qdpx', data });
    expect(preview).toEqual({ ...summary, applied: false });
    expect(summary).toMatchObject({
      mode: 'merge',
      documents: { created: 5, matched: 1 },
      codes: { created: 7, matched: 2 },
      coders: { created: 2, matched: 0, renamed: [{ name: 'Ani', as: 'Ani (2)' }] },
      codings: { created: 11, alreadyPresent: 0 },
    });
    expect((await target.service.run('project.info', {})).name).toBe('mine');
    const documents = await target.service.run('documents.list', {});
    expect(documents.map((d) => d.title).sort()).toEqual(['field notes', ...PAPERS.map((p) => p.replace(/\.(md|txt)$/, ''))].filter((t) => t !== 'moscow-yerevan-rift').concat('rift').sort());
    const codes = await target.service.run('codes.list', {});
    expect(codes.find((c) => c.path === 'russian POLICY/Mediation')).toMatchObject({ color: '#000000', segments: 3 });
    const coders = await target.service.run('coders.list', {});
    expect(coders.map((c) => [c.name, c.codings])).toEqual([['Ani', 1], ['Ani (2)', 6], ['Babken', 5]]);
    // The imported "Ani"'s codings of the shared paper sit on the same text.
    const rift = await target.service.run('codings.list', { document: 'rift' });
    expect(rift.map((s) => [s.coder, s.code, s.text])).toEqual(expect.arrayContaining([['Ani', 'russian POLICY/Mediation', 'Russia'], ['Ani (2)', 'russian POLICY/Mediation', 'Russia'], ['Babken', 'Azerbaijani strategy/salami tactics', 'Russia']]));

    // The same file again adds nothing: codes and coders by GUID, codings by GUID.
    const repeat = await target.service.run('exchange.import', { fileName: 'team.qdpx', data });
    expect(repeat).toMatchObject({ documents: { created: 0, matched: 6 }, codes: { created: 0, matched: 9 }, coders: { created: 0, matched: 2 }, codings: { created: 0, alreadyPresent: 11 }, attributes: { created: 0, values: 0 } });
    expect(repeat.memos).toEqual({ created: 0, alreadyPresent: 6 });
    source.service.close();
    target.service.close();
  });
});
