/**
 * Compare coding across papers on the full project: the code × document matrix, co-occurrence,
 * search and the retrieval of one code's segments, each through the service and beside the bare
 * SQL query it rests on (the same SQL on a raw better-sqlite3 connection, rows fetched, nothing
 * else done). Targets from the issue: matrix and co-occurrence ≤ 200 ms, search ≤ 100 ms,
 * retrieval ≤ 50 ms. The ratios are the figures that matter on a noisy machine.
 */
import type Database from 'better-sqlite3';
import { GlossService } from '../../../app/service/service.js';
import { loadMigrations } from '../../../app/store/migrations.js';
import { openProjectFile } from '../../../app/store/projectFile.js';
import { openRaw } from '../fixture.js';
import type { Report } from '../report.js';
import type { Section } from '../section.js';
import { formatCount, now, repeat, secondsSince } from '../timing.js';

const ROUNDS = 7;
const WARMUP = 1;

/** What the matrices read (app/store/analysisQueries.ts): one JSON array per document and column. */
const SEGMENTS_SQL = `SELECT document_id, json_group_array(uuid), json_group_array(code_id), json_group_array(start), json_group_array(end)
  FROM (SELECT uuid, document_id, code_id, start, end FROM codings WHERE @coderId IS NULL OR coder_id = @coderId ORDER BY document_id, start, end)
  GROUP BY document_id`;
const SEGMENTS_NO_IDS_SQL = SEGMENTS_SQL.replace('json_group_array(uuid)', "'[]'");
/** The same codings fetched row by row, as a plain reading would: for comparison only. */
const SEGMENT_ROWS_SQL = 'SELECT uuid, document_id, code_id, coder_id, start, end FROM codings ORDER BY document_id, start, end';
const DOCUMENTS_SQL = `SELECT d.id, d.uuid, d.title, d.length, z.sz FROM documents d
  LEFT JOIN document_search_docsize z ON z.id = d.id ORDER BY d.title COLLATE NOCASE, d.id`;
const BLOCKS_SQL = 'SELECT id, blocks FROM documents';
const MATCH_SQL = `SELECT d.id, d.uuid, d.title FROM document_search s JOIN documents d ON d.id = s.rowid
  WHERE document_search MATCH ? ORDER BY d.title COLLATE NOCASE, d.id`;
const TEXT_SQL = 'SELECT text, blocks FROM documents WHERE id = ?';
const HIGHLIGHT_SQL = 'SELECT highlight(document_search, 0, ?, ?) AS marked FROM document_search WHERE document_search MATCH ? AND rowid = CAST(? AS INTEGER)';
const CODE_SEGMENTS_SQL = `SELECT k.*, d.uuid AS document_uuid, d.title AS document_title, c.uuid AS code_uuid,
  r.name AS coder_name, m.body AS memo
  FROM codings k JOIN documents d ON d.id = k.document_id JOIN codes c ON c.id = k.code_id
  JOIN coders r ON r.id = k.coder_id LEFT JOIN memos m ON m.coding_id = k.id
  WHERE k.code_id IN (SELECT value FROM json_each(?))
  ORDER BY d.title COLLATE NOCASE, k.start, k.end, k.id`;

/** Searches of the generated text (tests/bench/generateProject.ts): its Polish and Russian words among them. */
const SEARCHES: [key: string, query: string, note: string][] = [
  ['word', 'Lodz', 'one word, folded: finds "Łódź"'],
  ['accents', 'zazolc', 'one word without its accents: finds "zażółć"'],
  ['phrase', '"of the"', 'a phrase of two common words'],
  ['prefix', 'gr*', 'a two-letter prefix'],
  ['near', 'NEAR(привет данные, 5)', 'NEAR of two Russian words'],
];

async function medianMs(action: () => unknown, rounds = ROUNDS): Promise<number> {
  return (await repeat(rounds, action, WARMUP)).median * 1e3;
}

function pair(report: Report, key: string, serviceMs: number, bareMs: number, target: number | null, note: string): void {
  const verdict = target === null ? '' : serviceMs <= target ? ` (target ≤ ${target} ms: met)` : ` (target ≤ ${target} ms: NOT met)`;
  report.figure(`analysis.${key}_ms`, serviceMs, 'ms', `${note}${verdict}`);
  report.figure(`analysis.${key}_bare_sql_ms`, bareMs, 'ms', 'the SQL it rests on, rows fetched');
  report.figure(`analysis.${key}_ratio`, serviceMs / bareMs, 'x', 'service / bare SQL');
}

/** Give every document a "year" and a "region", as a researcher would from a CSV. */
async function addAttributes(service: GlossService): Promise<void> {
  const documents = await service.run('documents.list', {});
  const regions = ['Caucasus', 'Russia', 'Turkey', 'Iran', 'Europe'];
  const rows = documents.map((document, i) => `"${document.title}",${2000 + (i % 20)},${regions[i % regions.length]}`);
  await service.run('attributes.importCsv', { csv: `title,year,region\r\n${rows.join('\r\n')}\r\n` });
}

function bare(db: Database.Database, sql: string, ...parameters: unknown[]): () => unknown[] {
  const statement = db.prepare(sql);
  return () => statement.raw().all(...parameters);
}

/**
 * The SQL a search runs: the matching documents, then each one's text and its marked copy until
 * `hits` hits are found (the marks counted, nothing else done with them).
 */
function bareSearch(db: Database.Database, fts: string, hits: number): () => number {
  const match = db.prepare(MATCH_SQL);
  const text = db.prepare(TEXT_SQL);
  const highlight = db.prepare(HIGHLIGHT_SQL);
  return () => {
    let found = 0;
    for (const [id] of match.raw().all(fts) as [number][]) {
      if (found >= hits) break;
      text.get(id);
      const { marked } = highlight.get('\u0002', '\u0003', fts, id) as { marked: string };
      for (let i = marked.indexOf('\u0002'); i >= 0; i = marked.indexOf('\u0002', i + 1)) found++;
    }
    return found;
  };
}

export const analysisSection: Section = {
  name: 'analysis',
  title: `Compare coding across papers: matrix, co-occurrence, search, retrieval (median of ${ROUNDS})`,
  async run(bench, report) {
    const coded = await bench.coded();

    // Migration 0002 (search index and covering index) on the full project, as an existing
    // version-1 file meets it: its objects removed from a copy, the version set back, reopened
    // with the migrations up to 0002 only (the later ones' tables are still in the copy).
    const migrating = bench.copyOf(coded.file, 'analysis-migration.gloss');
    const raw = openRaw(migrating);
    raw.exec(`DROP TRIGGER documents_search_insert; DROP TRIGGER documents_search_delete; DROP TRIGGER documents_search_update;
      DROP TABLE document_search; DROP VIEW document_search_source; DROP INDEX codings_document_range; PRAGMA user_version = 1;`);
    raw.close();
    const migrationStart = now();
    openProjectFile(migrating, { migrations: loadMigrations().slice(0, 2) }).close();
    report.figure('analysis.migration_0002_s', secondsSince(migrationStart), 's', 'index 1,000 documents for search, build the covering index');

    const file = bench.copyOf(coded.file, 'analysis.gloss');
    const service = GlossService.open(file);
    const db = openRaw(file);
    try {
      await addAttributes(service);
      const codes = await service.run('codes.list', {});
      const busiest = [...codes].sort((a, b) => b.segments - a.segments)[0]!;
      const busiestRow = db.prepare('SELECT id FROM codes WHERE uuid = ?').get(busiest.id) as { id: number };
      const documents = (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
      report.note(`${formatCount(documents)} documents, ${formatCount(coded.codings)} codings, ${formatCount(codes.length)} codes; every figure is the median of ${ROUNDS} runs after ${WARMUP} warm-up.`);

      const segments = bare(db, SEGMENTS_SQL, { coderId: null });
      const segmentsNoIds = bare(db, SEGMENTS_NO_IDS_SQL, { coderId: null });
      const measures = bare(db, DOCUMENTS_SQL);
      const bareMatrix = await medianMs(() => [segments(), measures()]);
      const bareMatrixNoIds = await medianMs(() => [segmentsNoIds(), measures()]);
      report.figure('analysis.segment_rows_sql_ms', await medianMs(bare(db, SEGMENT_ROWS_SQL)), 'ms', 'for comparison: the same codings fetched row by row');

      const matrix = await service.run('analysis.matrix', {});
      report.figure('analysis.matrix_cells', matrix.cells.length, 'cells', `non-empty, of ${formatCount(matrix.rows.length)} rows × ${formatCount(matrix.columns.length)} codes`);
      pair(report, 'matrix', await medianMs(() => service.run('analysis.matrix', {})), bareMatrix, 200, 'documents × codes, with every cell\'s segment ids');
      pair(report, 'matrix_no_ids', await medianMs(() => service.run('analysis.matrix', { withSegments: false })), bareMatrixNoIds, 200, 'the same without segment ids');
      pair(report, 'matrix_by_year', await medianMs(() => service.run('analysis.matrix', { rows: 'year' })), bareMatrix, 200, 'rows grouped by the attribute "year" (20 groups)');
      pair(report, 'matrix_subcodes', await medianMs(() => service.run('analysis.matrix', { includeSubcodes: true })), bareMatrix, 200, 'sub-codes counted in their parents\' columns');
      pair(report, 'matrix_csv', await medianMs(() => service.run('analysis.matrixCsv', { measure: 'coverage' })), bareMatrix, null, 'the coverage CSV (1,000 × 500 cells)');

      const overlap = await service.run('analysis.cooccurrence', {});
      const pairs = overlap.cells.reduce((sum, cell) => sum + cell.pairs.length, 0);
      report.figure('analysis.cooccurrence_pairs', pairs, 'pairs', 'overlapping segment pairs of different codes');
      pair(report, 'cooccurrence', await medianMs(() => service.run('analysis.cooccurrence', {})), bareMatrix, 200, 'overlap scope, with every pair\'s ids');
      const blocks = bare(db, BLOCKS_SQL);
      pair(report, 'cooccurrence_no_pairs', await medianMs(() => service.run('analysis.cooccurrence', { withSegments: false })), bareMatrixNoIds, 200, 'overlap scope, counts only');
      const bareParagraph = await medianMs(() => [segmentsNoIds(), measures(), blocks()]);
      pair(report, 'cooccurrence_paragraph', await medianMs(() => service.run('analysis.cooccurrence', { scope: 'paragraph', withSegments: false })), bareParagraph, 200, 'paragraph scope (blocks read too), counts only');

      for (const [key, query, note] of SEARCHES) {
        const result = await service.run('search.query', { query });
        const hits = `${result.hits.length}${result.truncated ? '+' : ''} hits in ${result.documents} documents`;
        pair(report, `search_${key}`, await medianMs(() => service.run('search.query', { query })), await medianMs(bareSearch(db, result.fts, result.hits.length)), 100, `${query}: ${note}; ${hits} (the first page of 100)`);
      }
      report.figure('analysis.search_match_only_ms', await medianMs(bare(db, MATCH_SQL, '"lodz"')), 'ms', 'the MATCH alone for "Lodz": every matching document, by title');

      const retrieval = await service.run('codings.list', { code: busiest.id });
      pair(
        report,
        'retrieval',
        await medianMs(() => service.run('codings.list', { code: busiest.id })),
        await medianMs(bare(db, CODE_SEGMENTS_SQL, JSON.stringify([busiestRow.id]))),
        50,
        `codings.list of the busiest code (${retrieval.length} segments)`,
      );

      const preview = await service.run('search.autocodePreview', { query: 'Lodz', code: busiest.id, coder: 'bench', scope: 'sentence' });
      report.figure(
        'analysis.autocode_preview_ms',
        await medianMs(() => service.run('search.autocodePreview', { query: 'Lodz', code: busiest.id, coder: 'bench', scope: 'sentence' }), 3),
        'ms',
        `"Lodz" widened to sentences: ${formatCount(preview.passages.length)} passages from ${formatCount(preview.hits)} hits in ${formatCount(preview.documents)} documents (median of 3)`,
      );
    } finally {
      db.close();
      service.close();
    }
  },
};
