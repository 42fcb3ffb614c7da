import type { CodeView, DocumentSummary, Segment } from '../service/views.js';

export function formatDocumentLine(document: Pick<DocumentSummary, 'id' | 'title' | 'characters'>): string {
  return `${document.id}\t${document.title}\t${document.characters}`;
}

export function formatDocumentTable(documents: DocumentSummary[]): string {
  if (documents.length === 0) return 'No documents yet. Import some with `gloss import PROJECT FILE...`.';
  const header = ['id', 'title', 'characters', 'blocks', 'codings', 'format'];
  const rows = documents.map((d) => [d.id, d.title, String(d.characters), String(d.blocks), String(d.codings), d.format]);
  return table(header, rows);
}

export function formatCodeTree(codes: CodeView[]): string {
  if (codes.length === 0) return 'The codebook is empty. Add a code with `gloss code add PROJECT "Parent/child"`.';
  // A parent's own counts, then its totals with every sub-code (the same for a leaf).
  const header = ['code', 'color', 'segments', 'documents', 'segments with sub-codes', 'documents with sub-codes'];
  const rows = codes.map((c) => [`${'  '.repeat(c.depth)}${c.name}`, c.color, String(c.segments), String(c.documents), String(c.totalSegments), String(c.totalDocuments)]);
  return table(header, rows);
}

export function formatSegments(segments: Segment[]): string {
  if (segments.length === 0) return 'No coded segments match.';
  return segments
    .map((s) => {
      const text = s.text.replace(/\s+/g, ' ');
      const shown = text.length > 100 ? `${text.slice(0, 99)}…` : text;
      return `${s.documentTitle} [${s.start}, ${s.end}) ${s.code} (${s.coder})\n  “${shown}”${s.memo ? `\n  memo: ${s.memo}` : ''}`;
    })
    .join('\n');
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
