/** Document attributes (0001_init.sql: attributes, document_attributes). */
import type { Db } from './projectFile.js';

export interface AttributeRow {
  id: number;
  uuid: string;
  name: string;
  type: string;
  created_at: string;
}

export interface AttributeValueRow {
  id: number;
  document_id: number;
  attribute_id: number;
  value: string;
}

export function listAttributes(db: Db): (AttributeRow & { value_count: number })[] {
  return db
    .prepare(
      `SELECT a.*, (SELECT count(*) FROM document_attributes v WHERE v.attribute_id = a.id) AS value_count
       FROM attributes a ORDER BY a.name COLLATE NOCASE`,
    )
    .all() as (AttributeRow & { value_count: number })[];
}

export function findAttributeByName(db: Db, name: string): AttributeRow | undefined {
  return db.prepare('SELECT * FROM attributes WHERE name = ? COLLATE NOCASE').get(name) as AttributeRow | undefined;
}

export function findAttributeByUuid(db: Db, uuid: string): AttributeRow | undefined {
  return db.prepare('SELECT * FROM attributes WHERE uuid = ?').get(uuid) as AttributeRow | undefined;
}

/** Every value, or the values of one attribute. */
export function listAttributeValues(db: Db, attributeId?: number): AttributeValueRow[] {
  return db
    .prepare('SELECT * FROM document_attributes WHERE @attributeId IS NULL OR attribute_id = @attributeId ORDER BY id')
    .all({ attributeId: attributeId ?? null }) as AttributeValueRow[];
}

export function findAttributeValue(db: Db, documentId: number, attributeId: number): AttributeValueRow | undefined {
  return db
    .prepare('SELECT * FROM document_attributes WHERE document_id = ? AND attribute_id = ?')
    .get(documentId, attributeId) as AttributeValueRow | undefined;
}

