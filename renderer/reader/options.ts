/** The reader's options. Apart from types.ts because it names DOM types, and types.ts is also
 *  compiled for the unit tests, under Node, without the DOM library. */
import type { ReaderSelection } from './types.js';

export interface ReaderOptions {
  onSelectionChange?(selection: ReaderSelection | null): void;
  /** A click on a highlighted passage or a stripe, or Enter on one: every coding covering that point. */
  onCodingsClick?(codingIds: string[], anchorRect: DOMRect): void;
  showCoderInitials?: boolean;
  /** The reader scrolled: the code point now at the top of its viewport. */
  onScrolled?(topOffset: number): void;
  /** Something to say to a screen reader (moving between codings). */
  onAnnounce?(message: string): void;
}
