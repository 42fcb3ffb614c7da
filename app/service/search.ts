/**
 * Full-text search (FTS5, migrations/0002_search.sql) with keyword-in-context results, and
 * auto-coding: a code applied to every hit widened to its word, sentence or paragraph,
 * previewed first and applied as one undoable action.
 *
 * Where the hits are: FTS5's highlight() marks every phrase instance the query matched (NEAR
 * groups only where they meet their distance), from the index's own token positions. The index
 * reads the text through a view whose letter folds keep every UTF-16 position, so the marks fall
 * on the canonical text exactly, and what is shown is always what MATCH matched.
 */
import type { Block } from '../domain/blocks.js';
import { CodePointIndex } from '../domain/codepoints.js';
import { GlossError } from '../domain/errors.js';
import { DEFAULT_CONTEXT_WIDTH, keywordInContext } from '../domain/kwic.js';
import { planDocumentAutocode, type ExistingCoding } from '../domain/autocode.js';
import type { Range } from '../domain/matrix.js';
import { plural } from '../domain/plural.js';
import { parseSearch } from '../domain/searchQuery.js';
import { widenToUnit, type TextUnit } from '../domain/textUnits.js';
import { listCodes } from '../store/codeQueries.js';
import { findCoderByName } from '../store/coderQueries.js';
import { codingRangesByDocument, codingUuidsByIds } from '../store/codingQueries.js';
import { findCodingMemo } from '../store/memoQueries.js';
import type { Recorder } from '../store/recorder.js';
import type { Db } from '../store/projectFile.js';
import { documentTextAndBlocks, markedText, matchingDocuments, type MatchingDocumentRow } from '../store/searchQueries.js';
import type { AutocodeHitOutcome, AutocodePassage, AutocodePreview, AutocodeResult, SearchHit, SearchResult } from './analysisViews.js';
import { selectDocuments } from './attributes.js';
import { codePathStrings } from './codeTree.js';
import type { Context } from './context.js';
import type { Input } from './contract.js';
import type { Handlers } from './handlers.js';
import { ensureCoder, resolveCode } from './resolve.js';

/** A page of hits: enough to read, and few enough documents to mark (each one is read whole). */
export const DEFAULT_SEARCH_LIMIT = 100;
/** More passages than this in one auto-coding is almost surely a query that is too broad. */
export const MAX_AUTOCODE_PASSAGES = 50_000;

/** Marker pairs for highlight(); a pair that occurs in the document's text is not used for it. */
const MARKERS: readonly [string, string][] = [
  ['\u0002', '\u0003'],
  ['\uFDD0', '\uFDD1'],
  ['\uFDD2', '\uFDD3'],
];

interface DocumentHits {
  document: MatchingDocumentRow;
  index: CodePointIndex;
  blocks: string;
  /** Hits in code points, in text order. */
  hits: Range[];
}

/** The hits of `fts` in one document, from highlight()'s marks. */
function hitsIn(db: Db, fts: string, document: MatchingDocumentRow): DocumentHits {
  const { text, blocks } = documentTextAndBlocks(db, document.id);
  const index = new CodePointIndex(text);
  const markers = MARKERS.find(([open, close]) => !text.includes(open) && !text.includes(close));
  if (!markers) throw new GlossError('internal', `The text of "${document.title}" holds every marker search uses, so its hits cannot be placed.`);
  const [open, close] = markers;
  const marked = markedText(db, fts, document.id, open, close) ?? text;
  const hits: Range[] = [];
  // Walk the marks: each removed marker shifts the rest of the text back by one unit.
  let removed = 0;
  let from = 0;
  for (;;) {
    const opening = marked.indexOf(open, from);
    if (opening < 0) break;
    const closing = marked.indexOf(close, opening + 1);
    if (closing < 0) break;
    const start = opening - removed;
    const end = closing - removed - 1;
    removed += 2;
    from = closing + 1;
    if (end > start) hits.push({ start: index.toCodePoint(start), end: index.toCodePoint(end) });
  }
  if (marked.length - removed !== text.length) {
    throw new GlossError('internal', `The search index of "${document.title}" is out of step with its text. Nothing was changed; please report this.`);
  }
  return { document, index, blocks, hits };
}

function matchingInScope(db: Db, query: string, scope: { where?: Input<'search.query'>['where']; documents?: string[] }): { fts: string; documents: MatchingDocumentRow[] } {
  const { fts } = parseSearch(query);
  const selected = selectDocuments(db, scope);
  const documents = matchingDocuments(db, fts).filter((document) => selected === null || selected.has(document.id));
  return { fts, documents };
}

export function search(context: Context, input: Input<'search.query'>): SearchResult {
  const limit = input.limit ?? DEFAULT_SEARCH_LIMIT;
  const width = input.context ?? DEFAULT_CONTEXT_WIDTH;
  const { fts, documents } = matchingInScope(context.db, input.query, input);
  const hits: SearchHit[] = [];
  let truncated = false;
  for (const [i, document] of documents.entries()) {
    if (hits.length >= limit) {
      truncated = i < documents.length;
      break;
    }
    const found = hitsIn(context.db, fts, document);
    for (const hit of found.hits) {
      if (hits.length >= limit) {
        truncated = true;
        break;
      }
      const line = keywordInContext(found.index, hit.start, hit.end, width);
      hits.push({ documentId: document.uuid, documentTitle: document.title, start: hit.start, end: hit.end, before: line.before, text: line.hit, after: line.after });
    }
  }
  const suggestion = hits.length === 0 ? prefixSuggestion(context.db, input.query, input) : undefined;
  return { query: input.query, fts, documents: documents.length, hits, truncated, ...(suggestion !== undefined ? { suggestion } : {}) };
}

/** One bare word, as typed: letters and digits only (no quotes, operators or star). */
const BARE_WORD = /^[\p{L}\p{N}]+$/u;

/**
 * A bare word that finds nothing may be the start of words the texts hold ("peacekeep" for
 * "peacekeeping"): suggest the prefix search when it would find something.
 */
function prefixSuggestion(db: Db, query: string, scope: { where?: Input<'search.query'>['where']; documents?: string[] }): string | undefined {
  const word = query.trim();
  if (!BARE_WORD.test(word) || /^(AND|OR|NOT|NEAR)$/.test(word)) return undefined;
  const suggestion = `${word}*`;
  return matchingInScope(db, suggestion, scope).documents.length > 0 ? suggestion : undefined;
}

/** One passage to write: a new coding, or the first of `existing` grown to [start, end) with the rest joined into it. */
type Passage = Range & { existing: number[] };

/** The preview, plus what applying it needs: per document, its text's index and the passages. */
interface AutocodePlan {
  preview: AutocodePreview;
  codeId: number;
  documents: { documentId: number; index: CodePointIndex; passages: Passage[] }[];
}

/**
 * Every hit widened to the unit; a hit this code already covers for this coder is skipped, one
 * that overlaps such a coding extends it, the rest are new (app/domain/autocode.ts).
 */
function planAutocode(context: Context, input: Input<'search.autocodePreview'>): AutocodePlan {
  const db = context.db;
  const unit: TextUnit = input.scope ?? 'word';
  const code = resolveCode(db, input.code);
  const coder = findCoderByName(db, input.coder.trim());
  const existing = coder ? codingRangesByDocument(db, code.id, coder.id) : new Map<number, ExistingCoding[]>();
  const { fts, documents } = matchingInScope(db, input.query, input);
  let hitCount = 0;
  let alreadyCoded = 0;
  let extendedCodings = 0;
  let joinedCodings = 0;
  const passages: AutocodePassage[] = [];
  const hitOutcomes: AutocodeHitOutcome[] = [];
  const plan: AutocodePlan['documents'] = [];
  for (const document of documents) {
    const found = hitsIn(db, fts, document);
    hitCount += found.hits.length;
    const blocks = JSON.parse(found.blocks) as Block[];
    const widened = found.hits.map((hit) => widenToUnit(found.index, blocks, hit.start, hit.end, unit));
    const planned = planDocumentAutocode(widened, existing.get(document.id) ?? []);
    found.hits.forEach((hit, i) => hitOutcomes.push({ documentId: document.uuid, start: hit.start, end: hit.end, outcome: planned.outcomes[i]! }));
    alreadyCoded += planned.outcomes.filter((outcome) => outcome === 'already-coded').length;
    if (planned.passages.length === 0) continue;
    const uuids = codingUuidsByIds(db, planned.passages.flatMap((passage) => passage.existing.map((coding) => coding.id)));
    plan.push({ documentId: document.id, index: found.index, passages: planned.passages.map((p) => ({ start: p.start, end: p.end, existing: p.existing.map((coding) => coding.id) })) });
    for (const passage of planned.passages) {
      if (passage.existing.length > 0) {
        extendedCodings++;
        joinedCodings += passage.existing.length - 1;
      }
      passages.push({
        documentId: document.uuid,
        documentTitle: document.title,
        start: passage.start,
        end: passage.end,
        text: found.index.slice(passage.start, passage.end),
        hits: passage.hits.length,
        action: passage.existing.length > 0 ? 'extend' : 'new',
        existing: passage.existing.map((coding) => ({ id: uuids.get(coding.id)!, start: coding.start, end: coding.end })),
      });
    }
  }
  const preview: AutocodePreview = {
    query: input.query,
    code: codePathStrings(listCodes(db)).get(code.id)!,
    coder: coder?.name ?? input.coder.trim(),
    scope: unit,
    hits: hitCount,
    documents: documents.length,
    alreadyCoded,
    passages,
    newPassages: passages.length - extendedCodings,
    extendedCodings,
    joinedCodings,
    hitOutcomes,
  };
  return { preview, codeId: code.id, documents: plan };
}

/** Grow the kept coding to the passage, and join the other codings it reaches into it (their memos too). */
function extendCoding(context: Context, recorder: Recorder, index: CodePointIndex, passage: Passage, now: string): string {
  const [keptId, ...joined] = passage.existing as [number, ...number[]];
  for (const codingId of joined) {
    const memo = findCodingMemo(context.db, codingId);
    if (memo) {
      const keptMemo = findCodingMemo(context.db, keptId);
      if (keptMemo) {
        recorder.update('memos', keptMemo.id, { body: `${keptMemo.body}\n\n${memo.body}`, updated_at: now });
        recorder.delete('memos', memo.id);
      } else {
        recorder.update('memos', memo.id, { coding_id: keptId, updated_at: now });
      }
    }
    recorder.delete('codings', codingId);
  }
  recorder.update('codings', keptId, { start: passage.start, end: passage.end, quote: index.slice(passage.start, passage.end), updated_at: now });
  return codingUuidsByIds(context.db, [keptId]).get(keptId)!;
}

export const searchHandlers = {
  'search.query': (context, input) => search(context, input),

  'search.autocodePreview': (context, input) => planAutocode(context, input).preview,

  'search.autocodeApply': (context, input) =>
    context.mutate<AutocodeResult>('search.autocodeApply', (recorder) => {
      const planned = planAutocode(context, input);
      const count = planned.preview.passages.length;
      if (count > MAX_AUTOCODE_PASSAGES) {
        throw new GlossError(
          'invalid_input',
          `"${input.query}" would code ${plural(count, 'passage')}, more than ${MAX_AUTOCODE_PASSAGES.toLocaleString('en')} at once. Narrow the search (a phrase, NEAR, or fewer documents).`,
        );
      }
      const coder = ensureCoder(context.db, recorder, input.coder, context.now(), context.newUuid());
      const now = context.now();
      const codingIds: string[] = [];
      for (const document of planned.documents) {
        for (const range of document.passages) {
          if (range.existing.length > 0) {
            codingIds.push(extendCoding(context, recorder, document.index, range, now));
            continue;
          }
          const uuid = context.newUuid();
          recorder.insert('codings', {
            uuid,
            document_id: document.documentId,
            code_id: planned.codeId,
            coder_id: coder.id,
            start: range.start,
            end: range.end,
            quote: document.index.slice(range.start, range.end),
            created_at: now,
            updated_at: now,
          });
          codingIds.push(uuid);
        }
      }
      return {
        result: { ...planned.preview, coder: coder.name, codingIds },
        coderId: coder.id,
        summary: `Auto-code ${plural(codingIds.length, 'passage')} matching "${input.query.length > 40 ? `${input.query.slice(0, 39)}…` : input.query}" as "${planned.preview.code}"`,
      };
    }, { step: input.step }),
} satisfies Partial<Handlers>;
