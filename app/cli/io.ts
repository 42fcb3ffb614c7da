import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';

/** Write a file whole or not at all: a reader never sees half an export. */
export function writeFileAtomically(file: string, content: string | Uint8Array): void {
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** The coder a command acts as when --coder is not given. */
export function defaultCoderName(): string {
  const fromEnvironment = process.env.GLOSS_CODER?.trim();
  if (fromEnvironment) return fromEnvironment;
  try {
    return os.userInfo().username || 'coder';
  } catch {
    return 'coder';
  }
}
