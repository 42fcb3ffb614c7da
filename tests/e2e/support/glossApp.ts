/**
 * The page object every spec starts from: the workbench in either shell, with locators for its
 * panes and a way to call the contract from inside the page, through the same door the
 * renderer uses (window.gloss in Electron, POST /api/call with the token in browser mode).
 * Specs for a feature extend it (class ReaderPage extends GlossApp …) or add locators here.
 */
import type { Locator, Page } from '@playwright/test';
import type { Input, OperationName, Output, Result } from '../../../app/service/contract.js';

export type Shell = 'browser' | 'electron';

export class GlossApp {
  constructor(
    readonly page: Page,
    readonly shell: Shell,
    /** Browser mode's per-run token (the renderer moves it from the address to sessionStorage). */
    private readonly token?: string,
  ) {}

  /** The workbench's root element. */
  get root(): Locator {
    return this.page.locator('[data-testid="app"], main').first();
  }

  get projectName(): Locator {
    return this.page.getByTestId('project-name');
  }

  get documentsPane(): Locator {
    return this.page.getByTestId('documents-pane');
  }

  get reader(): Locator {
    return this.page.getByTestId('reader');
  }

  get codebook(): Locator {
    return this.page.getByTestId('codebook');
  }

  get palette(): Locator {
    return this.page.getByTestId('command-palette');
  }

  /** Wait until the workbench has rendered its root. */
  async ready(): Promise<this> {
    await this.root.waitFor({ state: 'visible' });
    return this;
  }

  /** Ctrl+K on Linux and Windows, Cmd+K on macOS. */
  async openCommandPalette(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+K');
  }

  /**
   * Call a contract operation from inside the page. Uint8Array inputs travel as they would
   * from the renderer (structured clone over IPC; { $bytes: base64 } over HTTP).
   */
  async call<K extends OperationName>(name: K, input: Input<K>): Promise<Result<Output<K>>> {
    const result = await this.page.evaluate(
      async ({ name, input, token }) => {
        // This runs in the page; the tests' tsconfig has no DOM types, so name what it uses.
        const page = globalThis as unknown as {
          gloss?: { call(name: string, input: unknown): Promise<unknown> };
          sessionStorage: { getItem(key: string): string | null };
        };
        if (page.gloss) return page.gloss.call(name, input);
        const toBase64 = (bytes: Uint8Array): string => {
          let binary = '';
          for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
          return btoa(binary);
        };
        const response = await fetch('/api/call', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': token ?? page.sessionStorage.getItem('gloss.token') ?? '' },
          body: JSON.stringify({ name, input }, (_key, value: unknown) => (value instanceof Uint8Array ? { $bytes: toBase64(value) } : value)),
        });
        return response.json() as Promise<unknown>;
      },
      { name: name as string, input: input as unknown, token: this.token ?? null },
    );
    return result as Result<Output<K>>;
  }

  /** Like `call`, but fails the test with the service's message on an error result. */
  async run<K extends OperationName>(name: K, input: Input<K>): Promise<Output<K>> {
    const result = await this.call(name, input);
    if (!result.ok) throw new Error(`${name} failed from the page: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }
}
