import { GlossService } from '../../../app/service/service.js';
import { INSERT_CODING_SQL, openRaw, runBudgeted, type Bench, type BudgetedRun, type CodingRowValues } from '../fixture.js';
import type { Report } from '../report.js';
import type { Section } from '../section.js';
import { formatCount, formatDuration, median, megabytes, now, percentile, secondsSince } from '../timing.js';

/** Raw per-row transactions get their own (smaller) budget: they are only baselines. */
const RAW_PER_ROW_BUDGET_SECONDS = 90;
/** `codings.apply` calls timed on a copy of the finished project. */
const FULL_PROJECT_CALLS = 500;

/** All rows in one transaction with one prepared statement: the floor for any bulk insert. */
function insertBatched(file: string, rows: readonly CodingRowValues[]): number {
  const db = openRaw(file);
  try {
    const insert = db.prepare(INSERT_CODING_SQL);
    const start = now();
    db.transaction(() => {
      for (const row of rows) insert.run(row);
    })();
    return secondsSince(start);
  } finally {
    db.close();
  }
}

/**
 * One transaction per row with one prepared statement: the floor for one call per coding. With
 * `withEvent`, each transaction also writes the event row the service logs (the inserted row as
 * JSON), which is the floor for one undoable call per coding.
 */
async function insertPerRow(file: string, rows: readonly CodingRowValues[], sample: number, withEvent: boolean): Promise<BudgetedRun> {
  const db = openRaw(file);
  try {
    const insert = db.prepare(`${INSERT_CODING_SQL} RETURNING *`);
    const event = db.prepare(
      `INSERT INTO events (at, kind, operation, summary, coder_id, reverts, changes) VALUES (?, 'do', 'codings.apply', ?, ?, NULL, ?)`,
    );
    const insertOne = db.transaction((values: CodingRowValues) => {
      const row = insert.get(values) as { id: number };
      if (withEvent) {
        event.run(values.created_at, `Code "${values.quote.slice(0, 39)}"`, values.coder_id, JSON.stringify([{ op: 'insert', table: 'codings', id: row.id, row }]));
      }
    });
    const label = withEvent ? 'raw per-row insert + event' : 'raw per-row insert';
    return await runBudgeted(rows.length, { probe: 2_000, budgetSeconds: RAW_PER_ROW_BUDGET_SECONDS, sample, label }, (i) => insertOne(rows[i]!));
  } finally {
    db.close();
  }
}

function rowsPerSecond(run: BudgetedRun): number {
  return run.done / run.seconds;
}

/** Rows per second over steps [from, to) of a run. */
function windowRate(run: BudgetedRun, from: number, to: number): number {
  let seconds = 0;
  for (let i = from; i < to; i++) seconds += run.perStep[i]!;
  return (to - from) / seconds;
}

function reportSampling(report: Report, key: string, run: BudgetedRun, what: string): void {
  if (!run.sampled) return;
  if (run.stoppedByTime) {
    report.note(
      `SAMPLED: the first ${formatCount(run.probe)} ${what} predicted ${formatDuration(run.estimatedSeconds)} for all ${formatCount(run.total)}, ` +
        `but later ones were slower, so the run stopped at twice its time budget after ${formatCount(run.done)}.`,
    );
  } else {
    report.note(
      `SAMPLED: the first ${formatCount(run.probe)} ${what} took ${formatDuration(run.probeSeconds)}, so all ${formatCount(run.total)} ` +
        `would take about ${formatDuration(run.estimatedSeconds)}; only the first ${formatCount(run.done)} were measured.`,
    );
  }
  report.figure(`${key}_estimated_full_s`, run.estimatedSeconds, 's', `all ${run.total}, extrapolated from the first ${run.probe}`);
}

export const codingsSection: Section = {
  name: 'codings',
  title: 'Coding insert throughput (service vs raw better-sqlite3)',
  async run(bench: Bench, report: Report) {
    const imported = await bench.imported();
    const rows = await bench.codingRows();
    const plan = await bench.codingPlan();
    const total = rows.length;

    // (i) The service: codings.apply, one call per coding.
    const coded = await bench.coded();
    const service = coded.service;
    report.note(
      'The service has no bulk-coding operation: this is `codings.apply`, one call per coding, each\n' +
        'its own transaction plus one event-log row (the undo history). References are uuids.',
    );
    report.figure('codings.planned', total, 'codings', `${imported.documents.length} documents, ${imported.codes.length} codes, ${imported.coders.length} coders`);
    report.figure('codings.service_calls', service.done, 'calls', service.sampled ? 'a sample: see the note' : 'all of them');
    reportSampling(report, 'codings.service', service, 'codings.apply calls');
    report.figure('codings.service_total_s', service.seconds, 's');
    report.figure('codings.service_rows_s', rowsPerSecond(service), 'rows/s');
    report.figure('codings.service_call_median_ms', median(service.perStep) * 1e3, 'ms');
    report.figure('codings.service_call_p99_ms', percentile(service.perStep, 99) * 1e3, 'ms');
    const window = Math.min(2_000, service.done);
    report.figure('codings.service_first_window_rows_s', windowRate(service, 0, window), 'rows/s', `calls 1-${window}`);
    report.figure('codings.service_last_window_rows_s', windowRate(service, service.done - window, service.done), 'rows/s', `calls ${service.done - window + 1}-${service.done}`);
    if (coded.filled > 0) {
      report.note(
        `The other ${formatCount(coded.filled)} codings were written raw, each with the event codings.apply logs\n` +
          `(store appendEvent), in one transaction taking ${formatDuration(coded.fillSeconds)}: the project and its log are whole.`,
      );
    }
    report.figure('codings.file_size_mb', megabytes(coded.fileBytes), 'MB', `project file with ${coded.codings} codings and ${coded.events} events`);

    // The cost of one more coding once the project is full (on a copy, to leave the project as it is).
    const copy = GlossService.open(bench.copyOf(coded.file, 'full-project-apply.gloss'));
    const full: number[] = [];
    try {
      for (let i = 0; i < Math.min(FULL_PROJECT_CALLS, total); i++) {
        const start = now();
        await copy.run('codings.apply', {
          document: imported.documents[plan.document[i]!]!.uuid,
          code: imported.codes[plan.code[i]!]!.uuid,
          coder: imported.coders[plan.coder[i]!]!,
          start: plan.start[i]!,
          end: plan.end[i]!,
        });
        full.push(secondsSince(start));
      }
    } finally {
      copy.close();
    }
    report.figure('codings.service_full_project_call_median_ms', median(full) * 1e3, 'ms', `${full.length} more calls on the whole project`);

    // (ii) Raw better-sqlite3 into copies of the project as it was before any coding.
    report.note(
      'Raw baselines: the same rows (same columns and values; quotes and uuids prepared beforehand) into a copy\n' +
        'of the project before any coding, with the PRAGMAs the service sets (WAL, synchronous=NORMAL, foreign_keys=ON).',
    );
    const batchedSeconds = insertBatched(bench.copyOfSnapshot(imported, 'raw-batched.gloss'), rows);
    const batchedRate = total / batchedSeconds;
    report.figure('codings.raw_batched_total_s', batchedSeconds, 's', 'one transaction, one prepared statement');
    report.figure('codings.raw_batched_rows_s', batchedRate, 'rows/s');

    const perRow = await insertPerRow(bench.copyOfSnapshot(imported, 'raw-per-row.gloss'), rows, bench.options.serviceSample, false);
    reportSampling(report, 'codings.raw_per_tx', perRow, 'single-row transactions');
    report.figure('codings.raw_per_tx_total_s', perRow.seconds, 's', `one transaction per row, ${perRow.done} rows`);
    report.figure('codings.raw_per_tx_rows_s', rowsPerSecond(perRow), 'rows/s');
    report.figure('codings.raw_per_tx_median_ms', median(perRow.perStep) * 1e3, 'ms');

    const withEvent = await insertPerRow(bench.copyOfSnapshot(imported, 'raw-per-row-event.gloss'), rows, bench.options.serviceSample, true);
    reportSampling(report, 'codings.raw_per_tx_event', withEvent, 'single-row transactions with an event');
    report.figure('codings.raw_per_tx_event_total_s', withEvent.seconds, 's', `as above plus the event row, ${withEvent.done} rows`);
    report.figure('codings.raw_per_tx_event_rows_s', rowsPerSecond(withEvent), 'rows/s');

    // The ratios are the figures that matter: these machines are noisy, the ratios much less so.
    report.note('Ratios: service rows/s divided by raw rows/s (1 = as fast as raw). The ratio is the figure that matters; these machines are noisy.');
    const serviceRate = rowsPerSecond(service);
    const perRowRate = rowsPerSecond(perRow);
    const withEventRate = rowsPerSecond(withEvent);
    report.figure('codings.ratio_service_vs_raw_per_tx', serviceRate / perRowRate, 'x', `service ${(perRowRate / serviceRate).toFixed(1)}x slower than a raw transaction per row`);
    report.figure('codings.ratio_service_vs_raw_per_tx_event', serviceRate / withEventRate, 'x', `service ${(withEventRate / serviceRate).toFixed(1)}x slower than raw row + event per transaction`);
    report.figure('codings.ratio_service_vs_raw_batched', serviceRate / batchedRate, 'x', `service ${(batchedRate / serviceRate).toFixed(1)}x slower than one raw batch`);
    report.figure('codings.ratio_raw_per_tx_vs_raw_batched', perRowRate / batchedRate, 'x', 'what a commit per row costs by itself');
  },
};
