import { formatCodePath, normalizeCodeName } from '../domain/codePath.js';
import { defaultColor, normalizeColor } from '../domain/color.js';
import { GlossError } from '../domain/errors.js';
import { countCodes, findChildCode, nextCodePosition, type CodeRow } from '../store/codeQueries.js';
import type { Recorder } from '../store/recorder.js';
import type { Context } from './context.js';

export interface NewCodeFields {
  color?: string;
  description?: string;
}

/**
 * Create the code at `names` and any missing parents. Throws when the code itself exists
 * already; parents that exist are reused.
 */
export function addCodePath(
  context: Context,
  recorder: Recorder,
  names: string[],
  fields: NewCodeFields,
  options: { existingLeaf: 'error' | 'reuse' } = { existingLeaf: 'error' },
): CodeRow {
  let parent: CodeRow | undefined;
  for (const [depth, rawName] of names.entries()) {
    const name = normalizeCodeName(rawName);
    const existing = findChildCode(context.db, parent?.id ?? null, name);
    const isLeaf = depth === names.length - 1;
    if (existing) {
      if (isLeaf && options.existingLeaf === 'error') {
        throw new GlossError('exists', `The code "${formatCodePath(names)}" already exists. Change that code instead, or choose another name.`, { cliHint: 'Change it with `gloss code update`.' });
      }
      parent = existing;
      continue;
    }
    const now = context.now();
    const parentId = parent?.id ?? null;
    parent = recorder.insert('codes', {
      uuid: context.newUuid(),
      parent_id: parentId,
      name,
      color: isLeaf && fields.color !== undefined ? normalizeColor(fields.color) : defaultColor(countCodes(context.db)),
      description: isLeaf ? (fields.description ?? '') : '',
      position: nextCodePosition(context.db, parentId),
      created_at: now,
      updated_at: now,
    }) as unknown as CodeRow;
  }
  return parent!;
}

