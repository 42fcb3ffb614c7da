import { GlossError } from '../domain/errors.js';
import { findCoderByName, listCoders } from '../store/coderQueries.js';
import type { Handlers } from './handlers.js';

export const coderHandlers = {
  'coders.list': (context) => listCoders(context.db).map((row) => ({ id: row.uuid, name: row.name, codings: row.coding_count })),

  'coders.add': (context, input) =>
    context.mutate('coders.add', (recorder) => {
      if (findCoderByName(context.db, input.name)) throw new GlossError('exists', `A coder named "${input.name}" already exists.`);
      const row = recorder.insert('coders', { uuid: context.newUuid(), name: input.name, created_at: context.now() });
      return { result: { id: row.uuid as string, name: input.name, codings: 0 }, summary: `Add coder "${input.name}"` };
    }),
} satisfies Partial<Handlers>;
