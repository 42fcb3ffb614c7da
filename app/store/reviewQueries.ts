/** The reads behind team review: settings, decisions, their codings, comments, review statuses. */
import type { Db } from './projectFile.js';

export interface ReviewSettingsRow {
  blind: number;
  consensus_coder_id: number | null;
  /** The consensus coder's name, when there is one. */
  consensus_name: string | null;
}

export function reviewSettings(db: Db): ReviewSettingsRow {
  return db
    .prepare(
      `SELECT s.blind, s.consensus_coder_id, c.name AS consensus_name
       FROM review_settings s LEFT JOIN coders c ON c.id = s.consensus_coder_id WHERE s.id = 1`,
    )
    .get() as ReviewSettingsRow;
}

export interface DecisionRow {
  id: number;
  uuid: string;
  document_id: number;
  document_uuid: string;
  document_title: string;
  place_key: string;
  start: number;
  end: number;
  kind: string;
  choice: string;
  status: string;
  accepted_coder_id: number | null;
  accepted_name: string | null;
  reviewer_id: number;
  reviewer_name: string;
  coders: string;
  versions: string;
  outcome: string;
  reason: string;
  created_at: string;
}

const DECISION_SELECT = `SELECT v.*, d.uuid AS document_uuid, d.title AS document_title,
         a.name AS accepted_name, r.name AS reviewer_name
  FROM review_decisions v
  JOIN documents d ON d.id = v.document_id
  JOIN coders r ON r.id = v.reviewer_id
  LEFT JOIN coders a ON a.id = v.accepted_coder_id`;

/** Decisions, oldest first: all of them, or those on places in the given documents. */
export function decisionRows(db: Db, documentIds: readonly number[] | null): DecisionRow[] {
  if (documentIds === null) return db.prepare(`${DECISION_SELECT} ORDER BY v.id`).all() as DecisionRow[];
  return db.prepare(`${DECISION_SELECT} WHERE v.document_id IN (SELECT value FROM json_each(?)) ORDER BY v.id`).all(JSON.stringify(documentIds)) as DecisionRow[];
}

export function decisionRow(db: Db, id: number): DecisionRow {
  return db.prepare(`${DECISION_SELECT} WHERE v.id = ?`).get(id) as DecisionRow;
}

/** The newest decision on one place of one document. */
export function latestDecisionOnPlace(db: Db, documentId: number, placeKey: string): DecisionRow | undefined {
  return db.prepare(`${DECISION_SELECT} WHERE v.document_id = ? AND v.place_key = ? ORDER BY v.id DESC LIMIT 1`).get(documentId, placeKey) as DecisionRow | undefined;
}

export interface CommentRow {
  id: number;
  uuid: string;
  document_id: number;
  document_uuid: string;
  place_key: string;
  coder_name: string;
  body: string;
  created_at: string;
}

const COMMENT_SELECT = `SELECT m.id, m.uuid, m.document_id, d.uuid AS document_uuid, m.place_key, c.name AS coder_name, m.body, m.created_at
  FROM review_comments m JOIN documents d ON d.id = m.document_id JOIN coders c ON c.id = m.coder_id`;

/** Comments on places in the given documents, oldest first. */
export function commentRows(db: Db, documentIds: readonly number[]): CommentRow[] {
  return db.prepare(`${COMMENT_SELECT} WHERE m.document_id IN (SELECT value FROM json_each(?)) ORDER BY m.id`).all(JSON.stringify(documentIds)) as CommentRow[];
}

export function commentRow(db: Db, id: number): CommentRow {
  return db.prepare(`${COMMENT_SELECT} WHERE m.id = ?`).get(id) as CommentRow;
}

export interface ConsensusCodingRow {
  id: number;
  uuid: string;
  document_id: number;
  code_id: number;
  start: number;
  end: number;
  quote: string;
}

/** One coder's (the consensus coder's) codings in the given documents, by document then start. */
export function coderCodingsIn(db: Db, coderId: number, documentIds: readonly number[]): ConsensusCodingRow[] {
  return db
    .prepare(
      `SELECT id, uuid, document_id, code_id, start, end, quote FROM codings
       WHERE coder_id = ? AND document_id IN (SELECT value FROM json_each(?)) ORDER BY document_id, start, end, id`,
    )
    .all(coderId, JSON.stringify(documentIds)) as ConsensusCodingRow[];
}

/**
 * The codings of `coderId` that earlier decisions on a place made ('result') and that still
 * exist: what a new decision on the place replaces. Earlier decisions are those on the same key,
 * and those made on any of the place's codings under an older key (before a coder moved one).
 */
export function earlierResults(db: Db, documentId: number, placeKey: string, sourceUuids: readonly string[], coderId: number): ConsensusCodingRow[] {
  return db
    .prepare(
      `SELECT DISTINCT k.id, k.uuid, k.document_id, k.code_id, k.start, k.end, k.quote
       FROM review_decisions v
       JOIN review_decision_codings l ON l.decision_id = v.id AND l.role = 'result'
       JOIN codings k ON k.uuid = l.coding_uuid
       WHERE v.document_id = @documentId AND k.coder_id = @coderId
         AND (v.place_key = @placeKey OR v.id IN (SELECT s.decision_id FROM review_decision_codings s
               WHERE s.role = 'source' AND s.coding_uuid IN (SELECT value FROM json_each(@sources))))
       ORDER BY k.start, k.end, k.id`,
    )
    .all({ documentId, placeKey, coderId, sources: JSON.stringify(sourceUuids) }) as ConsensusCodingRow[];
}

/** The uuids of every coding some decision was made on. */
export function decidedSourceUuids(db: Db): Set<string> {
  return new Set((db.prepare("SELECT DISTINCT coding_uuid FROM review_decision_codings WHERE role = 'source'").raw().all() as [string][]).map(([uuid]) => uuid));
}

/**
 * Every coding's review status, by coding uuid: the status of the newest decision linked to it
 * (as source or result). Codings without a decision are absent. SQLite takes the bare column
 * `status` from the row that gives max(v.id).
 */
export function reviewStatuses(db: Db): Map<string, string> {
  const rows = db
    .prepare(
      `SELECT l.coding_uuid, v.status, max(v.id) FROM review_decision_codings l
       JOIN review_decisions v ON v.id = l.decision_id GROUP BY l.coding_uuid`,
    )
    .raw()
    .all() as [string, string, number][];
  return new Map(rows.map(([uuid, status]) => [uuid, status]));
}

/** What deleting a document removes from review: its decisions, their coding links, its comments. */
export function reviewRowsOfDocument(db: Db, documentId: number): { decisions: number[]; links: number[]; comments: number[] } {
  const ids = (sql: string): number[] => (db.prepare(sql).raw().all(documentId) as [number][]).map(([id]) => id);
  return {
    decisions: ids('SELECT id FROM review_decisions WHERE document_id = ? ORDER BY id'),
    links: ids('SELECT l.id FROM review_decision_codings l JOIN review_decisions v ON v.id = l.decision_id WHERE v.document_id = ? ORDER BY l.id'),
    comments: ids('SELECT id FROM review_comments WHERE document_id = ? ORDER BY id'),
  };
}
