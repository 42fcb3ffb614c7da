import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GlossService } from '../../app/service/service.js';
import { RECORDED_TABLES } from '../../app/store/recorder.js';
import { tempDir } from './paths.js';

/** A new project in a fresh temp folder. */
export function newProject(name = 'test'): { service: GlossService; file: string; dir: string } {
  const dir = tempDir();
  const file = path.join(dir, `${name}.gloss`);
  return { service: GlossService.create(file, name), file, dir };
}

export function fileSha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Every recorded table, row by row, read through a second connection: what undo must restore. */
export function snapshot(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(RECORDED_TABLES.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY id`).all()]));
  } finally {
    db.close();
  }
}
