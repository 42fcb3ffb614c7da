import type { Db } from './projectFile.js';

export interface CodingRow {
  id: number;
  uuid: string;
  document_id: number;
  code_id: number;
  coder_id: number;
  start: number;
  end: number;
  quote: string;
  created_at: string;
  updated_at: string;
}

export interface SegmentRow extends CodingRow {
  document_uuid: string;
  document_title: string;
  code_uuid: string;
  coder_name: string;
  memo: string | null;
}

export interface SegmentFilter {
  codingId?: number;
  documentId?: number;
  /** Codings of any of these codes. */
  codeIds?: number[];
  coderId?: number;
}

export function listSegments(db: Db, filter: SegmentFilter): SegmentRow[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.codingId !== undefined) {
    where.push('k.id = @codingId');
    params.codingId = filter.codingId;
  }
  if (filter.documentId !== undefined) {
    where.push('k.document_id = @documentId');
    params.documentId = filter.documentId;
  }
  if (filter.coderId !== undefined) {
    where.push('k.coder_id = @coderId');
    params.coderId = filter.coderId;
  }
  if (filter.codeIds !== undefined) {
    where.push('k.code_id IN (SELECT value FROM json_each(@codeIds))');
    params.codeIds = JSON.stringify(filter.codeIds);
  }
  return db
    .prepare(
      `SELECT k.*, d.uuid AS document_uuid, d.title AS document_title, c.uuid AS code_uuid,
              r.name AS coder_name, m.body AS memo
       FROM codings k
       JOIN documents d ON d.id = k.document_id
       JOIN codes c ON c.id = k.code_id
       JOIN coders r ON r.id = k.coder_id
       LEFT JOIN memos m ON m.coding_id = k.id
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY d.title COLLATE NOCASE, k.start, k.end, k.id`,
    )
    .all(params) as SegmentRow[];
}

export function findCodingByUuid(db: Db, uuid: string): CodingRow | undefined {
  return db.prepare('SELECT * FROM codings WHERE uuid = ?').get(uuid) as CodingRow | undefined;
}

export function codingIdsOfCode(db: Db, codeId: number): number[] {
  return (db.prepare('SELECT id FROM codings WHERE code_id = ?').all(codeId) as { id: number }[]).map((row) => row.id);
}

export function codingIdsOfDocument(db: Db, documentId: number): number[] {
  return (db.prepare('SELECT id FROM codings WHERE document_id = ?').all(documentId) as { id: number }[]).map((row) => row.id);
}

export function codingsOfCode(db: Db, codeId: number): CodingRow[] {
  return db.prepare('SELECT * FROM codings WHERE code_id = ? ORDER BY id').all(codeId) as CodingRow[];
}

/** Whether `codeId` already has a coding of the same passage by the same coder. */
export function hasSameCoding(db: Db, codeId: number, coding: Pick<CodingRow, 'document_id' | 'coder_id' | 'start' | 'end'>): boolean {
  return (
    db
      .prepare('SELECT 1 FROM codings WHERE code_id = ? AND document_id = ? AND coder_id = ? AND start = ? AND end = ?')
      .get(codeId, coding.document_id, coding.coder_id, coding.start, coding.end) !== undefined
  );
}

/**
 * The coding of `coding.code_id` by the same coder on exactly the same range of the same
 * document, other than `exceptId` (the coding being changed), if there is one.
 */
export function findSameCoding(
  db: Db,
  coding: Pick<CodingRow, 'code_id' | 'document_id' | 'coder_id' | 'start' | 'end'>,
  exceptId: number | null = null,
): CodingRow | undefined {
  return db
    .prepare('SELECT * FROM codings WHERE code_id = @code_id AND document_id = @document_id AND coder_id = @coder_id AND start = @start AND end = @end AND id IS NOT @exceptId LIMIT 1')
    .get({ code_id: coding.code_id, document_id: coding.document_id, coder_id: coding.coder_id, start: coding.start, end: coding.end, exceptId }) as CodingRow | undefined;
}

/** Codes by the time they were last applied, newest first. */
export function recentCodeIds(db: Db, limit: number, coderId?: number): number[] {
  const rows = db
    .prepare(
      `SELECT code_id, max(created_at) AS last FROM codings
       WHERE @coderId IS NULL OR coder_id = @coderId
       GROUP BY code_id ORDER BY last DESC, max(id) DESC LIMIT @limit`,
    )
    .all({ coderId: coderId ?? null, limit }) as { code_id: number }[];
  return rows.map((row) => row.code_id);
}

/** The codings of one code by one coder, by document: what auto-coding extends or skips. */
export function codingRangesByDocument(db: Db, codeId: number, coderId: number): Map<number, { id: number; start: number; end: number }[]> {
  const rows = db.prepare('SELECT id, document_id, start, end FROM codings WHERE code_id = ? AND coder_id = ? ORDER BY id').raw().all(codeId, coderId) as [number, number, number, number][];
  const byDocument = new Map<number, { id: number; start: number; end: number }[]>();
  for (const [id, documentId, start, end] of rows) {
    const list = byDocument.get(documentId);
    if (list) list.push({ id, start, end });
    else byDocument.set(documentId, [{ id, start, end }]);
  }
  return byDocument;
}

export function codingUuidsByIds(db: Db, ids: readonly number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = db.prepare('SELECT id, uuid FROM codings WHERE id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(ids)) as [number, string][];
  return new Map(rows);
}
