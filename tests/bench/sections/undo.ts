import { GlossService } from '../../../app/service/service.js';
import type { Section } from '../section.js';
import { median, now, secondsSince } from '../timing.js';

const ROUNDS = 20;

/**
 * `history.undo` then `history.redo` of the newest coding on the whole project. The undo stack
 * is derived from the event log, so this shows whether that stays fast with every coding logged.
 */
export const undoSection: Section = {
  name: 'undo',
  title: `Undo / redo of one coding on the full project (median of ${ROUNDS})`,
  async run(bench, report) {
    const coded = await bench.coded();
    const service = GlossService.open(coded.file);
    try {
      const [newest] = await service.run('history.list', { limit: 1 });
      if (newest?.operation !== 'codings.apply') throw new Error(`the newest event is ${newest?.operation ?? 'missing'}, not codings.apply`);
      const undo: number[] = [];
      const redo: number[] = [];
      const pair: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const start = now();
        const undone = await service.run('history.undo', {});
        const middle = now();
        const redone = await service.run('history.redo', {});
        undo.push(Number(middle - start) / 1e9);
        redo.push(secondsSince(middle));
        pair.push(secondsSince(start));
        if (undone.operation !== 'codings.apply' || redone.operation !== 'codings.apply') {
          throw new Error(`undo/redo reverted ${undone.operation} / ${redone.operation}, not codings.apply`);
        }
      }
      report.figure('undo.events_in_log', coded.events, 'events', `before the first undo; ${coded.codings} codings`);
      if (coded.filled > 0) {
        report.note(`${coded.filled} of those events were written by the bench in the shape codings.apply logs (see codings).`);
      }
      report.figure('undo.undo_median_ms', median(undo) * 1e3, 'ms');
      report.figure('undo.redo_median_ms', median(redo) * 1e3, 'ms');
      report.figure('undo.undo_redo_median_ms', median(pair) * 1e3, 'ms', 'one undo plus one redo');
      report.figure('undo.undo_redo_max_ms', Math.max(...pair) * 1e3, 'ms');
    } finally {
      service.close();
    }
  },
};
