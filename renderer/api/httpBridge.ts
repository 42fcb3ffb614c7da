/**
 * Browser mode's GlossBridge: the contract over HTTP to the host that served this page, with
 * the per-run token it printed, and the page's own file input and downloads for files.
 */
import { fromWire, toWire } from '../../app/domain/wire.js';
import type { GlossBridge, MenuCommand, PickedFile } from '../../app/service/bridge.js';
import type { Input, OperationName, Output, Result } from '../../app/service/contract.js';

const TOKEN_KEY = 'gloss.token';

/** The token arrives once in the address; keep it for reloads and take it out of sight. */
function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function pickFiles(): Promise<PickedFile[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = '.txt,.text,.md,.markdown,.html,.htm,.docx,.pdf,.csv,.qdpx,.qde,.qdc,.gloss';
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      input.remove();
      void Promise.all(files.map(async (file) => ({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) }))).then(resolve);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve([]);
    });
    document.body.append(input);
    input.click();
  });
}

export function createHttpBridge(): GlossBridge {
  const token = takeToken();
  const call = async <K extends OperationName>(name: K, input: Input<K>): Promise<Result<Output<K>>> => {
    try {
      const body = toWire({ name, input });
      const response = await fetch('/api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': token },
        body,
        // A small call (a memo's last words) still reaches the project if the page is closing;
        // browsers allow this only for bodies under 64 KiB.
        keepalive: body.length < 60_000,
      });
      return fromWire(await response.text()) as Result<Output<K>>;
    } catch {
      return { ok: false, error: { code: 'internal', message: 'Gloss cannot reach the project: the program that opened this window has stopped. Nothing was changed; start Gloss again.' } };
    }
  };
  return {
    call,
    pickFilesToImport: pickFiles,
    saveFile: async (suggestedName, content) => {
      const link = document.createElement('a');
      const type = typeof content === 'string' ? 'text/plain;charset=utf-8' : 'application/octet-stream';
      link.href = URL.createObjectURL(new Blob([content as BlobPart], { type }));
      link.download = suggestedName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      return true;
    },
    onMenuCommand: (_listener: (command: MenuCommand) => void) => () => undefined,
    windowInfo: async () => {
      const info = await call('project.info', {});
      return { file: info.ok ? info.value.file : '', shell: 'browser' };
    },
  };
}
