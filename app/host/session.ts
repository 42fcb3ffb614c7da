import { existsSync } from 'node:fs';
import path from 'node:path';
import { acquireProjectLock } from '../store/projectLock.js';
import { GlossService } from '../service/service.js';
import { startHost, type HostOptions, type RunningHost } from './server.js';

export interface Session {
  service: GlossService;
  host: RunningHost;
  close(): Promise<void>;
}

/** Open (or create) a project, lock it for this window, and serve it in browser mode. */
export async function openSession(file: string, options: HostOptions = {}): Promise<Session> {
  const lock = acquireProjectLock(file);
  let service: GlossService | undefined;
  try {
    service = existsSync(file) ? GlossService.open(file) : GlossService.create(file, path.basename(file).replace(/\.gloss$/i, ''));
    const host = await startHost(service, options);
    const opened = service;
    return {
      service: opened,
      host,
      close: async () => {
        await host.close();
        opened.close();
        lock.release();
      },
    };
  } catch (error) {
    service?.close();
    lock.release();
    throw error;
  }
}
