/**
 * What Gloss remembers between runs: the last project, recent projects and the window's place.
 * One small JSON file, written atomically; Electron keeps it in app.getPath('userData'),
 * browser mode in the platform's data folder (see dataDir.ts). A damaged file is ignored, never
 * fatal: it only holds conveniences.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from './atomicFile.js';

export const STATE_FILE_NAME = 'gloss-state.json';
export const MAX_RECENT_PROJECTS = 10;

const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(200).max(100_000),
  height: z.number().int().min(200).max(100_000),
  maximized: z.boolean(),
});

const appStateSchema = z.object({
  version: z.literal(1),
  lastProject: z.string().min(1).optional(),
  recentProjects: z.array(z.string().min(1)).max(100),
  window: windowStateSchema.optional(),
});

export type WindowState = z.infer<typeof windowStateSchema>;
export type AppState = z.infer<typeof appStateSchema>;

export function emptyAppState(): AppState {
  return { version: 1, recentProjects: [] };
}

export function stateFile(directory: string): string {
  return path.join(directory, STATE_FILE_NAME);
}

export function readAppState(directory: string): AppState {
  let text: string;
  try {
    text = readFileSync(stateFile(directory), 'utf8');
  } catch {
    return emptyAppState();
  }
  try {
    const parsed = appStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : emptyAppState();
  } catch {
    return emptyAppState();
  }
}

export function writeAppState(directory: string, state: AppState): void {
  writeFileAtomically(stateFile(directory), `${JSON.stringify(state, null, 2)}\n`);
}

/** `file` becomes the last project and the first recent one. */
export function rememberProject(state: AppState, file: string): AppState {
  const recentProjects = [file, ...state.recentProjects.filter((recent) => recent !== file)].slice(0, MAX_RECENT_PROJECTS);
  return { ...state, lastProject: file, recentProjects };
}

export function forgetProject(state: AppState, file: string): AppState {
  const { lastProject, ...rest } = state;
  return {
    ...rest,
    ...(lastProject !== undefined && lastProject !== file ? { lastProject } : {}),
    recentProjects: state.recentProjects.filter((recent) => recent !== file),
  };
}

export function clearRecentProjects(state: AppState): AppState {
  return { ...state, recentProjects: [] };
}
