/**
 * Functional checks of the reader in real Chromium, plus screenshots for a human to look at:
 *
 *   node dist/tests/bench/reader/verify.js [--shots <folder>]   (default folder: /tmp)
 *
 * Exits 1 when a check fails. Not part of `npm test` (it needs Chromium and takes ~30 s).
 * Checks: overlapping codings render (segments, lanes, stripes, initials); stripe hover
 * emphasises and a click reports codings; a click on highlighted text reports every coding under
 * the pointer; keyboard-only selection (arrows, Shift+arrows) over astral characters; typing
 * never changes the text; setCodings adds and removes exactly one coding's paint; on a 3M
 * document: select() and scrollToOffset() far away, Shift+PageDown selection far beyond the
 * rendered window, Ctrl+A, and the last block after scrolling to the end.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { CodePointIndex } from '../../../app/domain/codepoints.js';
import { DEMO_TEXT, demoDocument } from './demo.js';
import { generateBenchDocument, type BenchDocument } from './generate.js';
import { startHarness } from './harness.js';
import { loadDocument, type PageGlobal } from './pageApi.js';

let failures = 0;
function check(name: string, ok: boolean, detail = ''): void {
  if (!ok) failures++;
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}\n`);
}

type G = PageGlobal;

/** Key events reach ProseMirror through the DOM's selectionchange, a task later: wait a frame. */
async function press(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await page.evaluate(() => (globalThis as unknown as G).readerPage.nextFrame());
}

async function mountDemo(page: Page, data: BenchDocument): Promise<void> {
  await loadDocument(page, data);
  await page.evaluate(() => (globalThis as unknown as G).readerPage.mount('gloss', true));
  await page.evaluate(() => (globalThis as unknown as G).readerPage.nextFrame());
}

async function demoChecks(page: Page, data: BenchDocument, shots: string): Promise<void> {
  await mountDemo(page, data);
  const stats = await page.evaluate(() => (globalThis as unknown as G).readerPage.inspect.demo());
  check('demo: coded segments render', stats.segments > 10, `${stats.segments} segments`);
  check('demo: one passage carries 5 or more codings', stats.maxStack >= 5, `max ${stats.maxStack}`);
  check('demo: stripes in several columns', stats.stripes >= 4 && stats.stripeColumns >= 3, `${stats.stripes} stripes in ${stats.stripeColumns} columns`);
  check('demo: coder initials', stats.initials === data.codings.length && stats.coders.join(',') === 'AL,BO', `${stats.initials} badges, ${stats.coders.join(',')}`);
  await page.screenshot({ path: join(shots, 'gloss-reader-demo.png') });

  // Hovering a stripe emphasises its codings and names the code.
  const stripe = page.locator('.gloss-stripe[data-code-id="k2"]').first();
  const title = await stripe.getAttribute('title');
  check('stripe: tooltip names the code', title?.startsWith('Uncertainty / disorientation') ?? false, String(title));
  await stripe.hover();
  const mix = await page.evaluate(() => (globalThis as unknown as G).readerPage.inspect.cssVar('.gloss-seg[data-coding-ids~="demo-5"]', '--gloss-mix'));
  check('stripe: hover emphasises the coded text', mix === '42%', `--gloss-mix ${mix}`);
  await page.screenshot({ path: join(shots, 'gloss-reader-hover.png') });
  await stripe.click();
  const stripeClick = await page.evaluate(() => (globalThis as unknown as G).readerPage.events().clicks.at(-1));
  check('stripe: click reports its codings', stripeClick?.ids.includes('demo-4') === true || stripeClick?.ids.includes('demo-5') === true, JSON.stringify(stripeClick?.ids));
  await page.mouse.move(5, 5);

  // A click on highlighted text reports every coding covering that point.
  const target = await page.evaluate(() => (globalThis as unknown as G).readerPage.inspect.densest());
  target.ids.sort();
  await page.mouse.click(target.x, target.y);
  const click = await page.evaluate(() => (globalThis as unknown as G).readerPage.events().clicks.at(-1));
  check('text click: reports all codings under the pointer', JSON.stringify(click?.ids.slice().sort()) === JSON.stringify(target.ids), `${click?.ids.length} of ${target.ids.length}`);

  // Keyboard only: caret before the astronaut, Shift+Right over it and three more characters.
  const index = new CodePointIndex(DEMO_TEXT);
  const before = index.toCodePoint(DEMO_TEXT.indexOf('👩🏽‍🚀'));
  await page.evaluate((offset) => {
    const reader = (globalThis as unknown as G).readerPage.reader();
    reader.select(offset - 2, offset - 2);
    reader.focus();
  }, before);
  await press(page, 'ArrowRight');
  await press(page, 'ArrowRight');
  await press(page, 'Shift+ArrowRight');
  const one = await page.evaluate(() => (globalThis as unknown as G).readerPage.reader().getSelection());
  check('keyboard: Shift+Right selects the whole astronaut (4 code points)', one?.text === '👩🏽‍🚀' && one.start === before && one.end === before + 4, JSON.stringify(one));
  for (let i = 0; i < 3; i++) await press(page, 'Shift+ArrowRight');
  const four = await page.evaluate(() => (globalThis as unknown as G).readerPage.reader().getSelection());
  check('keyboard: extending with Shift+Right', four?.text === '👩🏽‍🚀 fe' && four.end === before + 7 && four.text === index.slice(four.start, four.end), JSON.stringify(four));
  const reported = await page.evaluate(() => (globalThis as unknown as G).readerPage.events().selections.at(-1));
  check('keyboard: onSelectionChange reports the selection', JSON.stringify(reported) === JSON.stringify(four), JSON.stringify(reported));
  await press(page, 'Shift+ArrowLeft');
  const three = await page.evaluate(() => (globalThis as unknown as G).readerPage.reader().getSelection());
  check('keyboard: Shift+Left shrinks it', three?.text === '👩🏽‍🚀 f', JSON.stringify(three));

  // The text is read-only: typing, Backspace, Enter and paste change nothing.
  const textBefore = await page.evaluate(() => (globalThis as unknown as G).readerPage.inspect.text('.gloss-reader__text'));
  await page.keyboard.type('xyz');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Delete');
  const textAfter = await page.evaluate(() => (globalThis as unknown as G).readerPage.inspect.text('.gloss-reader__text'));
  check('read-only: typing changes nothing', textBefore === textAfter);

  // select() across astral characters, and the text it reports.
  const flag = index.toCodePoint(DEMO_TEXT.indexOf('🇦🇲'));
  const sel = await page.evaluate((f) => {
    const reader = (globalThis as unknown as G).readerPage.reader();
    reader.select(f, f + 12);
    return reader.getSelection();
  }, flag);
  check('select(): flag and after', sel?.text === index.slice(flag, flag + 12) && sel.text.startsWith('🇦🇲'), JSON.stringify(sel));

  // setCodings: one more coding paints exactly it; removing it again clears it.
  const added = await page.evaluate((codings) => {
    const rp = (globalThis as unknown as G).readerPage;
    const extra = { ...codings[0]!, id: 'demo-new', start: codings[0]!.start + 3, end: codings[0]!.start + 30 };
    rp.reader().setCodings([...codings, extra]);
    const shown = rp.inspect.count('[data-coding-ids~="demo-new"]');
    rp.reader().setCodings(codings);
    return { shown, after: rp.inspect.count('[data-coding-ids~="demo-new"]') };
  }, data.codings);
  check('setCodings: add then remove one coding', added.shown > 0 && added.after === 0, JSON.stringify(added));

  // Initials off and on again.
  const toggled = await page.evaluate(() => {
    const rp = (globalThis as unknown as G).readerPage;
    rp.reader().setShowCoderInitials(false);
    const off = rp.inspect.count('.gloss-initials');
    rp.reader().setShowCoderInitials(true);
    return { off, on: rp.inspect.count('.gloss-initials') };
  });
  check('initials: toggle', toggled.off === 0 && toggled.on > 0, JSON.stringify(toggled));
}

async function bookChecks(page: Page, data: BenchDocument, shots: string): Promise<void> {
  await loadDocument(page, data);
  await page.evaluate(() => (globalThis as unknown as G).readerPage.mount('gloss', false));
  const text = data.document.text;
  const index = new CodePointIndex(text);
  const length = index.length;
  const blocks = data.document.blocks;
  const rendered = await page.evaluate(() => (globalThis as unknown as G).readerPage.inspect.count('[data-block]'));
  check('book: only a window of blocks is rendered', rendered > 0 && rendered < 400, `${rendered} of ${blocks.length} blocks`);

  // select() far away: reported, rendered and on screen (drawn by the inactive-selection style).
  const target = blocks[Math.floor(blocks.length * 0.9)]!;
  const start = target.start + 5;
  const end = Math.min(target.end, start + 40);
  const far = await page.evaluate(
    async ([s, e]) => {
      const rp = (globalThis as unknown as G).readerPage;
      rp.reader().select(s, e);
      await rp.nextFrame();
      const mark = rp.inspect.place('.gloss-inactive-selection');
      return { selection: rp.reader().getSelection(), visible: mark?.visible ?? false, text: mark?.text ?? '' };
    },
    [start, end] as const,
  );
  check('book: select() at 90% selects and shows it', far.selection?.start === start && far.selection.end === end && far.selection.text === index.slice(start, end) && far.visible, JSON.stringify({ ...far, selection: far.selection?.text }));
  await page.screenshot({ path: join(shots, 'gloss-reader-book-select.png') });

  // Keyboard selection far beyond the rendered window keeps its anchor.
  await page.evaluate((s) => {
    const reader = (globalThis as unknown as G).readerPage.reader();
    reader.select(s, s);
    reader.focus();
  }, start);
  for (let i = 0; i < 12; i++) await press(page, 'Shift+PageDown');
  const longSelection = await page.evaluate(() => {
    const selection = (globalThis as unknown as G).readerPage.reader().getSelection();
    return selection && { start: selection.start, end: selection.end, length: selection.text.length };
  });
  check('book: Shift+PageDown x12 keeps the anchor', longSelection?.start === start && longSelection.end > start + 5000, JSON.stringify(longSelection));
  const windowNow = await page.evaluate(() => (globalThis as unknown as G).readerPage.inspect.count('[data-block]'));
  check('book: the window stays small while selecting', windowNow < 600, `${windowNow} blocks rendered`);
  await press(page, 'Shift+ArrowUp');
  const shrunk = await page.evaluate(() => (globalThis as unknown as G).readerPage.reader().getSelection());
  check('book: Shift+ArrowUp after that still keeps the anchor', shrunk?.start === start && shrunk.end < (longSelection?.end ?? 0), JSON.stringify(shrunk && { start: shrunk.start, end: shrunk.end }));

  await press(page, 'Control+a');
  const all = await page.evaluate(() => {
    const s = (globalThis as unknown as G).readerPage.reader().getSelection();
    return s && { start: s.start, end: s.end };
  });
  check('book: Ctrl+A selects the whole document', all?.start === 0 && all.end === length, JSON.stringify(all));

  // scrollToOffset to the very end: the last block is rendered and on screen.
  const last = await page.evaluate(async (offset) => {
    const rp = (globalThis as unknown as G).readerPage;
    rp.reader().scrollToOffset(offset);
    await rp.nextFrame();
    await rp.nextFrame();
    return rp.inspect.lastBlock();
  }, length);
  check('book: scrollToOffset(end) shows the last block', last.block === String(blocks.length - 1) && last.visible, JSON.stringify(last));

  // A narrower window re-measures and keeps the block at the top of the viewport in place.
  const resize = await page.evaluate(async () => {
    const rp = (globalThis as unknown as G).readerPage;
    rp.reader().scrollToOffset(1_000_000);
    await rp.nextFrame();
    await rp.nextFrame();
    const before = rp.inspect.blockAt(300);
    return before;
  });
  await page.setViewportSize({ width: 760, height: 900 });
  await page.evaluate(() => (globalThis as unknown as G).readerPage.nextFrame());
  await page.evaluate(() => (globalThis as unknown as G).readerPage.nextFrame());
  const afterResize = await page.evaluate(() => (globalThis as unknown as G).readerPage.inspect.blockAt(300));
  check('book: a narrower window keeps the reading place', resize !== null && afterResize !== null && Math.abs(Number(afterResize) - Number(resize)) <= 1, `block ${resize} -> ${afterResize}`);
  await page.setViewportSize({ width: 1280, height: 900 });

  // Jumping anywhere (as a scrollbar drag does) shows text after one frame.
  const blank = await page.evaluate(() => (globalThis as unknown as G).readerPage.inspect.jumps([0.73, 0.5, 0.31, 0.12, 0.02, 0.66]));
  check('book: jumps anywhere show text after one frame', blank === 0, `${blank} blank frames`);
  await page.screenshot({ path: join(shots, 'gloss-reader-book.png') });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { shots: { type: 'string', default: '/tmp' } } });
  const shots = values.shots ?? '/tmp';
  const harness = await startHarness();
  try {
    const demoPage = await harness.open({ width: 1180, height: 860 });
    await demoChecks(demoPage, demoDocument(), shots);
    await demoPage.context().close();
    const bookPage = await harness.open();
    await bookChecks(bookPage, generateBenchDocument(3_000_000, 30_000, 7), shots);
    await bookPage.context().close();
  } finally {
    await harness.close();
  }
  process.stdout.write(`${failures === 0 ? 'all reader checks passed' : `${failures} reader check(s) failed`}; screenshots in ${shots}/gloss-reader-*.png\n`);
  process.exitCode = failures === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
