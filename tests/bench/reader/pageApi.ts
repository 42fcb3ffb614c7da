/**
 * The page's `window.readerPage`, as Node sees it (renderer/reader/bench/main.ts is the real
 * thing; its types need the DOM library, so the shapes used from Node are restated here).
 */
import type { Page } from 'playwright-core';
import type { BenchDocument } from './generate.js';

export type ReaderKind = 'gloss' | 'baseline';

export interface MountTimes {
  setupMs: number;
  firstPaintMs: number;
}

export interface ApplyTimes {
  applyMs: number[];
  applyFrameMs: number[];
  undoMs: number[];
  undoFrameMs: number[];
  shown: number;
}

export interface SelectionShape {
  start: number;
  end: number;
  text: string;
}

/** The Reader's public API, restated for Node (renderer/reader/index.ts is the real one). */
export interface ReaderHandle {
  setDocument(document: BenchDocument['document'], codings: BenchDocument['codings']): void;
  setCodings(codings: BenchDocument['codings']): void;
  getSelection(): SelectionShape | null;
  select(start: number, end: number): void;
  scrollToOffset(offset: number): void;
  highlightCodings(ids: string[]): void;
  setShowCoderInitials(show: boolean): void;
  focus(): void;
  destroy(): void;
}

export interface ReaderEvents {
  selections: Array<SelectionShape | null>;
  clicks: Array<{ ids: string[]; rect: { top: number; left: number; width: number; height: number } }>;
}

/** DOM inspection helpers of the page (see renderer/reader/bench/main.ts). */
export interface PageInspect {
  count(selector: string): number;
  text(selector: string): string;
  cssVar(selector: string, name: string): string;
  place(selector: string): { top: number; bottom: number; visible: boolean; text: string } | null;
  demo(): { segments: number; maxStack: number; stripes: number; stripeColumns: number; initials: number; coders: string[] };
  densest(): { x: number; y: number; ids: string[] };
  blockAt(y: number): string | null;
  lastBlock(): { block: string | null; visible: boolean };
  jumps(fractions: number[]): Promise<number>;
}

export interface PageApi {
  inspect: PageInspect;
  reader(): ReaderHandle;
  events(): ReaderEvents;
  load(data: BenchDocument): void;
  mount(kind: ReaderKind, showCoderInitials?: boolean): Promise<MountTimes>;
  scrollToMiddle(): Promise<void>;
  applies(count: number, warmup: number): Promise<ApplyTimes>;
  scrolls(count: number, fraction: number): Promise<number[]>;
  nextFrame(): Promise<void>;
}

/** The page's global object. Inside page.evaluate write `(globalThis as unknown as
 *  PageGlobal).readerPage`: the callback is sent to the page as source, so it cannot call a
 *  helper from this module. */
export interface PageGlobal {
  readerPage: PageApi;
}

export async function loadDocument(page: Page, data: BenchDocument): Promise<void> {
  await page.evaluate((d) => (globalThis as unknown as PageGlobal).readerPage.load(d), data);
}
