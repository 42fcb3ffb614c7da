/**
 * Emphasis of chosen codings (a hovered stripe, a coding selected in a list) through one
 * constructed style sheet of attribute selectors (`[data-coding-ids~="id"]`): emphasising never
 * touches the decorations or the document, and a constructed sheet is CSSOM, which a strict
 * Content Security Policy allows where a <style> element would not be.
 */
export class Emphasis {
  private readonly document: Document;
  private readonly sheet: CSSStyleSheet;

  constructor(document: Document) {
    this.document = document;
    this.sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
  }

  /** Emphasise `ids`; `colorOf` gives each one's colour (unknown ids are skipped). */
  set(ids: readonly string[], colorOf: (id: string) => string | undefined): void {
    const rules: string[] = [];
    for (const id of ids) {
      const color = colorOf(id);
      if (color === undefined || !/^#[0-9a-fA-F]{6}$/.test(color)) continue;
      const attr = `[data-coding-ids~="${CSS.escape(id)}"]`;
      rules.push(
        // !important: the segment sets its own tint inline.
        `.gloss-reader .gloss-seg${attr}{--gloss-tint:${color} !important;--gloss-mix:42% !important;}`,
        `.gloss-reader .gloss-stripe${attr}{box-shadow:0 0 0 2px color-mix(in srgb,${color} 45%,transparent);}`,
      );
    }
    this.sheet.replaceSync(rules.join('\n'));
  }

  destroy(): void {
    this.document.adoptedStyleSheets = this.document.adoptedStyleSheets.filter((sheet) => sheet !== this.sheet);
  }
}
