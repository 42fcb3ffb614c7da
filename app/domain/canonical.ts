/**
 * The canonical text of a document: the source text with a leading BOM removed and CRLF / CR
 * turned into LF, nothing else changed. Every offset Gloss stores points into this text.
 */
export function canonicalText(source: string): string {
  const withoutBom = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  return withoutBom.replace(/\r\n?/g, '\n');
}
