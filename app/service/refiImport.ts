/**
 * Importing a REFI-QDA project (.qdpx, or a bare .qde) or codebook (.qdc) into the open
 * project, in two steps:
 *
 *   planImport  reads the project (never writes) and decides, for everything in the file, what
 *               it becomes: a new row, an existing row it matches, or a skip with a reason.
 *               `exchange.previewImport` stops here.
 *   applyPlan   writes the plan through the Recorder, inside one mutation: one undoable event,
 *               all or nothing.
 *
 * Matching (a merge into a project that has content):
 *   - coders: the same GUID is the same coder; the same name with another GUID is another
 *     person, imported under a suffixed name ("Ani (2)");
 *   - documents: by the SHA-256 of the canonical text (the same text is the same document);
 *   - codes: by GUID, then by path (names from the root, any case);
 *   - codings: one whose GUID is already in the project, or that repeats a coding of the same
 *     code by the same coder on the same range, is not added twice.
 */
import { randomUUID } from 'node:crypto';
import { checkAttributeValue, type AttributeType } from '../domain/attributeValues.js';
import { assertValidBlocks, type Block } from '../domain/blocks.js';
import { formatCodePath } from '../domain/codePath.js';
import { defaultColor } from '../domain/color.js';
import { GlossError } from '../domain/errors.js';
import { plainTextBlocks } from '../formats/plainText.js';
import type { LoadedRefi, SourceTextResult } from '../formats/refi/load.js';
import { walkCodes, type RefiCode, type RefiCoding, type RefiNote, type RefiProject, type RefiSelection, type RefiSet, type RefiTextSource, type RefiUser, type RefiVariable } from '../formats/refi/model.js';
import { normalizeGuid } from '../formats/refi/guid.js';
import { decidePositions, describeInterpretation, nameMatchesText, SourceText } from '../formats/refi/positions.js';
import { findAttributeByName, findAttributeValue } from '../store/attributeQueries.js';
import { countCodes, findChildCode, listCodes, nextCodePosition, type CodeRow } from '../store/codeQueries.js';
import { findCoderByName } from '../store/coderQueries.js';
import { codingKeysOfDocument, listDocumentIdentities, projectHasContent, uuidsOf } from '../store/refiQueries.js';
import { getProjectRow } from '../store/projectQueries.js';
import type { Recorder } from '../store/recorder.js';
import type { Context } from './context.js';
import { sha256Hex } from './documents.js';
import type { ExchangeImportSummary, PositionReport, SkippedGroup } from './refiViews.js';

// ---------------------------------------------------------------------------------------------
// The plan

interface CoderPlan {
  key: string;
  id?: number;
  uuid: string;
  name: string;
  create: boolean;
}

interface CodePlan {
  key: string;
  id?: number;
  uuid: string;
  name: string;
  parent: CodePlan | null;
  names: string[];
  create?: { color?: string; description: string };
}

interface DocumentPlan {
  key: string;
  id?: number;
  uuid: string;
  title: string;
  sourceName: string;
  create?: { text: string; blocks: Block[]; sha256: string; format: 'txt' | 'docx' | 'pdf'; encoding: string | null; length: number };
  /** Keys of codings the document already has (code|coder|start|end), for a merge. */
  codingKeys: Set<string>;
}

interface MemoParts {
  uuid: string;
  titles: string[];
  bodies: string[];
  coder?: CoderPlan;
  createdAt: string;
  updatedAt: string;
}

interface CodingPlan {
  id?: number;
  uuid: string;
  document: DocumentPlan;
  code: CodePlan;
  coder: CoderPlan;
  start: number;
  end: number;
  quote: string;
  createdAt: string;
  updatedAt: string;
  memo?: MemoParts;
}

type MemoTargetPlan =
  | { kind: 'project' }
  | { kind: 'document'; document: DocumentPlan }
  | { kind: 'code'; code: CodePlan };

interface MemoPlan extends MemoParts {
  target: MemoTargetPlan;
}

interface AttributePlan {
  key: string;
  id?: number;
  name: string;
  type: AttributeType;
  create?: { uuid: string };
}

interface ValuePlan {
  attribute: AttributePlan;
  document: DocumentPlan;
  value: string;
}

export interface ImportPlan {
  summary: ExchangeImportSummary;
  rename?: string;
  coders: CoderPlan[];
  codes: CodePlan[];
  documents: DocumentPlan[];
  attributes: AttributePlan[];
  values: ValuePlan[];
  codings: CodingPlan[];
  memos: MemoPlan[];
}

class SkipLog {
  private readonly groups = new Map<string, SkippedGroup>();

  add(what: string, reason: string, example?: string, count = 1): void {
    const key = `${what}\u0000${reason}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { what, reason, count: 0, examples: [] };
      this.groups.set(key, group);
    }
    group.count += count;
    if (example !== undefined && group.examples.length < 5 && !group.examples.includes(example)) group.examples.push(example);
  }

  list(): SkippedGroup[] {
    return [...this.groups.values()];
  }
}

function shorten(text: string, length = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/** An ISO time, or undefined when `value` is not one. */
function isoTime(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** A code name Gloss accepts: no control characters, not empty. */
function codeName(name: string): string {
  const cleaned = name.replace(/\p{Cc}+/gu, ' ').trim();
  return cleaned.length > 0 ? cleaned : '(unnamed code)';
}

/** "#RRGGBB" upper case from "#RRGGBB" or "#RGB", else undefined. */
function codeColor(color: string | undefined): string | undefined {
  if (color === undefined) return undefined;
  const trimmed = color.trim();
  if (/^#[0-9a-fA-F]{6}$/.test(trimmed)) return trimmed.toUpperCase();
  if (/^#[0-9a-fA-F]{3}$/.test(trimmed)) return `#${[...trimmed.slice(1)].map((c) => c + c).join('')}`.toUpperCase();
  return undefined;
}

const VARIABLE_TO_ATTRIBUTE: Record<RefiVariable['type'], AttributeType> = {
  Text: 'text',
  Boolean: 'boolean',
  Integer: 'number',
  Float: 'number',
  Date: 'date',
  DateTime: 'text',
};

/** Names that mean the document itself where attributes are used (as app/service/attributes.ts). */
const RESERVED_ATTRIBUTE_NAMES = new Set(['document', 'title']);

// ---------------------------------------------------------------------------------------------
// Planning

class Planner {
  readonly skips = new SkipLog();
  readonly notes: string[] = [];
  readonly plan: ImportPlan;
  readonly now: string;
  private keyCounter = 0;

  private readonly existingCoderUuids: Set<string>;
  private readonly existingCodeUuids: Set<string>;
  private readonly existingDocumentUuids: Set<string>;
  private readonly existingCodingUuids: Set<string>;
  private readonly existingAttributeUuids: Set<string>;
  private readonly usedUuids = new Map<Set<string>, Set<string>>();
  private readonly plannedCoderNames = new Set<string>();
  private readonly plannedTitles = new Set<string>();
  private readonly existingTitles: Set<string>;
  private readonly documentsBySha = new Map<string, DocumentPlan>();

  readonly codersByRef = new Map<string, CoderPlan>();
  readonly codesByRef = new Map<string, CodePlan>();
  readonly documentsBySource = new Map<RefiTextSource, DocumentPlan>();
  private readonly childCodes = new Map<string, Map<string, CodePlan>>();
  private readonly existingCodeRows: Map<number, CodeRow>;
  private readonly codingKeys = new Set<string>();
  private fallbackCoder: CoderPlan | undefined;

  constructor(private readonly context: Context, fileName: string, kind: 'project' | 'codebook', origin: string | undefined) {
    const db = context.db;
    this.now = context.now();
    this.existingCoderUuids = uuidsOf(db, 'coders');
    this.existingCodeUuids = uuidsOf(db, 'codes');
    this.existingDocumentUuids = uuidsOf(db, 'documents');
    this.existingCodingUuids = uuidsOf(db, 'codings');
    this.existingAttributeUuids = uuidsOf(db, 'attributes');
    const documents = listDocumentIdentities(db);
    this.existingTitles = new Set(documents.map((row) => row.title.toLowerCase()));
    for (const row of documents) {
      this.documentsBySha.set(row.sha256, {
        key: `d${row.id}`, id: row.id, uuid: row.uuid, title: row.title, sourceName: row.title, codingKeys: new Set(),
      });
    }
    this.existingCodeRows = new Map(listCodes(db).map((row) => [row.id, row]));
    this.plan = {
      summary: {
        file: fileName,
        kind,
        origin: origin ?? null,
        mode: projectHasContent(db) ? 'merge' : 'new project',
        applied: false,
        documents: { created: 0, matched: 0, items: [] },
        codes: { created: 0, matched: 0 },
        codings: { created: 0, alreadyPresent: 0 },
        coders: { created: 0, matched: 0, renamed: [] },
        memos: { created: 0, alreadyPresent: 0 },
        attributes: { created: 0, values: 0 },
        positions: [],
        skipped: [],
        notes: [],
      },
      coders: [],
      codes: [],
      documents: [],
      attributes: [],
      values: [],
      codings: [],
      memos: [],
    };
  }

  private newKey(prefix: string): string {
    return `${prefix}n${++this.keyCounter}`;
  }

  /** The file's GUID when Gloss can keep it (well-formed and not taken), else a new one. */
  keepGuid(guid: string | undefined, existing: Set<string>): string {
    const normalized = normalizeGuid(guid);
    let used = this.usedUuids.get(existing);
    if (!used) {
      used = new Set();
      this.usedUuids.set(existing, used);
    }
    if (normalized !== undefined && !existing.has(normalized) && !used.has(normalized)) {
      used.add(normalized);
      return normalized;
    }
    let fresh = randomUUID();
    while (existing.has(fresh)) fresh = randomUUID();
    return fresh;
  }

  private refKey(guid: string | undefined): string | undefined {
    if (guid === undefined) return undefined;
    return normalizeGuid(guid) ?? guid.trim();
  }

  // Coders ------------------------------------------------------------------------------------

  private uniqueCoderName(wanted: string): string {
    const taken = (name: string): boolean => findCoderByName(this.context.db, name) !== undefined || this.plannedCoderNames.has(name.toLowerCase());
    if (!taken(wanted)) return wanted;
    for (let n = 2; ; n++) {
      const candidate = `${wanted} (${n})`;
      if (!taken(candidate)) return candidate;
    }
  }

  addUser(user: RefiUser): CoderPlan {
    const key = this.refKey(user.guid) ?? this.newKey('u');
    const known = this.codersByRef.get(key);
    if (known) return known;
    const normalized = normalizeGuid(user.guid);
    let plan: CoderPlan;
    if (normalized !== undefined && this.existingCoderUuids.has(normalized)) {
      const row = this.context.db.prepare('SELECT id, name FROM coders WHERE uuid = ?').get(normalized) as { id: number; name: string };
      plan = { key, id: row.id, uuid: normalized, name: row.name, create: false };
      this.plan.summary.coders.matched++;
    } else {
      const wanted = (user.name ?? user.id ?? '').replace(/\p{Cc}+/gu, ' ').trim() || `User ${(normalized ?? key).slice(0, 8)}`;
      const name = this.uniqueCoderName(wanted.slice(0, 200));
      if (name !== wanted) this.plan.summary.coders.renamed.push({ name: wanted, as: name });
      plan = { key, uuid: this.keepGuid(user.guid, this.existingCoderUuids), name, create: true };
      this.plannedCoderNames.add(name.toLowerCase());
      this.plan.coders.push(plan);
      this.plan.summary.coders.created++;
    }
    this.codersByRef.set(key, plan);
    return plan;
  }

  /** The coder a reference names; users the file does not declare are created for it. */
  coder(ref: string | undefined, project: RefiProject | undefined): CoderPlan {
    const key = this.refKey(ref);
    if (key !== undefined) {
      const known = this.codersByRef.get(key);
      if (known) return known;
      this.notes.push(`The file names a user ${ref} that it does not list; Gloss added that user as a coder.`);
      return this.addUser({ guid: ref! });
    }
    if (!this.fallbackCoder) {
      const creator = this.refKey(project?.creatingUserGUID);
      this.fallbackCoder = creator !== undefined ? this.codersByRef.get(creator) : undefined;
      if (!this.fallbackCoder) {
        const row = findCoderByName(this.context.db, 'unknown coder');
        this.fallbackCoder = row
          ? { key: `c${row.id}`, id: row.id, uuid: row.uuid, name: row.name, create: false }
          : this.addUser({ guid: randomUUID(), name: 'unknown coder' });
      }
      this.notes.push(`Some codings name no user; they were given to "${this.fallbackCoder.name}".`);
    }
    return this.fallbackCoder;
  }

  // Codes -------------------------------------------------------------------------------------

  private existingChild(parent: CodePlan | null, name: string): CodeRow | undefined {
    if (parent !== null && parent.id === undefined) return undefined;
    return findChildCode(this.context.db, parent?.id ?? null, name);
  }

  private existingPlan(row: CodeRow): CodePlan {
    const names = [row.name];
    for (let parentId = row.parent_id; parentId !== null;) {
      const parent = this.existingCodeRows.get(parentId)!;
      names.unshift(parent.name);
      parentId = parent.parent_id;
    }
    return { key: `c${row.id}`, id: row.id, uuid: row.uuid, name: row.name, parent: null, names };
  }

  addCodes(codes: readonly RefiCode[]): void {
    const planOf = new Map<RefiCode, CodePlan>();
    let folders = 0;
    let mergedByPath = 0;
    for (const { code, parent } of walkCodes(codes)) {
      const parentPlan = parent === null ? null : planOf.get(parent)!;
      const name = codeName(code.name);
      if (!code.isCodable) folders++;
      const normalized = normalizeGuid(code.guid);
      let plan: CodePlan | undefined;
      if (normalized !== undefined && this.existingCodeUuids.has(normalized)) {
        const row = this.context.db.prepare('SELECT * FROM codes WHERE uuid = ?').get(normalized) as CodeRow;
        plan = this.existingPlan(row);
        this.plan.summary.codes.matched++;
      } else {
        const existing = this.existingChild(parentPlan, name);
        const siblings = this.childCodes.get(parentPlan?.key ?? 'root');
        const planned = siblings?.get(name.toLowerCase());
        if (existing) {
          plan = this.existingPlan(existing);
          this.plan.summary.codes.matched++;
        } else if (planned) {
          plan = planned;
          mergedByPath++;
        } else {
          const color = codeColor(code.color);
          plan = {
            key: this.newKey('c'),
            uuid: this.keepGuid(code.guid, this.existingCodeUuids),
            name,
            parent: parentPlan,
            names: [...(parentPlan?.names ?? []), name],
            create: { ...(color !== undefined ? { color } : {}), description: code.description ?? '' },
          };
          if (code.color !== undefined && color === undefined) this.skips.add('code colour', `"${code.color}" is not a colour (#RRGGBB); the code got one from Gloss's palette`, name);
          this.plan.codes.push(plan);
          this.plan.summary.codes.created++;
        }
      }
      const siblingKey = parentPlan?.key ?? 'root';
      if (!this.childCodes.has(siblingKey)) this.childCodes.set(siblingKey, new Map());
      this.childCodes.get(siblingKey)!.set(name.toLowerCase(), plan);
      planOf.set(code, plan);
      const ref = this.refKey(code.guid);
      if (ref !== undefined) this.codesByRef.set(ref, plan);
    }
    if (folders > 0) {
      this.notes.push(`${folders} code${folders === 1 ? ' is a folder' : 's are folders'} (isCodable="false") in the file; Gloss has no folders, so ${folders === 1 ? 'it is an ordinary code' : 'they are ordinary codes'}.`);
    }
    if (mergedByPath > 0) {
      this.notes.push(`${mergedByPath} code${mergedByPath === 1 ? '' : 's'} had the same name as a sibling in the file and ${mergedByPath === 1 ? 'was' : 'were'} merged into it.`);
    }
    // ATLAS.ti 8 names sub-codes "Coke::diet Coke" in a flat list: they stay flat names, as
    // the file does not nest them.
  }

  codeMemos(codes: readonly RefiCode[], notes: NoteBook): void {
    for (const { code } of walkCodes(codes)) {
      const plan = this.codesByRef.get(this.refKey(code.guid) ?? '');
      for (const ref of code.noteRefs) {
        if (plan) notes.attach(ref, { kind: 'code', code: plan }, `code "${code.name}"`);
      }
    }
  }

  // Documents ---------------------------------------------------------------------------------

  private uniqueTitle(wanted: string): string {
    const taken = (title: string): boolean => this.existingTitles.has(title.toLowerCase()) || this.plannedTitles.has(title.toLowerCase());
    let title = wanted;
    for (let n = 2; taken(title); n++) title = `${wanted} (${n})`;
    this.plannedTitles.add(title.toLowerCase());
    return title;
  }

  addDocument(source: RefiTextSource, found: Extract<SourceTextResult, { ok: true }>, text: SourceText): DocumentPlan | undefined {
    const label = source.name ?? source.guid;
    const canonical = text.canonical;
    if (canonical.trim() === '') {
      this.skips.add('source', 'its text is empty (Gloss has no empty documents)', label);
      return undefined;
    }
    const sha256 = sha256Hex(canonical);
    const known = this.documentsBySha.get(sha256);
    if (known) {
      if (known.create) {
        this.notes.push(`The sources "${known.sourceName}" and "${label}" hold the same text: they are one document in Gloss, "${known.title}", with the codings of both.`);
      } else {
        this.plan.summary.documents.matched++;
        this.plan.summary.documents.items.push({ source: label, title: known.title, status: 'matched', characters: text.length });
        if (known.codingKeys.size === 0) {
          for (const row of codingKeysOfDocument(this.context.db, known.id!)) known.codingKeys.add(`e${row.code_id}|e${row.coder_id}|${row.start}|${row.end}`);
        }
      }
      this.documentsBySource.set(source, known);
      return known;
    }
    const blocks = found.blocks ?? plainTextBlocks(canonical);
    if (blocks.length === 0) {
      this.skips.add('source', 'its text is empty (Gloss has no empty documents)', label);
      return undefined;
    }
    assertValidBlocks(blocks, text.length);
    const title = this.uniqueTitle((source.name ?? '').replace(/\p{Cc}+/gu, ' ').trim().slice(0, 500) || titleFromPath(found.from) || `Source ${source.guid.slice(0, 8)}`);
    const plan: DocumentPlan = {
      key: this.newKey('d'),
      uuid: this.keepGuid(source.guid, this.existingDocumentUuids),
      title,
      sourceName: label,
      create: {
        text: canonical,
        blocks,
        sha256,
        format: source.from?.kind === 'PDFSource' ? 'pdf' : found.format,
        encoding: found.encoding,
        length: text.length,
      },
      codingKeys: new Set(),
    };
    this.documentsBySha.set(sha256, plan);
    this.documentsBySource.set(source, plan);
    this.plan.documents.push(plan);
    this.plan.summary.documents.created++;
    this.plan.summary.documents.items.push({ source: label, title, status: 'created', characters: text.length });
    return plan;
  }

  // Codings -----------------------------------------------------------------------------------

  /** A coding of [start, end) unless it is already there; returns it (new or not) or undefined. */
  addCoding(
    document: DocumentPlan,
    text: SourceText,
    coding: RefiCoding,
    range: { start: number; end: number },
    selection: RefiSelection | undefined,
    project: RefiProject,
  ): CodingPlan | undefined {
    const where = `${document.title} [${range.start}, ${range.end})`;
    const codeKey = this.refKey(coding.codeRef);
    const code = codeKey === undefined ? undefined : this.codesByRef.get(codeKey);
    if (!code) {
      this.skips.add('coding', coding.codeRef === undefined ? 'it names no code (no CodeRef)' : 'its code is not in the codebook', `${where} → ${coding.codeRef ?? '?'}`);
      return undefined;
    }
    const coder = this.coder(coding.creatingUser ?? selection?.creatingUser, project);
    const normalized = normalizeGuid(coding.guid);
    const key = `${identity(code)}|${identity(coder)}|${range.start}|${range.end}`;
    if ((normalized !== undefined && this.existingCodingUuids.has(normalized)) || document.codingKeys.has(key) || this.codingKeys.has(`${document.key}|${key}`)) {
      this.plan.summary.codings.alreadyPresent++;
      return undefined;
    }
    this.codingKeys.add(`${document.key}|${key}`);
    const createdAt = isoTime(coding.creationDateTime) ?? isoTime(selection?.creationDateTime) ?? this.now;
    const plan: CodingPlan = {
      uuid: this.keepGuid(coding.guid, this.existingCodingUuids),
      document,
      code,
      coder,
      start: range.start,
      end: range.end,
      quote: text.slice(range.start, range.end),
      createdAt,
      updatedAt: isoTime(selection?.modifiedDateTime) ?? createdAt,
    };
    this.plan.codings.push(plan);
    this.plan.summary.codings.created++;
    return plan;
  }

  positions(document: DocumentPlan, source: RefiTextSource, text: SourceText, origin: string | undefined, notes: NoteBook, project: RefiProject): void {
    const label = source.name ?? source.guid;
    const usable: RefiSelection[] = [];
    for (const selection of source.selections) {
      if (Number.isNaN(selection.start) || Number.isNaN(selection.end)) {
        this.skips.add('selection', 'its startPosition or endPosition is not a whole number', `${label}: ${selection.guid}`);
      } else {
        usable.push(selection);
      }
    }
    const decision = decidePositions(text, usable, origin);
    if (decision.interpretation === undefined) {
      const prior = decision.scores[0]!;
      const bad = usable.find((selection) => text.toCanonical(prior.interpretation, selection.start, 'start') === undefined || text.toCanonical(prior.interpretation, selection.end, 'end') === undefined)!;
      throw new GlossError('bad_file',
        `The selection ${bad.guid}${bad.name ? ` ("${shorten(bad.name, 40)}")` : ''} in the source "${label}" runs from ${bad.start} to ${bad.end}, ` +
        `past the end of its text (${text.unitLength(prior.interpretation)} positions, counted as ${describeInterpretation(prior.interpretation, text)}), ` +
        'however its positions are counted. The file is damaged or does not match its sources; nothing was imported.');
    }
    const interpretation = decision.interpretation;
    let mismatches = 0;
    const mismatchExamples: string[] = [];
    for (const selection of usable) {
      const start = text.toCanonical(interpretation, selection.start, 'start')!;
      const end = text.toCanonical(interpretation, selection.end, 'end')!;
      const where = `${label}: [${selection.start}, ${selection.end})`;
      if (end <= start) {
        this.skips.add('selection', selection.start > selection.end ? 'its start is after its end' : 'it is empty (start = end)', where, Math.max(1, selection.codings.length));
        continue;
      }
      const quote = text.slice(start, end);
      if (decision.named > 0 && selection.name !== undefined && selection.name.trim() !== '' && decision.scores.some((s) => s.nameMatches > 0) && !nameMatchesText(selection.name, quote)) {
        if (mismatches++ < 3) mismatchExamples.push(`[${selection.start}, ${selection.end}) named "${shorten(selection.name, 40)}" holds "${shorten(quote, 40)}"`);
      }
      const codings: CodingPlan[] = [];
      for (const coding of selection.codings) {
        const plan = this.addCoding(document, text, coding, { start, end }, selection, project);
        if (plan) {
          codings.push(plan);
          for (const ref of coding.noteRefs) notes.attachToCoding(ref, plan, `coding in "${label}"`);
        }
      }
      const memoTexts: Array<{ title: string; body: string }> = [];
      if (selection.description !== undefined) memoTexts.push({ title: '', body: selection.description });
      if (codings.length > 0) {
        for (const plan of codings) {
          for (const memo of memoTexts) addMemoParts(plan, memo.title, memo.body, this.coder(selection.creatingUser, project), isoTime(selection.creationDateTime) ?? this.now, this.now);
          for (const ref of selection.noteRefs) notes.attachToCoding(ref, plan, `selection in "${label}"`);
        }
      } else if (memoTexts.length > 0 || selection.noteRefs.length > 0) {
        // An uncoded selection with a memo (how MAXQDA stores memos): a document memo that says where.
        const title = `On “${shorten(quote, 40)}” [${start}–${end})`;
        for (const memo of memoTexts) notes.direct({ kind: 'document', document }, title, memo.body, selection.creatingUser, selection.creationDateTime);
        for (const ref of selection.noteRefs) notes.attach(ref, { kind: 'document', document }, `selection in "${label}"`, title);
      } else if (selection.codings.length === 0) {
        this.skips.add('selection', 'it has no coding and no memo', `${where}`);
      }
    }
    for (const coding of source.codings) {
      const plan = this.addCoding(document, text, coding, { start: 0, end: text.length }, undefined, project);
      if (plan) for (const ref of coding.noteRefs) notes.attachToCoding(ref, plan, `coding of "${label}"`);
    }
    if (mismatches > 0) {
      this.notes.push(`${mismatches} selection name${mismatches === 1 ? '' : 's'} in "${label}" differ${mismatches === 1 ? 's' : ''} from the text at ${mismatches === 1 ? 'its' : 'their'} positions (e.g. ${mismatchExamples.join('; ')}); the codings were imported at the positions.`);
    }
    this.plan.summary.positions.push({
      source: label,
      document: document.title,
      rule: describeInterpretation(interpretation, text),
      reason: decision.reason,
      selections: usable.length,
      nameMismatches: mismatches,
    } satisfies PositionReport);
  }

  // Attributes --------------------------------------------------------------------------------

  private attributes = new Map<string, AttributePlan>();

  attribute(wanted: string, type: AttributeType, suffix: string, guid?: string): AttributePlan {
    const normalized = normalizeGuid(guid);
    if (normalized !== undefined) {
      const byGuid = this.context.db.prepare('SELECT * FROM attributes WHERE uuid = ?').get(normalized) as { id: number; name: string; type: string } | undefined;
      if (byGuid && byGuid.type === type) {
        const plan: AttributePlan = { key: `a${byGuid.id}`, id: byGuid.id, name: byGuid.name, type };
        this.attributes.set(byGuid.name.toLowerCase(), plan);
        return plan;
      }
    }
    let name = wanted.replace(/\p{Cc}+/gu, ' ').trim() || 'unnamed';
    if (RESERVED_ATTRIBUTE_NAMES.has(name.toLowerCase())) name = `${name} ${suffix}`;
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? name : `${name} (${n})`;
      const key = candidate.toLowerCase();
      const planned = this.attributes.get(key);
      if (planned) {
        if (planned.type === type) return planned;
        continue;
      }
      const existing = findAttributeByName(this.context.db, candidate);
      if (existing) {
        if (existing.type !== type) continue;
        const plan: AttributePlan = { key: `a${existing.id}`, id: existing.id, name: existing.name, type };
        this.attributes.set(key, plan);
        return plan;
      }
      const plan: AttributePlan = { key: this.newKey('a'), name: candidate, type, create: { uuid: this.keepGuid(guid, this.existingAttributeUuids) } };
      this.attributes.set(key, plan);
      this.plan.attributes.push(plan);
      this.plan.summary.attributes.created++;
      return plan;
    }
  }

  setValue(attribute: AttributePlan, document: DocumentPlan, raw: string, label: string): void {
    const checked = checkAttributeValue(attribute.type, raw);
    if (!checked.ok) {
      this.skips.add('variable value', `it does not fit the ${attribute.type} attribute "${attribute.name}"`, `${label}: ${checked.message}`);
      return;
    }
    const existing = document.id !== undefined && attribute.id !== undefined ? findAttributeValue(this.context.db, document.id, attribute.id) : undefined;
    if (existing?.value === checked.value) return;
    if (existing) {
      this.skips.add('variable value', 'the document already has a value for this attribute (kept)', `${document.title}: ${attribute.name}`);
      return;
    }
    if (this.plan.values.some((value) => value.attribute === attribute && value.document === document)) return;
    this.plan.values.push({ attribute, document, value: checked.value });
    this.plan.summary.attributes.values++;
  }
}

/** What identifies a coder or code in a coding's key: its row, or its place in the plan. */
function identity(plan: { id?: number; key: string }): string {
  return plan.id !== undefined ? `e${plan.id}` : plan.key;
}

function titleFromPath(path: string): string {
  const base = path.split('/').pop() ?? path;
  return base.replace(/\.[^.]+$/, '').trim();
}

function addMemoParts(target: { memo?: MemoParts }, title: string, body: string, coder: CoderPlan | undefined, createdAt: string, updatedAt: string): void {
  if (title.trim() === '' && body.trim() === '') return;
  if (!target.memo) target.memo = { uuid: randomUUID(), titles: [], bodies: [], ...(coder ? { coder } : {}), createdAt, updatedAt };
  if (title.trim() !== '' && !target.memo.titles.includes(title)) target.memo.titles.push(title);
  if (body.trim() !== '') target.memo.bodies.push(body);
}

/** Notes and what they are attached to; every note that ends up attached to nothing becomes a project memo. */
class NoteBook {
  private readonly byRef = new Map<string, RefiNote>();
  private readonly used = new Set<RefiNote>();
  private readonly usedUuids = new Set<string>();

  constructor(
    private readonly planner: Planner,
    private readonly project: RefiProject,
    private readonly texts: Map<RefiNote, string>,
    private readonly existingMemoUuids: Set<string>,
    private readonly now: string,
  ) {
    for (const note of project.notes) {
      const key = normalizeGuid(note.guid) ?? note.guid.trim();
      this.byRef.set(key, note);
    }
  }

  private note(ref: string, where: string): RefiNote | undefined {
    const note = this.byRef.get(normalizeGuid(ref) ?? ref.trim());
    if (!note) this.planner.skips.add('note reference', 'the note it points to is not in the file', `${where} → ${ref}`);
    if (note && this.isPresent(note)) {
      if (!this.used.has(note)) this.planner.plan.summary.memos.alreadyPresent++;
      this.used.add(note);
      return undefined;
    }
    return note;
  }

  /** A note whose GUID is a memo of this project already (the same file imported again). */
  private isPresent(note: RefiNote): boolean {
    const normalized = normalizeGuid(note.guid);
    return normalized !== undefined && this.existingMemoUuids.has(normalized);
  }

  private body(note: RefiNote): string {
    const content = this.texts.get(note) ?? '';
    const description = note.description ?? '';
    if (description.trim() === '') return content;
    if (content.trim() === '') return description;
    return `${description}\n\n${content}`;
  }

  private uuidFor(note: RefiNote): string {
    const normalized = normalizeGuid(note.guid);
    if (normalized !== undefined && !this.existingMemoUuids.has(normalized) && !this.usedUuids.has(normalized)) {
      this.usedUuids.add(normalized);
      return normalized;
    }
    return randomUUID();
  }

  attach(ref: string, target: MemoTargetPlan, where: string, title?: string): void {
    const note = this.note(ref, where);
    if (!note) return;
    this.used.add(note);
    const body = this.body(note);
    const name = note.name ?? '';
    if (body.trim() === '' && name.trim() === '' && (title ?? '').trim() === '') return;
    this.planner.plan.memos.push({
      uuid: this.uuidFor(note),
      target,
      titles: [title !== undefined && name.trim() !== '' ? `${name} — ${title}` : (title ?? name)],
      bodies: [body],
      ...this.author(note),
      createdAt: isoTime(note.creationDateTime) ?? this.now,
      updatedAt: isoTime(note.modifiedDateTime) ?? isoTime(note.creationDateTime) ?? this.now,
    });
  }

  attachToCoding(ref: string, coding: CodingPlan, where: string): void {
    const note = this.note(ref, where);
    if (!note) return;
    this.used.add(note);
    const hadMemo = coding.memo !== undefined;
    addMemoParts(coding, note.name ?? '', this.body(note), this.author(note).coder, isoTime(note.creationDateTime) ?? this.now, isoTime(note.modifiedDateTime) ?? this.now);
    if (!hadMemo && coding.memo) coding.memo.uuid = this.uuidFor(note);
  }

  direct(target: MemoTargetPlan, title: string, body: string, user: string | undefined, created: string | undefined): void {
    this.planner.plan.memos.push({
      uuid: randomUUID(),
      target,
      titles: [title],
      bodies: [body],
      ...(user !== undefined ? { coder: this.planner.coder(user, this.project) } : {}),
      createdAt: isoTime(created) ?? this.now,
      updatedAt: isoTime(created) ?? this.now,
    });
  }

  private author(note: RefiNote): { coder?: CoderPlan } {
    return note.creatingUser !== undefined ? { coder: this.planner.coder(note.creatingUser, this.project) } : {};
  }

  isUsed(note: RefiNote): boolean {
    return this.used.has(note);
  }

  markUsed(note: RefiNote): void {
    this.used.add(note);
  }

  /** Notes nothing pointed to (or only things not imported): project memos, so none is lost. */
  rest(): void {
    for (const note of this.project.notes) {
      if (this.used.has(note)) continue;
      this.attach(note.guid, { kind: 'project' }, 'project');
    }
  }
}

function codeSetMemo(set: RefiSet, planner: Planner, project: RefiProject | undefined, origin: string | undefined): { title: string; body: string } | undefined {
  const lines: string[] = [];
  if (set.description !== undefined && set.description.trim() !== '') lines.push(set.description.trim(), '');
  const codes = set.memberCodes.map((ref) => planner.codesByRef.get(normalizeGuid(ref) ?? ref.trim()));
  const known = codes.filter((code): code is CodePlan => code !== undefined);
  if (known.length === 0) return undefined;
  lines.push(`Codes in this set${origin ? ` (from ${origin})` : ''}:`);
  for (const code of known) lines.push(`- ${formatCodePath(code.names)}`);
  if (set.memberNotes.length > 0 && project) {
    const names = set.memberNotes.map((ref) => project.notes.find((note) => (normalizeGuid(note.guid) ?? note.guid) === (normalizeGuid(ref) ?? ref))?.name).filter((name) => name !== undefined);
    if (names.length > 0) lines.push('', `Notes in this set: ${names.join(', ')}`);
  }
  return { title: `Code set "${set.name}"`, body: lines.join('\n') };
}

function planSets(planner: Planner, sets: readonly RefiSet[], project: RefiProject | undefined, origin: string | undefined): void {
  let sourceSets = 0;
  let emptySourceSets = 0;
  let codeSets = 0;
  for (const set of sets) {
    const name = set.name.trim() || set.guid;
    if (set.memberCodes.length === 0 && set.memberSources.length === 0 && set.memberNotes.length === 0) {
      planner.skips.add('set', 'it is empty', name);
      continue;
    }
    if (set.memberSources.length > 0) {
      const documents = set.memberSources
        .map((ref) => project?.sources.find((source) => (normalizeGuid(source.guid) ?? source.guid) === (normalizeGuid(ref) ?? ref) || (source.from && (normalizeGuid(source.from.guid) ?? source.from.guid) === (normalizeGuid(ref) ?? ref))))
        .map((source) => (source ? planner.documentsBySource.get(source) : undefined))
        .filter((document): document is DocumentPlan => document !== undefined);
      if (documents.length === 0) {
        // Keep the set as a memo naming its members, as for code sets.
        const members = set.memberSources.map((ref) => {
          const source = project?.sources.find((item) => (normalizeGuid(item.guid) ?? item.guid) === (normalizeGuid(ref) ?? ref) || (item.from && (normalizeGuid(item.from.guid) ?? item.from.guid) === (normalizeGuid(ref) ?? ref)));
          return source?.name ?? project?.unsupported.find((item) => item.guid !== undefined && (normalizeGuid(item.guid) ?? item.guid) === (normalizeGuid(ref) ?? ref))?.name ?? ref;
        });
        const lines = [...(set.description?.trim() ? [set.description.trim(), ''] : []), `Sources in this set${origin ? ` (from ${origin})` : ''}, none of them imported:`, ...members.map((member) => `- ${member}`)];
        planner.plan.memos.push({ uuid: randomUUID(), target: { kind: 'project' }, titles: [`Source set "${name}"`], bodies: [lines.join('\n')], createdAt: planner.now, updatedAt: planner.now });
        emptySourceSets++;
      } else {
        const attribute = planner.attribute(name, 'boolean', '(set)');
        for (const document of documents) planner.setValue(attribute, document, 'true', `set "${name}"`);
        sourceSets++;
      }
    }
    if (set.memberCodes.length > 0) {
      const memo = codeSetMemo(set, planner, project, origin);
      if (!memo) {
        planner.skips.add('set', 'none of its codes is in the codebook', name);
      } else {
        planner.plan.memos.push({ uuid: randomUUID(), target: { kind: 'project' }, titles: [memo.title], bodies: [memo.body], createdAt: planner.now, updatedAt: planner.now });
        codeSets++;
      }
    }
  }
  if (sourceSets > 0) {
    planner.notes.push(`${sourceSets} set${sourceSets === 1 ? '' : 's'} of sources became yes/no document attributes named after the set (yes on its members), so they filter documents and group the matrix.`);
  }
  if (emptySourceSets > 0) {
    planner.notes.push(`${emptySourceSets} set${emptySourceSets === 1 ? '' : 's'} of sources whose sources were not imported became project memos ("Source set …") naming their sources.`);
  }
  if (codeSets > 0) {
    planner.notes.push(`${codeSets} set${codeSets === 1 ? '' : 's'} of codes became project memos ("Code set …") listing their codes: Gloss has no code groups, and a code keeps its one place in the tree.`);
  }
}

function planVariables(planner: Planner, project: RefiProject): void {
  if (project.variables.length === 0) return;
  const variables = new Map(project.variables.map((variable) => [normalizeGuid(variable.guid) ?? variable.guid.trim(), variable]));
  const plans = new Map<RefiVariable, ReturnType<Planner['attribute']>>();
  for (const source of project.sources) {
    const document = planner.documentsBySource.get(source);
    for (const value of source.variableValues) {
      const variable = variables.get(normalizeGuid(value.variableRef) ?? value.variableRef.trim());
      const label = `${source.name ?? source.guid}`;
      if (!variable) {
        planner.skips.add('variable value', 'its variable is not declared in the file', `${label} → ${value.variableRef}`);
        continue;
      }
      if (!document) {
        planner.skips.add('variable value', 'its source was not imported', `${label}: ${variable.name}`);
        continue;
      }
      if (value.value.trim() === '') continue;
      let plan = plans.get(variable);
      if (!plan) {
        plan = planner.attribute(variable.name, VARIABLE_TO_ATTRIBUTE[variable.type], '(variable)', variable.guid);
        plans.set(variable, plan);
      }
      planner.setValue(plan, document, value.value, label);
    }
  }
  if (project.variables.some((variable) => variable.type === 'DateTime')) planner.notes.push('DateTime variables became text attributes (Gloss attributes hold dates without a time).');
  const caseValues = project.cases.reduce((sum, item) => sum + item.variableValues.length, 0);
  if (project.cases.length > 0) {
    planner.skips.add('case', `Gloss has no cases${caseValues > 0 ? ` (their ${caseValues} variable values are not imported)` : ''}`, project.cases[0]!.name ?? project.cases[0]!.guid, project.cases.length);
  }
}

/** Decide what the file becomes in this project. Reads the project, writes nothing. */
export function planImport(context: Context, fileName: string, loaded: LoadedRefi): ImportPlan {
  if (loaded.kind === 'codebook') {
    const planner = new Planner(context, fileName, 'codebook', loaded.codebook.origin);
    planner.addCodes(loaded.codebook.codes);
    planSets(planner, loaded.codebook.sets, undefined, loaded.codebook.origin);
    return finish(planner);
  }
  const { project } = loaded;
  const planner = new Planner(context, fileName, 'project', project.origin);
  for (const user of project.users) planner.addUser(user);
  planner.addCodes(project.codes);
  const notes = new NoteBook(planner, project, loaded.noteTexts, uuidsOf(context.db, 'memos'), context.now());
  planner.codeMemos(project.codes, notes);

  for (const source of project.sources) {
    const found = loaded.texts.get(source)!;
    const label = source.name ?? source.guid;
    const codings = source.selections.reduce((sum, selection) => sum + selection.codings.length, 0) + source.codings.length;
    if (!found.ok) {
      planner.skips.add('source', found.reason, found.path === undefined ? label : `${label} (${found.path})`);
      if (codings > 0) planner.skips.add('coding', 'its source\'s text is not in the file', label, codings);
      continue;
    }
    const text = new SourceText(found.raw);
    const document = planner.addDocument(source, found, text);
    if (!document) {
      if (codings > 0) planner.skips.add('coding', 'its source was not imported', label, codings);
      continue;
    }
    planner.positions(document, source, text, project.origin, notes, project);
    for (const ref of source.noteRefs) notes.attach(ref, { kind: 'document', document }, `source "${label}"`);
    if (source.description !== undefined && source.description.trim() !== '') {
      notes.direct({ kind: 'document', document }, 'Description', source.description, source.creatingUser, source.creationDateTime);
    }
  }

  // ATLAS.ti links a memo to a quotation with a Link; Gloss attaches it like a NoteRef.
  const noteByGuid = new Map(project.notes.map((note) => [normalizeGuid(note.guid) ?? note.guid, note]));
  for (const link of project.links) {
    const origin = noteByGuid.get(normalizeGuid(link.originGUID) ?? link.originGUID ?? '');
    const target = noteByGuid.get(normalizeGuid(link.targetGUID) ?? link.targetGUID ?? '');
    const note = origin ?? target;
    const other = origin ? link.targetGUID : link.originGUID;
    const selection = other === undefined ? undefined : selectionOf(project, other);
    const guids = new Set(selection?.codings.map((c) => normalizeGuid(c.guid) ?? c.guid) ?? []);
    const codingsOfOther = guids.size === 0 ? [] : planner.plan.codings.filter((coding) => guids.has(coding.uuid));
    if (note && codingsOfOther.length > 0) {
      for (const coding of codingsOfOther) notes.attachToCoding(note.guid, coding, `link "${link.name ?? link.guid}"`);
    } else {
      planner.skips.add('link', note ? 'it links a note to something Gloss did not import (a picture, audio or video selection, …)' : 'Gloss has no links between items', link.name ?? link.guid);
    }
  }

  for (const ref of project.noteRefs) notes.attach(ref, { kind: 'project' }, 'project');
  notes.rest();
  planVariables(planner, project);
  planSets(planner, project.sets, project, project.origin);

  for (const item of project.unsupported) planner.skips.add(item.kind, item.reason, item.name);
  if (planner.plan.summary.mode === 'new project') {
    const name = project.name.trim();
    const current = getProjectRow(context.db);
    if (name !== '' && current && current.name !== name) planner.plan.rename = name.slice(0, 500);
    if (project.description !== undefined && project.description.trim() !== '') {
      planner.plan.memos.push({ uuid: randomUUID(), target: { kind: 'project' }, titles: ['Project description'], bodies: [project.description], createdAt: planner.now, updatedAt: planner.now });
    }
  }
  return finish(planner);
}

function selectionOf(project: RefiProject, guid: string): RefiSelection | undefined {
  const wanted = normalizeGuid(guid) ?? guid;
  for (const source of project.sources) {
    for (const selection of source.selections) if ((normalizeGuid(selection.guid) ?? selection.guid) === wanted) return selection;
  }
  return undefined;
}

function finish(planner: Planner): ImportPlan {
  const summary = planner.plan.summary;
  summary.memos.created = planner.plan.memos.length + planner.plan.codings.filter((coding) => coding.memo !== undefined).length;
  summary.skipped = planner.skips.list();
  summary.notes = [...new Set(planner.notes)];
  return planner.plan;
}

// ---------------------------------------------------------------------------------------------
// Applying

/** Write the plan: coders, codes (parents first), documents, attributes, codings, memos. */
export function applyPlan(context: Context, recorder: Recorder, plan: ImportPlan): ExchangeImportSummary {
  const now = context.now();
  if (plan.rename !== undefined) recorder.update('project', 1, { name: plan.rename });
  for (const coder of plan.coders) {
    coder.id = recorder.insert('coders', { uuid: coder.uuid, name: coder.name, created_at: now }).id;
  }
  let codeCount = countCodes(context.db);
  for (const code of plan.codes) {
    const parentId = code.parent?.id ?? null;
    code.id = recorder.insert('codes', {
      uuid: code.uuid,
      parent_id: parentId,
      name: code.name,
      color: code.create!.color ?? defaultColor(codeCount),
      description: code.create!.description,
      position: nextCodePosition(context.db, parentId),
      created_at: now,
      updated_at: now,
    }).id;
    codeCount++;
  }
  for (const document of plan.documents) {
    const create = document.create!;
    document.id = recorder.insert('documents', {
      uuid: document.uuid,
      title: document.title,
      text: create.text,
      length: create.length,
      block_count: create.blocks.length,
      blocks: JSON.stringify(create.blocks),
      sha256: create.sha256,
      source_name: document.sourceName.slice(0, 500),
      format: create.format,
      encoding: create.encoding,
      imported_at: now,
    }).id;
  }
  for (const attribute of plan.attributes) {
    attribute.id = recorder.insert('attributes', { uuid: attribute.create!.uuid, name: attribute.name, type: attribute.type, created_at: now }).id;
  }
  for (const value of plan.values) {
    recorder.insert('document_attributes', { document_id: value.document.id!, attribute_id: value.attribute.id!, value: value.value });
  }
  for (const coding of plan.codings) {
    coding.id = recorder.insert('codings', {
      uuid: coding.uuid,
      document_id: coding.document.id!,
      code_id: coding.code.id!,
      coder_id: coding.coder.id!,
      start: coding.start,
      end: coding.end,
      quote: coding.quote,
      created_at: coding.createdAt,
      updated_at: coding.updatedAt,
    }).id;
    if (coding.memo) {
      recorder.insert('memos', {
        uuid: coding.memo.uuid,
        coding_id: coding.id,
        coder_id: coding.memo.coder?.id ?? null,
        title: coding.memo.titles.join('; ').slice(0, 500),
        body: coding.memo.bodies.join('\n\n'),
        created_at: coding.memo.createdAt,
        updated_at: coding.memo.updatedAt,
      });
    }
  }
  for (const memo of plan.memos) {
    const target: Record<string, number> = {};
    if (memo.target.kind === 'document') target.document_id = memo.target.document.id!;
    if (memo.target.kind === 'code') target.code_id = memo.target.code.id!;
    recorder.insert('memos', {
      uuid: memo.uuid,
      ...target,
      coder_id: memo.coder?.id ?? null,
      title: memo.titles.filter((title) => title.trim() !== '').join('; ').slice(0, 500),
      body: memo.bodies.join('\n\n'),
      created_at: memo.createdAt,
      updated_at: memo.updatedAt,
    });
  }
  return { ...plan.summary, applied: true };
}

export function summaryLine(summary: ExchangeImportSummary): string {
  const s = summary;
  return `Import ${s.kind === 'codebook' ? 'codebook' : 'project'} ${s.file}${s.origin ? ` (${s.origin})` : ''}: ` +
    `${s.documents.created} documents, ${s.codes.created} codes, ${s.codings.created} codings, ${s.memos.created} memos, ${s.coders.created} coders`;
}
