import { describe, expect, it } from 'vitest';
import { neutralizeCell, readCsv, restoreCell, writeCsv } from '../../app/formats/csvTable.js';

describe('CSV', () => {
  it('writes RFC 4180 with a BOM, CRLF and quotes where needed', () => {
    const csv = writeCsv(['a', 'b'], [['x, y', 'say "hi"'], ['line\nbreak', 3]]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"line\nbreak",3\r\n');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const cell of ['=SUM(A1)', '+1', '-2', '@cmd', '\tx', '\rx']) expect(neutralizeCell(cell)).toBe(`'${cell}`);
    for (const cell of ['plain', "it's", '#1F77B4', '1+1']) expect(neutralizeCell(cell)).toBe(cell);
  });

  it('reads back exactly what it wrote, formulas and apostrophes included', () => {
    const values = ['=HYPERLINK("http://x")', "'=already", "''+two", "'plain", 'Карабах 😀', '-', 'a,b\r\nc'];
    const csv = writeCsv(['value'], values.map((value) => [value]));
    expect(readCsv(csv).map((row) => row.value)).toEqual(values);
    for (const value of values) expect(restoreCell(neutralizeCell(value))).toBe(value);
  });
});

describe('CSV headers', () => {
  it('guards header cells too (a matrix names its columns by code paths) and reads them back', () => {
    const csv = writeCsv(['code', '=cmd|calc'], [['x', 1]]);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFFcode,"'=cmd|calc"`);
    expect(Object.keys(readCsv(csv)[0]!)).toEqual(['code', '=cmd|calc']);
  });
});
