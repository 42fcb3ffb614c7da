/**
 * Height estimates for blocks that have not been rendered yet. A hidden probe renders one block
 * of each kind twice, with one line and with a long sample sentence, in the real text column:
 * that gives each kind's padding, line height and characters per line at the current width and
 * fonts. An estimate is then padding + lines x line height; rendered blocks replace it with their
 * measured height (heights.ts).
 */
import { DOMSerializer } from 'prosemirror-model';
import type { BlockKind } from '../../app/domain/blocks.js';
import { readerSchema } from './schema.js';

interface KindMetrics {
  padding: number;
  lineHeight: number;
  charsPerLine: number;
}

export type BlockMetrics = Map<string, KindMetrics>;

const SAMPLE =
  'The interviewer asked how the decision had been made, and she paused before answering that nobody had really decided ' +
  'anything; it had simply become the way things were done, one meeting after another, until questioning it felt like ' +
  'questioning the whole team. Later she added that the newer staff noticed it first, because they still asked why. '.repeat(3);

function metricsKey(kind: BlockKind, level: number | undefined): string {
  return kind === 'heading' ? `h${Math.min(6, Math.max(1, level ?? 1))}` : kind;
}

/** Probe the block styles inside `host` (an element styled like the editor's root). */
export function measureBlockMetrics(host: HTMLElement): BlockMetrics {
  const serializer = DOMSerializer.fromSchema(readerSchema);
  const probe = host.ownerDocument.createElement('div');
  probe.className = 'gloss-reader__text gloss-reader__probe';
  const kinds: Array<[string, string, number | undefined]> = [
    ['paragraph', 'paragraph', undefined],
    ['list_item', 'list_item', undefined],
    ['blockquote', 'blockquote', undefined],
    ...[1, 2, 3, 4, 5, 6].map((level): [string, string, number] => [`h${level}`, 'heading', level]),
  ];
  const pairs: Array<[string, HTMLElement, HTMLElement]> = [];
  for (const [key, type, level] of kinds) {
    const attrs = level === undefined ? {} : { level };
    const one = serializer.serializeNode(readerSchema.nodes[type]!.create(attrs, readerSchema.text('x'))) as HTMLElement;
    const many = serializer.serializeNode(readerSchema.nodes[type]!.create(attrs, readerSchema.text(SAMPLE))) as HTMLElement;
    probe.append(one, many);
    pairs.push([key, one, many]);
  }
  host.appendChild(probe);
  const metrics: BlockMetrics = new Map();
  for (const [key, one, many] of pairs) {
    const oneHeight = one.getBoundingClientRect().height;
    const manyHeight = many.getBoundingClientRect().height;
    const lineHeight = parseFloat(getComputedStyle(one).lineHeight) || oneHeight;
    const padding = Math.max(0, oneHeight - lineHeight);
    const lines = Math.max(1, Math.round((manyHeight - padding) / lineHeight));
    metrics.set(key, { padding, lineHeight, charsPerLine: Math.max(10, SAMPLE.length / lines) });
  }
  probe.remove();
  return metrics;
}

export function estimateBlockHeight(metrics: BlockMetrics, kind: BlockKind, level: number | undefined, utf16Length: number): number {
  const m = metrics.get(metricsKey(kind, level)) ?? metrics.get('paragraph');
  if (!m) return 30;
  return m.padding + Math.max(1, Math.ceil(utf16Length / m.charsPerLine)) * m.lineHeight;
}
