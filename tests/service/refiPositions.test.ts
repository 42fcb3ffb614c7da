import { describe, expect, it } from 'vitest';
import { writeZip } from '../../app/formats/refi/zipWriter.js';
import { newProject, utf8 } from '../support/project.js';

const RAW = '\uFEFFLine one 😀 here\r\nLine two 🇦🇲 flag\r\nEnd of 𝐛𝐨𝐥𝐝 text';
const CANONICAL = RAW.slice(1).replace(/\r\n/g, '\n');

/** Positions of `quote` counted as the given tool counts them, in the text as stored. */
function positions(quote: string, unit: 'codepoint' | 'utf16', crlf: 1 | 2): [number, number] {
  const raw = RAW.slice(1);
  const at = raw.indexOf(quote.replace(/\n/g, '\r\n'));
  const count = (text: string): number => {
    const lines = crlf === 1 ? text.replace(/\r\n/g, '\n') : text;
    return unit === 'utf16' ? lines.length : [...lines].length;
  };
  return [count(raw.slice(0, at)), count(raw.slice(0, at + quote.replace(/\n/g, '\r\n').length))];
}

function qde(origin: string, selections: Array<{ quote: string; at: [number, number]; name?: string; coded?: boolean; description?: string }>): string {
  const body = selections.map((selection, i) => {
    const guid = `00000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`;
    const coding = selection.coded === false ? '' : `<Coding guid="00000000-0000-4000-8000-0000000002${String(i).padStart(2, '0')}" creatingUser="00000000-0000-4000-8000-000000000001"><CodeRef targetGUID="00000000-0000-4000-8000-000000000002"/></Coding>`;
    const description = selection.description === undefined ? '' : `<Description>${selection.description}</Description>`;
    const name = selection.name === undefined ? '' : ` name="${selection.name.replace(/\n/g, '&#10;')}"`;
    return `<PlainTextSelection guid="${guid}"${name} startPosition="${selection.at[0]}" endPosition="${selection.at[1]}">${description}${coding}</PlainTextSelection>`;
  }).join('');
  return `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="${origin}">` +
    '<Users><User guid="00000000-0000-4000-8000-000000000001" name="Ani"/></Users>' +
    '<CodeBook><Codes><Code guid="00000000-0000-4000-8000-000000000002" name="c" isCodable="true"/></Codes></CodeBook>' +
    `<Sources><TextSource guid="00000000-0000-4000-8000-000000000003" name="notes" plainTextPath="internal://notes.txt">${body}</TextSource></Sources></Project>`;
}

async function importQde(xml: string) {
  const data = await writeZip([{ path: 'project.qde', data: utf8(xml) }, { path: 'sources/notes.txt', data: utf8(RAW) }]);
  const { service } = newProject('positions');
  const summary = await service.run('exchange.import', { fileName: 'p.qdpx', data });
  const codings = await service.run('codings.list', {});
  const memos = await service.run('memos.list', {});
  service.close();
  return { summary, codings, memos };
}

const QUOTES = ['😀 here\nLine two 🇦🇲', 'flag\nEnd of 𝐛𝐨𝐥𝐝', 'End'];

describe('REFI-QDA positions on import', () => {
  it('reads a file whose names show CRLF counted as two and code points, whatever its origin says', async () => {
    const { summary, codings } = await importQde(qde('ATLAS.ti 9', QUOTES.map((quote) => ({ quote, at: positions(quote, 'codepoint', 2), name: quote }))));
    expect(codings.map((coding) => coding.text)).toEqual(QUOTES);
    expect(codings.map((coding) => coding.start)).toEqual(QUOTES.map((quote) => [...CANONICAL.slice(0, CANONICAL.indexOf(quote))].length));
    expect(summary.positions[0]).toMatchObject({ rule: 'Unicode code points, CRLF counted as two', reason: expect.stringMatching(/^3 of 3 selection names match/), nameMismatches: 0 });
  });

  it('applies NVivo\'s rule to an NVivo file whose selections carry no text', async () => {
    const { summary, codings } = await importQde(qde('NVivo for Windows 12.6', QUOTES.map((quote) => ({ quote, at: positions(quote, 'utf16', 2), name: '' }))));
    expect(codings.map((coding) => coding.text)).toEqual(QUOTES);
    expect(summary.positions[0]).toMatchObject({ rule: 'UTF-16 code units, CRLF counted as two', reason: expect.stringMatching(/^NVivo's rule/) });
  });

  it('follows the names where they contradict the tool\'s rule, and says which names do not match', async () => {
    const selections = QUOTES.map((quote) => ({ quote, at: positions(quote, 'codepoint', 1), name: quote }));
    selections[2] = { ...selections[2]!, name: 'something else' };
    const { summary, codings } = await importQde(qde('NVivo for Windows 12.6', selections));
    expect(codings.map((coding) => coding.text)).toEqual(QUOTES);
    expect(summary.positions[0]).toMatchObject({ rule: 'Unicode code points, CRLF counted as one', nameMismatches: 1 });
    expect(summary.notes.join('\n')).toMatch(/1 selection name in "notes" differs from the text at its positions \(e\.g\. .* named "something else" holds "End"\)/);
  });

  it('keeps a memo on an uncoded selection (as MAXQDA writes memos) as a document memo that says where', async () => {
    const quote = 'Line two 🇦🇲 flag';
    const { memos, codings, summary } = await importQde(qde('MAXQDA 24', [{ quote, at: positions(quote, 'codepoint', 1), coded: false, description: 'memo &amp; more' }]));
    expect(codings).toEqual([]);
    const start = [...CANONICAL.slice(0, CANONICAL.indexOf(quote))].length;
    expect(memos).toMatchObject([{ target: { kind: 'document', title: 'notes' }, title: `On “${quote}” [${start}–${start + [...quote].length})`, body: 'memo & more' }]);
    expect(summary.skipped).toEqual([]);
  });
});
