/**
 * Presentation of a document's inline markup, kept beside its canonical text (which never
 * changes): ranges of code points [start, end) that the reader shows as formatting. 'syntax'
 * marks the markup characters themselves (`**`, a `\` escape, `<sup>`, a heading's `#`s, a list
 * marker), which the reader hides; offsets, quotes and codings still count them.
 */
export type InlineMarkKind = 'strong' | 'em' | 'sup' | 'sub' | 'code' | 'link' | 'syntax';

export interface InlineMark {
  start: number;
  end: number;
  kind: InlineMarkKind;
}
