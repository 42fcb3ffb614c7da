import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, parseDocument } from '../../app/formats/parseDocument.js';
import { glossErrorOf, utf8 } from '../support/fixtures.js';

describe('parseDocument', () => {
  it.each([
    ['notes.txt', 'txt'], ['NOTES.TEXT', 'txt'], ['paper.md', 'md'], ['Paper.Markdown', 'md'],
    ['page.html', 'html'], ['PAGE.HTM', 'html'], ['C:\\Users\\ana\\notes.TXT', 'txt'], ['/data/v1.2/paper.md', 'md'],
  ])('chooses the importer for %s by its extension', async (fileName, format) => {
    expect((await parseDocument(fileName, utf8('Some text.'))).format).toBe(format);
  });

  it.each(['interview.rtf', 'README', 'archive.docx.zip', 'data.csv', '.txt'])(
    'refuses %s as unsupported, naming the file and the supported extensions',
    async (fileName) => {
      const { code, message } = await glossErrorOf(parseDocument(fileName, utf8('Some text.')));
      expect(code).toBe('unsupported_format');
      expect(message.startsWith(`${fileName} is not a format Gloss can import.`)).toBe(true);
      for (const extension of ['.txt', '.md', '.html', '.docx', '.pdf']) expect(message).toContain(extension);
    },
  );

  it('refuses a file over the size limit before reading it', async () => {
    // calloc'd zero pages: the allocation costs address space, not 200 MB of writes.
    const huge = new Uint8Array(MAX_IMPORT_BYTES + 1);
    await expect(parseDocument('huge.txt', huge)).rejects.toMatchObject({
      code: 'bad_file',
      message: expect.stringContaining('huge.txt is too large (201 MB)'),
    });
  });
});
