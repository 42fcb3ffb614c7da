/**
 * The reader's benchmark and check page, driven from Node through Playwright
 * (tests/bench/reader/run.ts and verify.ts). It exposes `window.readerPage`; every timing is
 * taken here, in the page, with performance.now().
 */
import '../reader.css';
import { Reader } from '../reader.js';
import type { ReaderCoding, ReaderDocument, ReaderSelection } from '../types.js';
import { BaselineReader } from './baseline.js';

export interface PageData {
  document: ReaderDocument;
  codings: ReaderCoding[];
  /** Codings to apply one by one in the apply benchmark. */
  extra: ReaderCoding[];
  /** Where the apply benchmark scrolls to (the extra codings sit just after it). */
  middle: number;
}

export interface MountTimes {
  /** Construction and setDocument, then a forced layout. */
  setupMs: number;
  /** Until the task after the first animation frame: the frame has been painted. */
  firstPaintMs: number;
}

export interface ApplyTimes {
  /** setCodings with one more coding, then a forced layout: the DOM is up to date. */
  applyMs: number[];
  /** The same plus the reader's own work in the next animation frame (stripes). */
  applyFrameMs: number[];
  undoMs: number[];
  undoFrameMs: number[];
  /** Applies whose coding could be found in the DOM afterwards. */
  shown: number;
}

export interface ReaderEvents {
  selections: Array<ReaderSelection | null>;
  clicks: Array<{ ids: string[]; rect: { top: number; left: number; width: number; height: number } }>;
}

type Kind = 'gloss' | 'baseline';

// Time the reader's own animation-frame work: wrap requestAnimationFrame before any reader
// exists, and keep the raw one for the page's own waiting.
const rawFrame = window.requestAnimationFrame.bind(window);
let frameWork = 0;
window.requestAnimationFrame = (callback: FrameRequestCallback): number =>
  rawFrame((time) => {
    const start = performance.now();
    try {
      callback(time);
    } finally {
      frameWork += performance.now() - start;
    }
  });

/** Resolves after the next frame has been produced (a task queued from its rAF callback). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => rawFrame(() => setTimeout(resolve, 0)));
}

function forceLayout(): void {
  void document.body.offsetHeight;
}

const mount = document.getElementById('mount')!;
let data: PageData | null = null;
let gloss: Reader | null = null;
let baseline: BaselineReader | null = null;
const events: ReaderEvents = { selections: [], clicks: [] };

function need<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`${what} is not set up`);
  return value;
}

function setCodings(codings: ReaderCoding[]): void {
  if (gloss) gloss.setCodings(codings);
  else need(baseline, 'a reader').setCodings(codings);
}

const readerPage = {
  load(next: PageData): void {
    data = next;
  },

  async mount(kind: Kind, showCoderInitials = false): Promise<MountTimes> {
    const d = need(data, 'data');
    await nextFrame();
    const start = performance.now();
    if (kind === 'gloss') {
      gloss = new Reader(mount, {
        showCoderInitials,
        onSelectionChange: (selection) => events.selections.push(selection),
        onCodingsClick: (ids, rect) => events.clicks.push({ ids, rect: { top: rect.top, left: rect.left, width: rect.width, height: rect.height } }),
      });
      gloss.setDocument(d.document, d.codings);
    } else {
      baseline = new BaselineReader(mount, d.document, d.codings);
    }
    forceLayout();
    const setupMs = performance.now() - start;
    await nextFrame();
    return { setupMs, firstPaintMs: performance.now() - start };
  },

  async scrollToMiddle(): Promise<void> {
    const d = need(data, 'data');
    if (gloss) gloss.scrollToOffset(d.middle);
    else need(baseline, 'a reader').scrollToOffset(d.middle);
    await nextFrame();
    await nextFrame();
  },

  async applies(count: number, warmup: number): Promise<ApplyTimes> {
    const d = need(data, 'data');
    const times: ApplyTimes = { applyMs: [], applyFrameMs: [], undoMs: [], undoFrameMs: [], shown: 0 };
    let current = d.codings;
    const applied: ReaderCoding[] = [];
    for (let i = 0; i < warmup + count; i++) {
      const coding = d.extra[i % d.extra.length]!;
      const next = current.concat([{ ...coding, id: `${coding.id}-${i}` }]);
      await nextFrame();
      frameWork = 0;
      const start = performance.now();
      setCodings(next);
      forceLayout();
      const applyMs = performance.now() - start;
      await nextFrame();
      if (i >= warmup) {
        times.applyMs.push(applyMs);
        times.applyFrameMs.push(applyMs + frameWork);
        if (mount.querySelector(`[data-coding-ids~="${CSS.escape(`${coding.id}-${i}`)}"]`)) times.shown++;
      }
      applied.push(next[next.length - 1]!);
      current = next;
    }
    for (let i = 0; i < warmup + count; i++) {
      const next = current.slice(0, -1);
      await nextFrame();
      frameWork = 0;
      const start = performance.now();
      setCodings(next);
      forceLayout();
      const undoMs = performance.now() - start;
      await nextFrame();
      if (i >= warmup) {
        times.undoMs.push(undoMs);
        times.undoFrameMs.push(undoMs + frameWork);
      }
      current = next;
    }
    return times;
  },

  /** Scroll by `fraction` of a viewport `count` times; the reader's frame work each time. */
  async scrolls(count: number, fraction: number): Promise<number[]> {
    const root = mount.querySelector<HTMLElement>('.gloss-reader')!;
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      await nextFrame();
      frameWork = 0;
      root.scrollTop += root.clientHeight * fraction;
      await nextFrame();
      out.push(frameWork);
    }
    return out;
  },

  // The functional checks (tests/bench/reader/verify.ts) drive the Reader and look at the DOM
  // through these (Node's types have no DOM, so DOM code stays on this side).
  inspect: {
    count: (selector: string): number => document.querySelectorAll(selector).length,
    text: (selector: string): string => document.querySelector(selector)?.textContent ?? '',
    cssVar: (selector: string, name: string): string => {
      const el = document.querySelector(selector);
      return el ? getComputedStyle(el).getPropertyValue(name).trim() : '';
    },
    /** Where on screen the first match is, and whether it is inside the viewport. */
    place: (selector: string): { top: number; bottom: number; visible: boolean; text: string } | null => {
      const el = document.querySelector(selector);
      if (!el) return null;
      const rect = el.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, visible: rect.top < innerHeight && rect.bottom > 0, text: el.textContent ?? '' };
    },
    demo: () => {
      const segments = [...document.querySelectorAll<HTMLElement>('.gloss-seg')];
      const stripes = [...document.querySelectorAll<HTMLElement>('.gloss-stripe')].filter((s) => !s.hidden);
      const marks = [...document.querySelectorAll<HTMLElement>('.gloss-initials__mark')];
      return {
        segments: segments.length,
        maxStack: Math.max(0, ...segments.map((s) => (s.dataset['codingIds'] ?? '').split(' ').length)),
        stripes: stripes.length,
        stripeColumns: new Set(stripes.map((s) => s.style.right)).size,
        initials: marks.length,
        coders: [...new Set(marks.map((m) => m.textContent ?? ''))].sort(),
      };
    },
    /** A point inside the segment carrying the most codings, and its codings. */
    densest: (): { x: number; y: number; ids: string[] } => {
      const count = (el: HTMLElement): number => (el.dataset['codingIds'] ?? '').split(' ').length;
      const seg = [...document.querySelectorAll<HTMLElement>('.gloss-seg')].sort((a, b) => count(b) - count(a))[0]!;
      const rect = seg.getClientRects()[0]!;
      return { x: rect.left + Math.min(6, rect.width / 2), y: rect.top + rect.height / 2, ids: seg.dataset['codingIds']!.split(' ') };
    },
    /** The block under the middle of the text column at height `y`. */
    blockAt: (y: number): string | null => {
      const column = document.querySelector('.gloss-reader__column')!.getBoundingClientRect();
      return document.elementFromPoint(column.left + column.width / 2, y)?.closest('[data-block]')?.getAttribute('data-block') ?? null;
    },
    /** The last rendered block and whether it is on screen. */
    lastBlock: (): { block: string | null; visible: boolean } => {
      const el = document.querySelector('.gloss-reader__text > [data-block]:last-child');
      const rect = el?.getBoundingClientRect();
      return { block: el?.getAttribute('data-block') ?? null, visible: rect !== undefined && rect.top < innerHeight && rect.bottom > 0 };
    },
    /** Jump the scroll position to each fraction of the height; frames that show no text. */
    jumps: async (fractions: number[]): Promise<number> => {
      const root = document.querySelector<HTMLElement>('.gloss-reader')!;
      let blank = 0;
      for (const fraction of fractions) {
        root.scrollTop = root.scrollHeight * fraction;
        await nextFrame();
        if (!document.elementFromPoint(innerWidth / 2, innerHeight / 3)?.closest('[data-block]')) blank++;
      }
      return blank;
    },
  },
  // The functional checks (tests/bench/reader/verify.ts) drive the Reader through these.
  reader(): Reader {
    return need(gloss, 'the Gloss reader');
  },
  events(): ReaderEvents {
    return events;
  },
  nextFrame,
};

declare global {
  interface Window {
    readerPage: typeof readerPage;
  }
}

window.readerPage = readerPage;
