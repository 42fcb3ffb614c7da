/** Turn the references a user types (a title, a path, a name, a uuid) into rows, or say why not. */
import { parseCodePath } from '../domain/codePath.js';
import { GlossError } from '../domain/errors.js';
import { findChildCode, findCodeByUuid, type CodeRow } from '../store/codeQueries.js';
import { findCoderByName, type CoderRow } from '../store/coderQueries.js';
import { findCodingByUuid, type CodingRow } from '../store/codingQueries.js';
import { findDocumentsByReference, getDocumentRow, type DocumentRow } from '../store/documentQueries.js';
import { findMemoByUuid, type MemoRow } from '../store/memoQueries.js';
import type { Db } from '../store/projectFile.js';
import type { Recorder } from '../store/recorder.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function resolveDocument(db: Db, reference: string): DocumentRow {
  const matches = findDocumentsByReference(db, reference);
  if (matches.length === 0) {
    throw new GlossError('not_found', `No document "${reference}" in this project. Choose one of the project's documents by its title.`, {
      cliHint: 'List them with `gloss docs PROJECT` and use an id or a title.',
    });
  }
  if (matches.length > 1) {
    throw new GlossError('ambiguous', `"${reference}" could mean ${matches.map((m) => `"${m.title}" (${m.uuid})`).join(', ')}. Use more of the id.`);
  }
  return getDocumentRow(db, matches[0]!.id);
}

/** A code by uuid or by full path. */
export function findCode(db: Db, reference: string): CodeRow | undefined {
  if (UUID.test(reference)) {
    const byUuid = findCodeByUuid(db, reference.toLowerCase());
    if (byUuid) return byUuid;
  }
  let parent: CodeRow | undefined;
  for (const name of parseCodePath(reference)) {
    parent = findChildCode(db, parent?.id ?? null, name);
    if (!parent) return undefined;
  }
  return parent;
}

export function resolveCode(db: Db, reference: string): CodeRow {
  const code = findCode(db, reference);
  if (!code) {
    throw new GlossError('not_found', `No code "${reference}" in the codebook. Add it to the codebook first, or choose a code that is there.`, {
      cliHint: `Create it with \`gloss code add PROJECT "${reference}"\`, or list codes with \`gloss codes PROJECT\`.`,
    });
  }
  return code;
}

export function resolveCoding(db: Db, reference: string): CodingRow {
  const coding = findCodingByUuid(db, reference.toLowerCase());
  if (!coding) {
    throw new GlossError('not_found', `That coding is no longer in the project (it may have been removed or undone); reload and choose it again.`, {
      cliHint: `No coding has the id ${reference}; list codings with \`gloss segments PROJECT --json\`.`,
    });
  }
  return coding;
}

export function resolveMemo(db: Db, reference: string): MemoRow {
  const memo = findMemoByUuid(db, reference.toLowerCase());
  if (!memo) throw new GlossError('not_found', 'That memo is no longer in the project (it may have been deleted or undone); reload and write it again.', { cliHint: `No memo has the id ${reference}.` });
  return memo;
}

export function resolveCoder(db: Db, name: string): CoderRow {
  const coder = findCoderByName(db, name);
  if (!coder) throw new GlossError('not_found', `No coder "${name}" in this project.`);
  return coder;
}

/** Coders are rows, created the first time a name codes something. */
export function ensureCoder(db: Db, recorder: Recorder, name: string, now: string, uuid: string): CoderRow {
  const existing = findCoderByName(db, name.trim());
  if (existing) return existing;
  return recorder.insert('coders', { uuid, name: name.trim(), created_at: now }) as unknown as CoderRow;
}
