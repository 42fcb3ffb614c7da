/**
 * `npm start`: the desktop app where Electron's binary is installed, browser mode where it is
 * not (or with GLOSS_BROWSER_MODE=1). Takes an optional project path:
 * `npm start -- path/to/project.gloss`.
 */
import { spawn } from 'node:child_process';
import { runBrowserMode } from './browserMode.js';
import { projectArgument } from './dataDir.js';
import { buildElectronAddon } from './electronAddon.js';
import { findElectronBinary } from './electronBinary.js';
import { packageRoot } from './paths.js';

// npm runs scripts in the package folder; INIT_CWD is where the user typed `npm start`.
const project = projectArgument(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd());

async function runElectron(binary: string): Promise<number> {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [packageRoot, ...(project ? [project] : [])], { stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => (): void => {
    child.kill(signal);
  };
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  return new Promise((resolve) => {
    child.once('error', (error) => {
      process.stderr.write(`gloss: could not start Electron (${binary}): ${error.message}\n`);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  if (process.env.GLOSS_BROWSER_MODE === '1') {
    process.stdout.write('Starting Gloss in browser mode (GLOSS_BROWSER_MODE=1).\n');
    return runBrowserMode(project !== undefined ? { project } : {});
  }
  const electron = findElectronBinary();
  if (!electron.ok) {
    process.stdout.write('Electron is not installed on this machine (its binary could not be downloaded); starting Gloss in browser mode.\n');
    if (process.env.GLOSS_DEBUG) process.stderr.write(`(${electron.reason})\n`);
    return runBrowserMode(project !== undefined ? { project } : {});
  }
  const addon = buildElectronAddon();
  if (!addon.ok) {
    process.stdout.write(`Electron is installed, but SQLite is not built for it (${addon.message}); starting Gloss in browser mode.\n`);
    return runBrowserMode(project !== undefined ? { project } : {});
  }
  return runElectron(electron.path);
}

process.exitCode = await main();
// Browser mode's server and timers are closed by now; exit explicitly in case a signal
// listener keeps the loop alive.
process.exit();
