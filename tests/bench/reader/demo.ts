/**
 * The demo document of the reader checks and screenshots: an interview excerpt with headings,
 * a list, astral characters, and 13 codings of 4 codes by 2 coders, five of them overlapping on
 * one phrase. Codings are placed by quoting phrases, so their offsets are code points.
 */
import { CodePointIndex } from '../../../app/domain/codepoints.js';
import type { BenchCoding, BenchDocument } from './generate.js';

export const DEMO_TEXT = [
  '# Interview 7: the night shift',
  '',
  'Interviewer: How did the handover work when you started on the ward?',
  '',
  'Nurse (R7): Honestly, nobody explained it. You watched the senior staff and copied them, and if you asked why, ' +
    'they looked at you as if you had questioned the whole team. I remember the first week 👩🏽‍🚀 felt like landing ' +
    'somewhere without a map. The rota changed every Monday and the manager said it was "for flexibility", but it ' +
    'was the same three of us doing the nights.',
  '',
  'Interviewer: Did that change when the new policy came in?',
  '',
  'Nurse (R7): On paper, yes. The policy 🇦🇲 said every shift gets a written handover and ten protected minutes. ' +
    'In practice the minutes went first, because a patient always needed something, and you cannot say no to a ' +
    'patient. I kept notes in my own book, 𝐀𝐁𝐂 style, so at least I knew what I had promised.',
  '',
  '## Follow-up',
  '',
  '- Trust in the manager came back slowly, after the staffing review.',
  '- She still keeps her own notes.',
].join('\n');

interface DemoCoding extends BenchCoding {
  phrase: string;
}

/** The demo document: blocks and codings found by quoting phrases (offsets in code points). */
export function demoDocument(): BenchDocument {
  const index = new CodePointIndex(DEMO_TEXT);
  const at = (phrase: string, from = 0): [number, number] => {
    const unit = DEMO_TEXT.indexOf(phrase, index.toUtf16(from));
    if (unit < 0) throw new Error(`demo phrase not found: ${phrase}`);
    return [index.toCodePoint(unit), index.toCodePoint(unit + phrase.length)];
  };
  const blocks: BenchDocument['document']['blocks'] = [];
  let offset = 0;
  for (const line of DEMO_TEXT.split('\n')) {
    const length = [...line].length;
    if (line.length > 0) {
      if (line.startsWith('## ')) blocks.push({ kind: 'heading', level: 2, start: offset + 3, end: offset + length });
      else if (line.startsWith('# ')) blocks.push({ kind: 'heading', level: 1, start: offset + 2, end: offset + length });
      else if (line.startsWith('- ')) blocks.push({ kind: 'list_item', start: offset + 2, end: offset + length });
      else blocks.push({ kind: 'paragraph', start: offset, end: offset + length });
    }
    offset += length + 1;
  }
  const codes = {
    socialisation: { codeId: 'k1', codeName: 'Socialisation into practice', color: '#407BC5' },
    uncertainty: { codeId: 'k2', codeName: 'Uncertainty / disorientation', color: '#D9822B' },
    power: { codeId: 'k3', codeName: 'Power and hierarchy', color: '#B63132' },
    workload: { codeId: 'k4', codeName: 'Workload pressure', color: '#2E9E5B' },
  };
  const coders = ['Ana Lima', 'Ben Okafor'];
  const specs: Array<[keyof typeof codes, number, string, string?]> = [
    ['socialisation', 0, 'Honestly, nobody explained it. You watched the senior staff and copied them'],
    ['socialisation', 1, 'You watched the senior staff and copied them, and if you asked why'],
    ['power', 0, 'if you asked why, they looked at you as if you had questioned the whole team'],
    ['power', 1, 'they looked at you as if you had questioned the whole team. I remember'],
    ['uncertainty', 1, 'and if you asked why, they looked at you'],
    ['workload', 0, 'copied them, and if you asked why'],
    ['uncertainty', 0, 'copied them, and if you asked why, they looked at you as if you had questioned the whole team. I remember the first week 👩🏽‍🚀 felt like landing somewhere without a map.'],
    ['uncertainty', 1, 'the first week 👩🏽‍🚀 felt like landing somewhere without a map'],
    ['workload', 0, 'The rota changed every Monday and the manager said it was "for flexibility", but it was the same three of us doing the nights.'],
    ['power', 1, 'the manager said it was "for flexibility"'],
    ['workload', 1, 'In practice the minutes went first, because a patient always needed something'],
    ['socialisation', 0, 'I kept notes in my own book, 𝐀𝐁𝐂 style, so at least I knew what I had promised.'],
    ['power', 0, 'Trust in the manager came back slowly'],
  ];
  const codings: DemoCoding[] = specs.map(([code, coder, phrase], i) => {
    const [start, end] = at(phrase);
    return { id: `demo-${i}`, ...codes[code], coder: coders[coder]!, start, end, phrase };
  });
  return { document: { text: DEMO_TEXT, blocks }, codings, extra: [], middle: 0 };
}
