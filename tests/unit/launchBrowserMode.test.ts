/**
 * `npm start` where Electron cannot run: the built launcher says so in one line, serves the
 * project in browser mode (locked while it runs), remembers it, and on Ctrl+C stops cleanly and
 * releases the lock. Runs the real dist/main/launch.js in a child process.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../main/electronBinary.js';
import { repoRoot, tempDir } from '../support/paths.js';

const launcher = path.join(repoRoot, 'dist', 'main', 'launch.js');
const rendererBuilt = existsSync(path.join(repoRoot, 'dist', 'renderer', 'index.html'));
const NOT_BUILT = `skipped: ${rendererBuilt ? launcher : 'dist/renderer/index.html'} is not built (npm run build)`;
const electronMissing = !findElectronBinary().ok;

const children: ChildProcessWithoutNullStreams[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function waitFor(child: ChildProcessWithoutNullStreams, pattern: RegExp, output: { text: string }): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const match = output.text.match(pattern);
      if (match) resolve(match);
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => reject(new Error(`the launcher exited (${code}) before printing ${pattern}:\n${output.text}`)));
    check();
  });
}

describe.skipIf(!existsSync(launcher) || !rendererBuilt)(`npm start in browser mode ${existsSync(launcher) && rendererBuilt ? '' : NOT_BUILT}`, () => {
  it('serves the project, remembers it, and releases its lock on Ctrl+C', async () => {
    const dir = tempDir('gloss-launch-');
    dirs.push(dir);
    const project = path.join(dir, 'Launched.gloss');
    const data = path.join(dir, 'xdg-data');
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: data, INIT_CWD: dir, GLOSS_BROWSER: '/no/such/browser' };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    // Where Electron is installed, force browser mode: this test must not open a window.
    if (!electronMissing) env.GLOSS_BROWSER_MODE = '1';

    const child = spawn(process.execPath, [launcher, 'Launched.gloss'], { cwd: repoRoot, env });
    children.push(child);
    const output = { text: '' };
    child.stdout.on('data', (chunk: Buffer) => (output.text += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output.text += chunk.toString('utf8')));

    const [, url] = await waitFor(child, /at (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/, output);
    const firstLine = output.text.split('\n')[0];
    if (electronMissing) {
      expect(firstLine).toBe('Electron is not installed on this machine (its binary could not be downloaded); starting Gloss in browser mode.');
    }
    expect(existsSync(`${project}.lock`)).toBe(true);

    const { origin, searchParams } = new URL(url!);
    expect((await fetch(`${origin}/`)).status).toBe(200);
    const reply = await fetch(`${origin}/api/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin, 'X-Gloss-Token': searchParams.get('token')! },
      body: JSON.stringify({ name: 'project.info', input: {} }),
    });
    expect(await reply.json()).toMatchObject({ ok: true, value: { name: 'Launched', file: project } });
    const state = JSON.parse(readFileSync(path.join(data, 'Gloss', 'gloss-state.json'), 'utf8')) as { lastProject: string };
    expect(state.lastProject).toBe(project);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(existsSync(`${project}.lock`)).toBe(false);
    expect(output.text).toContain('Gloss stopped');
  });
});
