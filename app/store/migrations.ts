import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The migrations folder sits at the package root. This module runs from app/store (under tsx
 * or vitest) or from dist/app/store (built), so walk up to the folder rather than guess depth.
 */
export function migrationsDirectory(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'migrations');
    if (existsSync(path.join(candidate, '0001_init.sql'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Gloss cannot find its migrations folder; the installation is incomplete.');
    dir = parent;
  }
}

/** Every migration, ascending by version; names are `NNNN_what.sql`, numbered without gaps. */
export function loadMigrations(directory = migrationsDirectory()): Migration[] {
  const migrations = readdirSync(directory)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file,
      sql: readFileSync(path.join(directory, file), 'utf8'),
    }));
  migrations.forEach((migration, i) => {
    if (migration.version !== i + 1) throw new Error(`migration ${migration.name} breaks the numbering: expected ${i + 1}`);
  });
  return migrations;
}
