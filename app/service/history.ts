import { GlossError } from '../domain/errors.js';
import { appendEvent, findRedoTarget, findUndoTarget, getEvent, listEvents } from '../store/events.js';
import { applyInverse } from '../store/recorder.js';
import type { Context } from './context.js';
import type { Handlers } from './handlers.js';
import type { HistoryStep } from './views.js';

/** Revert one event by applying the inverse of its changes, and log that as a new event. */
function revert(context: Context, eventId: number, kind: 'undo' | 'redo'): HistoryStep {
  return context.db.transaction(() => {
    const event = getEvent(context.db, eventId);
    const changes = applyInverse(context.db, event.changes);
    appendEvent(context.db, {
      at: context.now(),
      kind,
      operation: event.operation,
      summary: event.summary,
      coderId: event.coderId,
      reverts: event.id,
      changes,
    });
    return { eventId: event.id, operation: event.operation, summary: event.summary };
  })();
}

export const historyHandlers = {
  'history.undo': (context) => {
    const target = findUndoTarget(context.db);
    if (target === null) throw new GlossError('nothing_to_undo', 'There is nothing to undo.');
    return revert(context, target, 'undo');
  },

  'history.redo': (context) => {
    const target = findRedoTarget(context.db);
    if (target === null) throw new GlossError('nothing_to_redo', 'There is nothing to redo.');
    return revert(context, target, 'redo');
  },

  'history.list': (context, input) => listEvents(context.db, input.limit ?? 100),
} satisfies Partial<Handlers>;
