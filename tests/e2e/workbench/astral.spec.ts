/**
 * Offsets are code points in the store, UTF-16 units in the page: a passage that follows
 * astral characters must agree in all three places — stored offsets, highlighted DOM text, quote.
 */
import { expect, test } from './fixtures.js';

const TEXT = 'Field notes 👩🏽‍🚀\n\nIn Yerevan 🇦🇲 and 𝐁𝐚𝐤𝐮 🇦🇿 the claim 😀 was pivotal containment, said 👍🏿 twice.\n';

test('coding after astral characters: stored offsets, highlighted text and quote agree', async ({ workbench, service, sourceFile }) => {
  await workbench.startAs('Ani');
  await workbench.importThroughPicker([sourceFile('astral.txt', TEXT)]);
  await workbench.openDocument('astral');
  await workbench.selectText('pivotal containment, said 👍🏿');
  await workbench.codeWithPalette('containment');
  await expect.poll(async () => (await service.run('codings.list', {})).length).toBe(1);
  const [segment] = await service.run('codings.list', {});

  const quote = 'pivotal containment, said 👍🏿';
  const start = [...TEXT.slice(0, TEXT.indexOf(quote))].length;
  expect(segment!.text).toBe(quote);
  expect(segment!.start).toBe(start);
  expect(segment!.end).toBe(start + [...quote].length);
  expect([...TEXT].slice(segment!.start, segment!.end).join('')).toBe(quote);
  await expect.poll(() => workbench.highlightedText(segment!.id)).toBe(quote);
});
