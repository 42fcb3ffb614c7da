/**
 * `gloss review …`: the review queue, decisions, agree-all, comments, the decision log and the
 * blind-coding switch (Team review). Thin doors onto the service; docs/review.md explains them.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { GlossError } from '../domain/errors.js';
import { PLACE_KINDS, REVIEW_CHOICES, REVIEW_STATUSES } from '../service/reviewInputs.js';
import type { DecisionView, PlaceKind, ReviewPlaceView, ReviewQueue, ReviewSegmentView, ReviewStatus } from '../service/reviewViews.js';
import { addScopeOptions, parseCoders, scopeInput, SCOPE_DOCUMENTS, type ScopeOptions } from './coderScope.js';
import { collect, json, withProject, type CliOutput } from './commandKit.js';
import { defaultCoderName } from './io.js';

function parseList<T extends string>(allowed: readonly T[], what: string): (value: string, previous: T[] | undefined) => T[] {
  return (value, previous) => {
    const items = value.split(',').map((item) => item.trim()).filter((item) => item.length > 0);
    for (const item of items) {
      if (!(allowed as readonly string[]).includes(item)) throw new InvalidArgumentError(`"${item}" is not a ${what}; use ${allowed.join(', ')} (several separated by commas).`);
    }
    return [...(previous ?? []), ...(items as T[])];
  };
}

/** "Actors/Russia:12-40" → { code, start, end }; the code is everything before the last colon. */
export function parseSegment(value: string, previous: { code: string; start: number; end: number }[]): { code: string; start: number; end: number }[] {
  const match = /^(.+):(\d+)-(\d+)$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError(`"${value}" is not CODE:START-END, e.g. "Actors/Russia:12-40" (offsets in characters, end not included).`);
  const start = Number(match[2]);
  const end = Number(match[3]);
  if (end <= start) throw new InvalidArgumentError(`"${value}" ends before it starts: END must be greater than START.`);
  return [...previous, { code: match[1]!.trim(), start, end }];
}

function parseSwitch(value: string): boolean {
  if (value === 'on') return true;
  if (value === 'off') return false;
  throw new GlossError('invalid_input', `Say "on" or "off" (got "${value}"), or nothing to see the setting.`);
}

function shorten(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

function segmentLine(label: string, width: number, segment: ReviewSegmentView): string {
  return `  ${label.padEnd(width)}  [${segment.start}, ${segment.end}) ${segment.code}  “${shorten(segment.text, 80)}”`;
}

function decisionSummary(decision: DecisionView): string {
  const choice = decision.choice === 'accept' ? `accept ${decision.acceptedCoder ?? '(a coder since renamed)'}'s version` : decision.choice;
  return `${choice} by ${decision.reviewer} at ${decision.at}${decision.reason ? `: ${shorten(decision.reason, 120)}` : ''}`;
}

export function formatPlace(place: ReviewPlaceView): string {
  const width = Math.max('consensus'.length, ...place.coders.map((coder) => coder.coder.length));
  const lines = [`${place.key}  ${place.kind}  ${place.status}`, `  ${place.documentTitle} [${place.start}, ${place.end}): ${place.codes.join(', ')}`];
  for (const { coder, segments } of place.coders) {
    if (segments.length === 0) lines.push(`  ${coder.padEnd(width)}  (not coded here)`);
    for (const segment of segments) lines.push(segmentLine(coder, width, segment));
  }
  for (const segment of place.consensus) lines.push(segmentLine('consensus', width, segment));
  if (place.decision) lines.push(`  decision: ${decisionSummary(place.decision)}`);
  for (const comment of place.comments) lines.push(`  comment by ${comment.coder} at ${comment.at}: ${shorten(comment.body, 200)}`);
  return lines.join('\n');
}

function formatQueue(queue: ReviewQueue): string {
  const total = Object.values(queue.counts).reduce((sum, n) => sum + n, 0);
  const statuses = REVIEW_STATUSES.map((status: ReviewStatus) => `${queue.counts[status]} ${status}`).join(', ');
  const kinds = PLACE_KINDS.map((kind: PlaceKind) => `${queue.kinds[kind]} ${kind}`).join(', ');
  const lines = [
    `${total} place${total === 1 ? '' : 's'} where ${queue.coders.join(', ')} coded, over ${queue.documents.length} document${queue.documents.length === 1 ? '' : 's'}: ${statuses} (${kinds}).`,
    `Consensus coder: ${queue.consensusCoder ?? 'none yet (made by the first decision)'}.`,
  ];
  if (queue.places.length !== total) lines.push(`Showing ${queue.places.length} of them.`);
  for (const note of queue.notes) lines.push(`Note: ${note}`);
  for (const place of queue.places) lines.push('', formatPlace(place));
  return lines.join('\n');
}

function formatLog(log: DecisionView[]): string {
  if (log.length === 0) return 'No review decisions yet.';
  return log
    .map((decision) => {
      const outcome = decision.outcome.map((segment) => `${segment.code} [${segment.start}, ${segment.end})`).join('; ') || 'nothing';
      return `${decision.at}  ${decision.status}  ${decision.documentTitle} [${decision.start}, ${decision.end}) ${decision.kind} ${decision.placeKey}\n  ${decisionSummary(decision)}\n  consensus: ${outcome}`;
    })
    .join('\n');
}

export function registerReviewCommands(program: Command, io: CliOutput): void {
  const review = program
    .command('review')
    .description('review the places where coders\' codings meet and build the consensus: queue, decide, agree-all, comment, log, blind (see docs/review.md)');

  addScopeOptions(review.command('queue').description('every place where the compared coders\' codings meet, with its review status').argument('<project>', 'the project file'), SCOPE_DOCUMENTS)
    .option('--status <list>', `only places with these statuses: ${REVIEW_STATUSES.join(', ')} (separated by commas)`, parseList(REVIEW_STATUSES, 'review status'))
    .option('--kind <list>', `only places of these kinds: ${PLACE_KINDS.join(', ')} (separated by commas)`, parseList(PLACE_KINDS, 'kind of place'))
    .option('--json', 'print JSON')
    .action(async (file: string, options: ScopeOptions & { status?: ReviewStatus[]; kind?: PlaceKind[]; json?: boolean }) => {
      const input = { ...scopeInput(options), ...(options.status ? { status: options.status } : {}), ...(options.kind ? { kinds: options.kind } : {}) };
      const queue = await withProject(file, (service) => service.run('review.queue', input));
      io.out(options.json ? json(queue) : formatQueue(queue));
    });

  review
    .command('decide')
    .description('decide one place: agree (where the coders agree), accept one coder\'s version, merge them, adjust (your own segments), reject (code nothing), or discuss')
    .argument('<project>', 'the project file')
    .requiredOption('--coders <names>', 'the compared coders, as for the queue: Ani,Ben[,Cem…]')
    .option('--code <path>', 'the codes the queue was limited to, if it was; repeat for several', collect, [])
    .requiredOption('--doc <id|title>', 'the place\'s document')
    .requiredOption('--place <key>', 'the place\'s key, as the queue shows it')
    .requiredOption('--choice <choice>', REVIEW_CHOICES.join(' | '))
    .option('--coder <name>', 'with --choice accept: whose version the consensus takes')
    .option('--segment <code:start-end>', 'with --choice adjust: a consensus segment, e.g. "Actors/Russia:12-40"; repeat for several', parseSegment, [])
    .option('--reviewer <name>', 'who decides (default: $GLOSS_CODER or your user name)')
    .option('--reason <text>', 'why: kept in the decision log (with discuss, also posted as a comment)')
    .option('--json', 'print the place after the decision as JSON')
    .action(
      async (
        file: string,
        options: { coders: string; code: string[]; doc: string; place: string; choice: string; coder?: string; segment: { code: string; start: number; end: number }[]; reviewer?: string; reason?: string; json?: boolean },
      ) => {
        if (!(REVIEW_CHOICES as readonly string[]).includes(options.choice)) {
          throw new GlossError('invalid_input', `--choice must be one of ${REVIEW_CHOICES.join(', ')} (got "${options.choice}").`);
        }
        const input = {
          coders: parseCoders(options.coders),
          ...(options.code.length > 0 ? { codes: options.code } : {}),
          document: options.doc,
          place: options.place,
          choice: options.choice as (typeof REVIEW_CHOICES)[number],
          reviewer: options.reviewer ?? defaultCoderName(),
          ...(options.coder !== undefined ? { coder: options.coder } : {}),
          ...(options.segment.length > 0 ? { segments: options.segment } : {}),
          ...(options.reason !== undefined ? { reason: options.reason } : {}),
        };
        const place = await withProject(file, (service) => service.run('review.decide', input));
        io.out(options.json ? json(place) : `Decided (${place.status}).\n\n${formatPlace(place)}`);
      },
    );

  addScopeOptions(review.command('agree-all').description('agree on every undecided place where the coders coded alike: their common coding goes into the consensus (one undoable step)').argument('<project>', 'the project file'), SCOPE_DOCUMENTS)
    .option('--reviewer <name>', 'who decides (default: $GLOSS_CODER or your user name)')
    .option('--json', 'print JSON')
    .action(async (file: string, options: ScopeOptions & { reviewer?: string; json?: boolean }) => {
      const result = await withProject(file, (service) => service.run('review.agreeAll', { ...scopeInput(options), reviewer: options.reviewer ?? defaultCoderName() }));
      if (options.json) io.out(json(result));
      else io.out(`Agreed on ${result.agreed} place${result.agreed === 1 ? '' : 's'} into "${result.consensusCoder}"; ${result.alreadyDecided} already had a decision and were left as they were.`);
    });

  review
    .command('comment')
    .description('comment on a place (its discussion thread)')
    .argument('<project>', 'the project file')
    .requiredOption('--doc <id|title>', 'the place\'s document')
    .requiredOption('--place <key>', 'the place\'s key, as the queue shows it')
    .requiredOption('--text <text>', 'the comment')
    .option('--coder <name>', 'who comments (default: $GLOSS_CODER or your user name)')
    .option('--json', 'print JSON')
    .action(async (file: string, options: { doc: string; place: string; text: string; coder?: string; json?: boolean }) => {
      const comment = await withProject(file, (service) =>
        service.run('review.comment', { document: options.doc, place: options.place, coder: options.coder ?? defaultCoderName(), body: options.text }),
      );
      io.out(options.json ? json(comment) : `Comment by ${comment.coder} on ${comment.placeKey}.`);
    });

  review
    .command('log')
    .description('the decision log, oldest first: who decided what, when, why, and what the consensus holds after it')
    .argument('<project>', 'the project file')
    .option('--doc <id|title>', 'only decisions on places in this document')
    .option('--json', 'print JSON')
    .action(async (file: string, options: { doc?: string; json?: boolean }) => {
      const log = await withProject(file, (service) => service.run('review.log', options.doc !== undefined ? { document: options.doc } : {}));
      io.out(options.json ? json(log) : formatLog(log));
    });

  review
    .command('blind')
    .description('blind coding: "on" shows each coder only their own codings in the workbench; "off" opens the review; nothing prints the setting')
    .argument('<project>', 'the project file')
    .argument('[on|off]', 'the new setting')
    .action(async (file: string, value?: string) => {
      const settings = await withProject(file, (service) => (value === undefined ? service.run('review.settings', {}) : service.run('review.setBlind', { blind: parseSwitch(value) })));
      io.out(`Blind coding is ${settings.blind ? 'on' : 'off'}. Consensus coder: ${settings.consensusCoder ?? 'none yet'}.`);
    });
}
