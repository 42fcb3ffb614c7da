/**
 * Browser mode outside Electron has no app.getPath('userData'): it keeps its state in the
 * platform's data folder instead. Also: which project a start opens.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppState } from './appState.js';

export const DEFAULT_PROJECT_FILE_NAME = 'Gloss Project.gloss';

export function browserModeDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'Gloss');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Gloss');
  // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.local', 'share'), 'Gloss');
}

export type StartupReason = 'argument' | 'last' | 'default';

/**
 * The project a start opens: the one named on the command line, else the last one if it still
 * exists, else `Gloss Project.gloss` in `defaultDir` (opened if it is there, created if not).
 */
export function chooseStartupProject(argument: string | undefined, state: AppState, defaultDir: string): { file: string; reason: StartupReason } {
  if (argument !== undefined) return { file: argument, reason: 'argument' };
  if (state.lastProject !== undefined && existsSync(state.lastProject)) return { file: state.lastProject, reason: 'last' };
  return { file: path.join(defaultDir, DEFAULT_PROJECT_FILE_NAME), reason: 'default' };
}

/**
 * The project path in a command line, resolved against `cwd`: the first argument that is not a
 * switch. `skipAppPath` drops the first one too, for `electron <app folder> <project>`.
 */
export function projectArgument(args: readonly string[], cwd: string, skipAppPath = false): string | undefined {
  const positional = args.filter((arg) => !arg.startsWith('-'));
  if (skipAppPath) positional.shift();
  const first = positional[0];
  return first === undefined || first === '' ? undefined : path.resolve(cwd, first);
}
