/**
 * Reader benchmark, in real Chromium: Gloss's Reader against a bare ProseMirror view carrying the
 * same codings as plain inline decorations, recreated with DecorationSet.create on each change
 * (renderer/reader/bench/baseline.ts), on generated books of 1M characters / 10,000 codings and
 * 3M / 30,000.
 *
 * Figures (ms): first paint (construction + setDocument until the first frame is painted),
 * apply (setCodings with one more coding, up to an up-to-date, laid-out DOM), the same plus the
 * reader's own work in the next frame (stripes), undo (setCodings with it removed again), and
 * for Gloss the frame cost of scrolling (moving the window of rendered blocks).
 *
 * Standalone: `node dist/tests/bench/reader/run.js [--quick]`; as a section: `--only reader`.
 */
import { pathToFileURL } from 'node:url';
import type { Section } from '../section.js';
import { Report } from '../report.js';
import { formatCount, median, percentile } from '../timing.js';
import { generateBenchDocument } from './generate.js';
import { startHarness } from './harness.js';
import { loadDocument, type ApplyTimes, type MountTimes, type PageGlobal, type ReaderKind } from './pageApi.js';

export interface ReaderBenchOptions {
  sizes?: ReadonlyArray<{ key: string; characters: number; codings: number }>;
  /** Fresh pages per reader and size for first paint (the median is reported). */
  paintRuns?: number;
  applies?: number;
  seed?: number;
}

export const DEFAULT_SIZES = [
  { key: '1m', characters: 1_000_000, codings: 10_000 },
  { key: '3m', characters: 3_000_000, codings: 30_000 },
] as const;

const WARMUP = 5;

interface Measured {
  paint: MountTimes[];
  apply: ApplyTimes;
  scroll: number[];
}

export async function runReaderBench(report: Report = new Report(), options: ReaderBenchOptions = {}): Promise<void> {
  const sizes = options.sizes ?? DEFAULT_SIZES;
  const paintRuns = options.paintRuns ?? 3;
  const applies = options.applies ?? 50;
  const seed = options.seed ?? 20240611;
  const harness = await startHarness();
  try {
    const version = harness.browser.version();
    report.note(`Chromium ${version} (${process.platform}), viewport 1280x900; ${applies} applies and ${applies} undos after ${WARMUP} warm-up, near the middle of the document`);
    for (const size of sizes) {
      const data = generateBenchDocument(size.characters, size.codings, seed);
      report.note(
        `${size.key}: ${formatCount(data.document.text.length)} UTF-16 units, ${formatCount(data.document.blocks.length)} blocks, ${formatCount(data.codings.length)} codings`,
      );
      const results = new Map<ReaderKind, Measured>();
      for (const kind of ['baseline', 'gloss'] as const) {
        const paint: MountTimes[] = [];
        let apply: ApplyTimes | null = null;
        let scroll: number[] = [];
        for (let run = 0; run < paintRuns; run++) {
          const page = await harness.open();
          try {
            await loadDocument(page, data);
            paint.push(await page.evaluate((k) => (globalThis as unknown as PageGlobal).readerPage.mount(k), kind));
            if (run === paintRuns - 1) {
              await page.evaluate(() => (globalThis as unknown as PageGlobal).readerPage.scrollToMiddle());
              apply = await page.evaluate(([n, w]) => (globalThis as unknown as PageGlobal).readerPage.applies(n, w), [applies, WARMUP] as const);
              if (kind === 'gloss') scroll = await page.evaluate(() => (globalThis as unknown as PageGlobal).readerPage.scrolls(40, 0.7));
            }
          } finally {
            await page.context().close();
          }
        }
        results.set(kind, { paint, apply: apply!, scroll });
      }
      printSize(report, size.key, results.get('gloss')!, results.get('baseline')!, applies);
    }
  } finally {
    await harness.close();
  }
}

function printSize(report: Report, key: string, gloss: Measured, baseline: Measured, applies: number): void {
  const p = `reader.${key}`;
  const paint = (m: Measured): number => median(m.paint.map((t) => t.firstPaintMs));
  const setup = (m: Measured): number => median(m.paint.map((t) => t.setupMs));
  report.figure(`${p}.first_paint_ms`, paint(gloss), 'ms', 'Gloss: new Reader + setDocument until the first frame is painted (median of runs)');
  report.figure(`${p}.baseline_first_paint_ms`, paint(baseline), 'ms', 'bare ProseMirror view of the whole document');
  report.figure(`${p}.first_paint_speedup`, paint(baseline) / paint(gloss), 'x', 'baseline / Gloss');
  report.figure(`${p}.setup_ms`, setup(gloss), 'ms', 'Gloss: synchronous part, with a forced layout');
  report.figure(`${p}.baseline_setup_ms`, setup(baseline), 'ms');
  for (const [name, pick] of [
    ['apply', (m: Measured) => m.apply.applyMs],
    ['undo', (m: Measured) => m.apply.undoMs],
  ] as const) {
    report.figure(`${p}.${name}_median_ms`, median(pick(gloss)), 'ms', `Gloss: setCodings (${name === 'apply' ? 'one more' : 'one fewer'}) to laid-out DOM`);
    report.figure(`${p}.${name}_p95_ms`, percentile(pick(gloss), 95), 'ms');
    report.figure(`${p}.baseline_${name}_median_ms`, median(pick(baseline)), 'ms', 'DecorationSet.create over all codings');
    report.figure(`${p}.baseline_${name}_p95_ms`, percentile(pick(baseline), 95), 'ms');
    report.figure(`${p}.${name}_p95_speedup`, percentile(pick(baseline), 95) / percentile(pick(gloss), 95), 'x', 'baseline / Gloss');
  }
  report.figure(`${p}.apply_with_stripes_p95_ms`, percentile(gloss.apply.applyFrameMs, 95), 'ms', 'Gloss: apply plus its next frame (stripes)');
  report.figure(`${p}.scroll_frame_median_ms`, median(gloss.scroll), 'ms', 'Gloss: frame work per scroll of 0.7 viewport (window move + stripes)');
  report.figure(`${p}.scroll_frame_p95_ms`, percentile(gloss.scroll, 95), 'ms');
  report.figure(`${p}.applies_shown`, gloss.apply.shown, 'of', `${applies} applied codings found in Gloss's DOM (baseline: ${baseline.apply.shown})`);
}

export const readerSection: Section = {
  name: 'reader',
  title: 'Reader in Chromium: Gloss vs a bare ProseMirror view',
  async run(_bench, report) {
    await runReaderBench(report);
  },
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  const report = new Report();
  report.section('Reader in Chromium: Gloss vs a bare ProseMirror view');
  runReaderBench(report, quick ? { sizes: [{ key: '1m', characters: 1_000_000, codings: 10_000 }], paintRuns: 1, applies: 20 } : {}).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
