/**
 * The project the benchmark sections share, built once and in stages through the real service:
 *
 *   imported()  documents imported, codebook and coders added (no codings yet); a snapshot of
 *               the file at that point is kept for raw baselines;
 *   coded()     every planned coding applied with `codings.apply`, one call per coding.
 *
 * A section asks for the stage it needs; a stage that has not run yet runs then, whether or not
 * its own section was selected, and records its timings so its section can report them.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { CodePointIndex } from '../../app/domain/codepoints.js';
import { appendEvent } from '../../app/store/events.js';
import type { Row } from '../../app/store/recorder.js';
import { GlossService } from '../../app/service/service.js';
import {
  generateCodeTree,
  generateCoderNames,
  generateCodings,
  generateDocuments,
  type CodingPlan,
  type GeneratedCode,
  type GeneratedDocument,
  type ProjectParams,
} from './generateProject.js';
import { formatCount, formatDuration, now, Samples, secondsSince } from './timing.js';

export interface BenchOptions {
  scale: number;
  params: ProjectParams;
  /** A fresh temporary folder for every file the run writes. */
  dir: string;
  /** Run all codings through the service only when the first ones predict at most this. */
  serviceBudgetSeconds: number;
  /** Otherwise, how many `codings.apply` calls to measure. */
  serviceSample: number;
}

export interface ImportedDocument {
  uuid: string;
  title: string;
  /** Length in code points, from `documents.list`. */
  characters: number;
  bytes: number;
}

export interface ImportedProject {
  /** The project file, closed. */
  file: string;
  /** A copy of the file before any coding: where raw baselines start from. */
  snapshot: string;
  /** In generation order (document i is generated document i). */
  documents: ImportedDocument[];
  /** In generation order, with their uuids. */
  codes: Array<GeneratedCode & { uuid: string }>;
  coders: string[];
  textBytes: number;
  generateSeconds: number;
  importSeconds: number;
  importPerDocument: Samples;
  /** The file's size after the import, with the WAL checkpointed (file closed). */
  fileBytesAfterImport: number;
  codebookSeconds: number;
}

/** One coding row exactly as the `codings` table holds it. */
export interface CodingRowValues {
  uuid: string;
  document_id: number;
  code_id: number;
  coder_id: number;
  start: number;
  end: number;
  quote: string;
  created_at: string;
  updated_at: string;
}

export interface BudgetedRun {
  /** Steps run (all of them unless sampled). */
  done: number;
  total: number;
  seconds: number;
  /** The time all steps would take, extrapolated from the first `probe` ones. */
  estimatedSeconds: number;
  probe: number;
  probeSeconds: number;
  sampled: boolean;
  /** The run was cut short because it took twice its budget (after a hopeful estimate). */
  stoppedByTime: boolean;
  /** Seconds per step, for the `done` steps. */
  perStep: Float64Array;
}

export interface CodedProject {
  file: string;
  service: BudgetedRun;
  /** Codings not applied through the service but written raw with their events, so that the project is whole. */
  filled: number;
  fillSeconds: number;
  fileBytes: number;
  events: number;
  codings: number;
}

export const CODING_COLUMNS = ['uuid', 'document_id', 'code_id', 'coder_id', 'start', 'end', 'quote', 'created_at', 'updated_at'] as const;
export const INSERT_CODING_SQL = `INSERT INTO codings (${CODING_COLUMNS.join(', ')}) VALUES (${CODING_COLUMNS.map((c) => `@${c}`).join(', ')})`;

/** Progress for long stages, on stderr so that stdout stays the report. */
export function progress(text: string): void {
  process.stderr.write(`[bench] ${text}\n`);
}

/** Open a project file with better-sqlite3 and the same PRAGMAs the service sets (app/store/projectFile.ts). */
export function openRaw(file: string): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * Run `step(0..total-1)`, timing every step. After the first `probe` steps, extrapolate; if all
 * of them would take longer than `budgetSeconds`, stop after `sample` steps instead. The first
 * steps can be cheaper than later ones, so a run also stops once it has taken twice the budget.
 */
export async function runBudgeted(
  total: number,
  options: { probe: number; budgetSeconds: number; sample: number; label: string },
  step: (i: number) => unknown,
): Promise<BudgetedRun> {
  const perStep = new Float64Array(total);
  const probe = Math.min(options.probe, total);
  let limit = total;
  let probeSeconds = 0;
  let estimatedSeconds = Number.NaN;
  let stoppedByTime = false;
  let lastProgress = now();
  const start = now();
  let done = 0;
  while (done < limit) {
    const stepStart = now();
    await step(done);
    perStep[done] = secondsSince(stepStart);
    done++;
    if (done === probe) {
      probeSeconds = secondsSince(start);
      estimatedSeconds = (probeSeconds / probe) * total;
      if (estimatedSeconds > options.budgetSeconds) limit = Math.min(total, Math.max(probe, options.sample));
    }
    if (done % 256 === 0 && secondsSince(lastProgress) > 15) {
      lastProgress = now();
      const elapsed = secondsSince(start);
      progress(`${options.label}: ${formatCount(done)} / ${formatCount(limit)} after ${formatDuration(elapsed)}`);
      if (elapsed > 2 * options.budgetSeconds && done < limit) {
        stoppedByTime = true;
        limit = done;
      }
    }
  }
  return {
    done,
    total,
    seconds: secondsSince(start),
    estimatedSeconds,
    probe,
    probeSeconds,
    sampled: done < total,
    stoppedByTime,
    perStep: perStep.subarray(0, done),
  };
}

export class Bench {
  readonly options: BenchOptions;
  private importedStage: Promise<ImportedProject> | undefined;
  private codedStage: Promise<CodedProject> | undefined;
  private plan: CodingPlan | undefined;
  private rows: CodingRowValues[] | undefined;
  private fileCounter = 0;

  constructor(options: BenchOptions) {
    this.options = options;
  }

  get params(): ProjectParams {
    return this.options.params;
  }

  /** A path in the run's temporary folder that does not exist yet. */
  newFile(name: string): string {
    this.fileCounter++;
    const file = join(this.options.dir, `${String(this.fileCounter).padStart(2, '0')}-${name}`);
    if (existsSync(file)) throw new Error(`${file} exists`);
    return file;
  }

  /** A copy of the project as it was before any coding, for raw baselines. */
  copyOfSnapshot(imported: ImportedProject, name: string): string {
    return this.copyOf(imported.snapshot, name);
  }

  /** A copy of a closed project file (one without a WAL beside it). */
  copyOf(file: string, name: string): string {
    if (existsSync(`${file}-wal`)) throw new Error(`${file} is still open`);
    const copy = this.newFile(name);
    copyFileSync(file, copy);
    return copy;
  }

  imported(): Promise<ImportedProject> {
    this.importedStage ??= this.buildImported();
    return this.importedStage;
  }

  coded(): Promise<CodedProject> {
    this.codedStage ??= this.buildCoded();
    return this.codedStage;
  }

  private async buildImported(): Promise<ImportedProject> {
    const params = this.params;
    const generateStart = now();
    const generated: GeneratedDocument[] = generateDocuments(params);
    const generateSeconds = secondsSince(generateStart);
    const textBytes = generated.reduce((sum, document) => sum + document.data.byteLength, 0);
    progress(`generated ${formatCount(generated.length)} documents (${(textBytes / 1e6).toFixed(1)} MB) in ${formatDuration(generateSeconds)}`);

    const file = this.newFile('project.gloss');
    let service = GlossService.create(file, 'Gloss benchmark');
    const importPerDocument = new Samples();
    const importStart = now();
    for (const document of generated) {
      const start = now();
      const result = await service.run('documents.import', { fileName: document.fileName, data: document.data });
      importPerDocument.add(secondsSince(start));
      if (result.status !== 'imported') throw new Error(`${document.fileName} was not imported: ${result.status}`);
    }
    const importSeconds = secondsSince(importStart);
    service.close();
    const fileBytesAfterImport = statSync(file).size;
    progress(`imported in ${formatDuration(importSeconds)}`);

    service = GlossService.open(file);
    const listed = await service.run('documents.list', {});
    const byFileName = new Map(listed.map((summary) => [summary.sourceName, summary]));
    const documents = generated.map((document): ImportedDocument => {
      const summary = byFileName.get(document.fileName);
      if (!summary) throw new Error(`${document.fileName} is missing from documents.list`);
      return { uuid: summary.id, title: summary.title, characters: summary.characters, bytes: document.data.byteLength };
    });

    const codebookStart = now();
    const coders = generateCoderNames(params.coders);
    for (const name of coders) await service.run('coders.add', { name });
    const codes: ImportedProject['codes'] = [];
    for (const code of generateCodeTree(params)) {
      const view = await service.run('codes.add', { path: code.path });
      codes.push({ ...code, uuid: view.id });
    }
    const codebookSeconds = secondsSince(codebookStart);
    service.close();

    const snapshot = this.newFile('snapshot-before-codings.gloss');
    copyFileSync(file, snapshot);
    return { file, snapshot, documents, codes, coders, textBytes, generateSeconds, importSeconds, importPerDocument, fileBytesAfterImport, codebookSeconds };
  }

  /** The codings to apply, planned from the lengths `documents.list` reported. */
  async codingPlan(): Promise<CodingPlan> {
    const imported = await this.imported();
    this.plan ??= generateCodings(
      this.params,
      imported.documents.map((document) => document.characters),
      imported.codes.length,
      imported.coders.length,
    );
    return this.plan;
  }

  /**
   * The planned codings as table rows (ids looked up in the snapshot, quotes cut from the stored
   * text by code points, fresh uuids and timestamps): what a raw INSERT writes.
   */
  async codingRows(): Promise<CodingRowValues[]> {
    if (this.rows) return this.rows;
    const imported = await this.imported();
    const plan = await this.codingPlan();
    // Read-write on purpose: closing the last read-write connection removes the WAL file, and
    // copies of the snapshot are only taken from a file without one.
    const db = openRaw(imported.snapshot);
    try {
      const documentIds = new Map((db.prepare('SELECT uuid, id FROM documents').all() as Array<{ uuid: string; id: number }>).map((r) => [r.uuid, r.id]));
      const codeIds = new Map((db.prepare('SELECT uuid, id FROM codes').all() as Array<{ uuid: string; id: number }>).map((r) => [r.uuid, r.id]));
      const coderIds = new Map((db.prepare('SELECT name, id FROM coders').all() as Array<{ name: string; id: number }>).map((r) => [r.name, r.id]));
      const textOf = db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
      const indexes = imported.documents.map((document) => new CodePointIndex(textOf.get(documentIds.get(document.uuid)!) as string));
      const at = new Date().toISOString();
      const rows: CodingRowValues[] = new Array(plan.count);
      for (let i = 0; i < plan.count; i++) {
        const start = plan.start[i]!;
        const end = plan.end[i]!;
        rows[i] = {
          uuid: randomUUID(),
          document_id: documentIds.get(imported.documents[plan.document[i]!]!.uuid)!,
          code_id: codeIds.get(imported.codes[plan.code[i]!]!.uuid)!,
          coder_id: coderIds.get(imported.coders[plan.coder[i]!]!)!,
          start,
          end,
          quote: indexes[plan.document[i]!]!.slice(start, end),
          created_at: at,
          updated_at: at,
        };
      }
      this.rows = rows;
      return rows;
    } finally {
      db.close();
    }
  }

  private async buildCoded(): Promise<CodedProject> {
    const imported = await this.imported();
    const plan = await this.codingPlan();
    const rows = await this.codingRows();
    const service = GlossService.open(imported.file);
    let mismatches = 0;
    const run = await runBudgeted(
      plan.count,
      { probe: 2_000, budgetSeconds: this.options.serviceBudgetSeconds, sample: this.options.serviceSample, label: 'codings.apply' },
      async (i) => {
        const segment = await service.run('codings.apply', {
          document: imported.documents[plan.document[i]!]!.uuid,
          code: imported.codes[plan.code[i]!]!.uuid,
          coder: imported.coders[plan.coder[i]!]!,
          start: plan.start[i]!,
          end: plan.end[i]!,
        });
        // The service and the raw baseline must write the same text for the same range.
        if (i < 1_000 && (segment.text !== rows[i]!.quote || segment.start !== plan.start[i] || segment.end !== plan.end[i])) mismatches++;
      },
    );
    service.close();
    if (mismatches > 0) throw new Error(`${mismatches} codings.apply results differ from the quotes the raw baseline cuts`);

    // A sampled run leaves the project short of codings, and later sections want it whole: add
    // the rest with the store's own appendEvent, each coding with the event `codings.apply` would
    // log (one insert change holding the row), so the event log has its full length too.
    let fillSeconds = 0;
    const filled = plan.count - run.done;
    if (filled > 0) {
      const db = openRaw(imported.file);
      try {
        const insert = db.prepare(`${INSERT_CODING_SQL} RETURNING *`);
        const start = now();
        db.transaction(() => {
          for (let i = run.done; i < plan.count; i++) {
            const values = rows[i]!;
            const row = insert.get(values) as Row;
            const quote = values.quote.length > 40 ? `${values.quote.slice(0, 39)}…` : values.quote;
            const code = imported.codes[plan.code[i]!]!;
            appendEvent(db, {
              at: values.created_at,
              kind: 'do',
              operation: 'codings.apply',
              summary: `Code "${quote}" in "${imported.documents[plan.document[i]!]!.title}" as "${code.names[code.names.length - 1]!}"`,
              coderId: values.coder_id,
              reverts: null,
              changes: [{ op: 'insert', table: 'codings', id: row.id, row }],
            });
          }
        })();
        fillSeconds = secondsSince(start);
      } finally {
        db.close();
      }
    }

    const db = openRaw(imported.file);
    const count = (table: string): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const events = count('events');
    const codings = count('codings');
    db.close();
    return { file: imported.file, service: run, filled, fillSeconds, fileBytes: statSync(imported.file).size, events, codings };
  }
}
