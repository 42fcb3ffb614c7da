/**
 * Draws the margin stripes into the gutter, reusing a pool of elements so that redrawing on
 * scroll touches only their geometry. Hover and click are delegated to the gutter.
 */
import type { StripeBar } from './stripeLayout.js';

export interface StripeHandlers {
  onHover(ids: string[] | null): void;
  onClick(ids: string[], rect: DOMRect): void;
}

/** Bar width and spacing in px; more columns than fit shrink the pitch down to MIN_PITCH. */
const BAR_WIDTH = 4;
const PITCH = 7;
const MIN_PITCH = 3;

export class StripeGutter {
  private readonly gutter: HTMLElement;
  private readonly pool: HTMLElement[] = [];
  private used = 0;

  constructor(gutter: HTMLElement, handlers: StripeHandlers) {
    this.gutter = gutter;
    const idsOf = (event: Event): string[] | null => {
      const bar = (event.target as Element | null)?.closest?.('.gloss-stripe') as HTMLElement | null;
      return bar?.dataset['codingIds']?.split(' ') ?? null;
    };
    gutter.addEventListener('mouseover', (event) => handlers.onHover(idsOf(event)));
    gutter.addEventListener('mouseleave', () => handlers.onHover(null));
    gutter.addEventListener('click', (event) => {
      const bar = (event.target as Element | null)?.closest?.('.gloss-stripe') as HTMLElement | null;
      const ids = bar?.dataset['codingIds']?.split(' ');
      if (bar && ids) handlers.onClick(ids, bar.getBoundingClientRect());
    });
  }

  render(bars: readonly StripeBar[]): void {
    const columns = bars.reduce((max, bar) => Math.max(max, bar.column + 1), 0);
    // Read once, before any write: a read after a style write would force a layout per bar.
    const gutterWidth = this.gutter.clientWidth;
    const available = gutterWidth - 4;
    const pitch = columns * PITCH <= available ? PITCH : Math.max(MIN_PITCH, available / columns);
    const width = Math.min(BAR_WIDTH, Math.max(2, pitch - 1));
    let used = 0;
    for (const bar of bars) {
      const right = 4 + bar.column * pitch;
      if (right + width > gutterWidth) continue;
      let el = this.pool[used];
      if (!el) {
        el = this.gutter.ownerDocument.createElement('div');
        el.className = 'gloss-stripe';
        this.pool.push(el);
        this.gutter.appendChild(el);
      }
      used++;
      el.hidden = false;
      el.style.top = `${bar.top}px`;
      el.style.height = `${Math.max(2, bar.bottom - bar.top)}px`;
      el.style.right = `${right}px`;
      el.style.width = `${width}px`;
      el.style.setProperty('--gloss-c', bar.color);
      el.dataset['codingIds'] = bar.ids.join(' ');
      el.dataset['codeId'] = bar.codeId;
      el.title = bar.ids.length > 1 ? `${bar.codeName} (${bar.ids.length} codings)` : bar.codeName;
    }
    for (let i = used; i < this.used; i++) this.pool[i]!.hidden = true;
    this.used = used;
  }

  clear(): void {
    this.render([]);
  }
}
