import { describe, expect, it } from 'vitest';
import { readCsv } from '../../app/formats/csvTable.js';
import { newProject, utf8 } from '../support/project.js';

// More places than any page the workbench shows (the queue lists 1,000; the Segments view paged 2,000).
const SENTENCES = 2_100;

describe('review exports write every row', () => {
  it('the decision log CSV and the printed report hold every decision, the queue counts every place', async () => {
    const { service } = newProject();
    try {
      const text = Array.from({ length: SENTENCES }, (_, i) => `Sentence ${i + 1} names Moscow once.`).join('\n\n');
      await service.run('documents.import', { fileName: 'long.txt', data: utf8(`Title\n\n${text}\n`) });
      await service.run('codes.add', { path: 'Moscow' });
      for (const coder of ['Ani', 'Ben']) await service.run('search.autocodeApply', { query: 'Moscow', code: 'Moscow', coder });
      const scope = { coders: ['Ani', 'Ben'] };
      const queue = await service.run('review.queue', { ...scope, limit: 10 });
      expect(queue.total).toBe(SENTENCES);
      expect(queue.places).toHaveLength(10);
      expect((await service.run('review.agreeAll', { ...scope, reviewer: 'Rita' })).agreed).toBe(SENTENCES);

      const log = readCsv((await service.run('review.logCsv', {})).csv);
      expect(log).toHaveLength(SENTENCES);
      expect(new Set(log.map((row) => row.start)).size).toBe(SENTENCES);

      const html = (await service.run('review.report', scope)).html;
      const logTable = html.slice(html.indexOf('<section class="log">'));
      expect(logTable).toContain(`${SENTENCES.toLocaleString('en-US')} decisions, oldest first`);
      // One body row per decision, each with the reviewer's name.
      const body = logTable.slice(logTable.indexOf('<tbody>'), logTable.indexOf('</tbody>'));
      expect(body.match(/<tr>/g)).toHaveLength(SENTENCES);
      expect(body.match(/<td>Rita<\/td>/g)).toHaveLength(SENTENCES);

      const agreement = readCsv((await service.run('review.agreementCsv', scope)).csv);
      expect(agreement.map((row) => row.code)).toEqual(['Moscow', '(overall)']);
    } finally {
      service.close();
    }
  }, 120_000);
});
