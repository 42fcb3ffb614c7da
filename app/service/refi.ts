/**
 * Exchange with other QDA programs: REFI-QDA projects (.qdpx) and codebooks (.qdc), and W3C
 * Web Annotations. Exports tell what the format cannot carry (`warnings`) so a door can say
 * so before it writes; an import is one undoable mutation, all or nothing.
 */
import { GlossError } from '../domain/errors.js';
import { loadRefi } from '../formats/refi/load.js';
import type { Context } from './context.js';
import type { Handlers } from './handlers.js';
import { exportAnnotations, exportQdc, exportQdpx, exportWarnings } from './refiExport.js';
import { applyPlan, planImport, summaryLine } from './refiImport.js';

/** Every refusal of an import says that nothing was written. */
async function refusing<T>(action: () => T | Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof GlossError && !/nothing was imported/i.test(error.message)) {
      throw new GlossError(error.code, `${error.message.replace(/\s*$/, '')} Nothing was imported.`);
    }
    throw error;
  }
}

export const refiHandlers = {
  'exchange.exportWarnings': (context, input) => exportWarnings(context, input.format),

  'exchange.exportQdpx': (context) => exportQdpx(context),

  'exchange.exportQdc': (context) => {
    const result = exportQdc(context);
    if (result.codes === 0) throw new GlossError('invalid_input', 'The codebook is empty, and a .qdc file needs at least one code. Add codes first.');
    return result;
  },

  'exchange.exportAnnotations': (context) => exportAnnotations(context),

  'exchange.previewImport': (context, input) =>
    refusing(async () => {
      const loaded = await loadRefi(input.fileName, input.data);
      return planImport(context, input.fileName, loaded).summary;
    }),

  'exchange.import': (context: Context, input) =>
    refusing(async () => {
      // Reading and inflating happen outside the transaction; any error there writes nothing.
      const loaded = await loadRefi(input.fileName, input.data);
      return context.mutate('exchange.import', (recorder) => {
        const plan = planImport(context, input.fileName, loaded);
        const result = applyPlan(context, recorder, plan);
        return { result, summary: summaryLine(result) };
      });
    }),
} satisfies Partial<Handlers>;
