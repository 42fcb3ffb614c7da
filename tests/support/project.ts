import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GlossService } from '../../app/service/service.js';
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
