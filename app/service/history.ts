import { GlossError } from '../domain/errors.js';
import { appendEvent, findRedoTarget, findUndoTarget, getEvent, listEvents } from '../store/events.js';
import { applyInverse } from '../store/recorder.js';
import type { Context } from './context.js';
import type { Handlers } from './handlers.js';
import type { HistoryStep } from './views.js';

/**
 * Revert events (one, or the events of one step, newest first) by applying the inverse of
 * their changes, and log that as ONE new event, so the step undoes and redoes as a whole.
 */
function revert(context: Context, eventIds: readonly number[], kind: 'undo' | 'redo'): HistoryStep {
  return context.write(() => {
    const events = eventIds.map((id) => getEvent(context.db, id));
    const changes = events.flatMap((event) => applyInverse(context.db, event.changes));
    const newest = events[0]!;
    appendEvent(context.db, {
      at: context.now(),
      kind,
      operation: newest.operation,
      summary: newest.summary,
      coderId: newest.coderId,
      reverts: newest.id,
      changes,
    });
    return { eventId: newest.id, operation: newest.operation, summary: newest.summary };
  });
}

export const historyHandlers = {
  // What to revert is found inside the write transaction: another writer cannot add or undo an
  // event between the look-up and the revert.
  'history.undo': (context) =>
    context.write(() => {
      const target = findUndoTarget(context.db);
      if (target === null) throw new GlossError('nothing_to_undo', 'There is nothing to undo.');
      return revert(context, target, 'undo');
    }),

  'history.redo': (context) =>
    context.write(() => {
      const target = findRedoTarget(context.db);
      if (target === null) throw new GlossError('nothing_to_redo', 'There is nothing to redo.');
      return revert(context, [target], 'redo');
    }),

  'history.list': (context, input) => listEvents(context.db, input.limit ?? 100),
} satisfies Partial<Handlers>;
