/**
 * Team review on a real project file: the queue's places, every choice, re-deciding, undo and
 * redo, review status in retrieval, stale keys, the consensus coder's rules, agree-all,
 * comments, blind coding and what deleting a document takes with it.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ReviewPlaceView, ReviewQueue } from '../../app/service/reviewViews.js';
import type { GlossService } from '../../app/service/service.js';
import { readCsv } from '../../app/formats/csvTable.js';
import { glossErrorOf } from '../support/fixtures.js';
import { newProject, utf8 } from '../support/project.js';

// The emoji before "Moscow" makes code points and UTF-16 units differ from there on.
const PAPER = 'Russia chose containment. Turkey backed Azerbaijan. Baku and Yerevan talked. 🙂 Moscow watched.\n';
const OTHER = 'Other paper. Russia again.\n';

/** The code-point offset of the `occurrence`-th `text` in PAPER, and its end. */
function range(text: string, source = PAPER): { start: number; end: number } {
  const at = source.indexOf(text);
  if (at < 0) throw new Error(`no ${text}`);
  const start = [...source.slice(0, at)].length;
  return { start, end: start + [...text].length };
}

const SCOPE = { coders: ['Ani', 'Ben'] };

async function seed(): Promise<{ service: GlossService; file: string }> {
  const { service, file } = newProject();
  await service.run('documents.import', { fileName: 'paper.txt', data: utf8(PAPER) });
  await service.run('documents.import', { fileName: 'other.txt', data: utf8(OTHER) });
  for (const path of ['Actors/Russia', 'Actors/Turkey', 'Places', 'Talks', 'Watching']) await service.run('codes.add', { path });
  const code = (coder: string, path: string, text: string, source = 'paper', from = PAPER): Promise<unknown> =>
    service.run('codings.apply', { document: source, code: path, coder, ...range(text, from) });
  // Agreement: both coded "Russia" alike.
  await code('Ani', 'Actors/Russia', 'Russia');
  await code('Ben', 'Actors/Russia', 'Russia');
  // Different boundaries.
  await code('Ani', 'Actors/Turkey', 'Turkey backed');
  await code('Ben', 'Actors/Turkey', 'Turkey backed Azerbaijan');
  // Different codes on the same passage.
  await code('Ani', 'Places', 'Baku and Yerevan');
  await code('Ben', 'Talks', 'Baku and Yerevan talked');
  // One coded, the other not.
  await code('Ani', 'Watching', 'Moscow watched');
  // The other paper: an agreement too.
  await code('Ani', 'Actors/Russia', 'Russia', 'other', OTHER);
  await code('Ben', 'Actors/Russia', 'Russia', 'other', OTHER);
  return { service, file };
}

function placeOf(queue: ReviewQueue, kind: ReviewPlaceView['kind'], document = 'paper'): ReviewPlaceView {
  const place = queue.places.find((p) => p.kind === kind && p.documentTitle === document);
  if (!place) throw new Error(`no ${kind} place in ${document}`);
  return place;
}

async function decide(service: GlossService, place: ReviewPlaceView, choice: string, extra: Record<string, unknown> = {}): Promise<ReviewPlaceView> {
  return service.run('review.decide', { ...SCOPE, document: place.documentId, place: place.key, choice, reviewer: 'Rita', ...extra } as never);
}

async function consensusCodings(service: GlossService): Promise<string[]> {
  return (await service.run('codings.list', {})).filter((s) => s.coder === 'Consensus').map((s) => `${s.code}:${s.start}-${s.end}`);
}

function consensusOf(place: ReviewPlaceView): string[] {
  return place.consensus.map((segment) => `${segment.code}:${segment.start}-${segment.end}`);
}

describe('review queue', () => {
  it('lists every place, agreements included, by document title then position, with keys, excerpts and counts', async () => {
    const { service } = await seed();
    const queue = await service.run('review.queue', SCOPE);
    expect(queue.coders).toEqual(['Ani', 'Ben']);
    expect(queue.consensusCoder).toBeNull();
    expect(queue.places.map((p) => `${p.documentTitle} ${p.kind} ${p.start}`)).toEqual([
      'other agreement 13',
      `paper agreement 0`,
      `paper different-boundaries ${range('Turkey').start}`,
      `paper different-codes ${range('Baku').start}`,
      `paper one-coded ${range('Moscow').start}`,
    ]);
    expect(queue.counts).toEqual({ unreviewed: 5, agreed: 0, disputed: 0, resolved: 0 });
    expect(queue.kinds).toEqual({ agreement: 2, 'one-coded': 1, 'different-codes': 1, 'different-boundaries': 1 });
    for (const place of queue.places) {
      expect(place.key).toMatch(/^[0-9a-f]{16}$/);
      expect(place.status).toBe('unreviewed');
      expect(place.decision).toBeNull();
    }
    const codes = placeOf(queue, 'different-codes');
    expect(codes.codes).toEqual(['Places', 'Talks']);
    expect(codes.coders.map((c) => c.segments.map((s) => `${s.code} ${s.text}`))).toEqual([['Places Baku and Yerevan'], ['Talks Baku and Yerevan talked']]);
    // The excerpt is the whole sentence, in code points.
    expect(codes.excerpt).toEqual({ start: range('Baku and Yerevan talked.').start, text: 'Baku and Yerevan talked.' });
    const one = placeOf(queue, 'one-coded');
    expect(one.excerpt.text).toBe('🙂 Moscow watched.');
    expect(one.coders[1]!.segments).toEqual([]);
  });

  it('keeps a place key while its codings stay, and changes it when one is moved, recoded, added or removed', async () => {
    const { service } = await seed();
    const before = await service.run('review.queue', SCOPE);
    const again = await service.run('review.queue', SCOPE);
    expect(again.places.map((p) => p.key)).toEqual(before.places.map((p) => p.key));
    const turkey = placeOf(before, 'different-boundaries');
    await service.run('codings.update', { coding: turkey.coders[0]!.segments[0]!.id, end: range('Turkey backed Azerbaijan').end });
    const after = await service.run('review.queue', SCOPE);
    const changed = after.places.find((p) => p.start === turkey.start && p.documentTitle === 'paper')!;
    expect(changed.kind).toBe('agreement');
    expect(changed.key).not.toBe(turkey.key);
    // The stale key is refused with a message that says what to do.
    const error = await glossErrorOf(decide(service, turkey, 'merge'));
    expect(error.code).toBe('not_found');
    expect(error.message).toMatch(/reload the review queue/);
    // Recoding, adding and removing change the key too.
    const keyAt = async (start: number): Promise<string> => (await service.run('review.queue', SCOPE)).places.find((p) => p.start === start && p.documentTitle === 'paper')!.key;
    const russia = placeOf(after, 'agreement');
    await service.run('codings.update', { coding: russia.coders[1]!.segments[0]!.id, code: 'Places' });
    const recoded = await keyAt(0);
    expect(recoded).not.toBe(russia.key);
    await service.run('history.undo', {});
    expect(await keyAt(0)).toBe(russia.key);
    const added = await service.run('codings.apply', { document: 'paper', code: 'Actors/Russia', coder: 'Ben', start: 2, end: 4 });
    expect(await keyAt(0)).not.toBe(russia.key);
    await service.run('codings.delete', { coding: added.id });
    expect(await keyAt(0)).toBe(russia.key);
  });

  it('filters by status and kind, counting every place before the filters', async () => {
    const { service } = await seed();
    const queue = await service.run('review.queue', SCOPE);
    await decide(service, placeOf(queue, 'one-coded'), 'discuss', { reason: 'Is watching an act?' });
    const disputed = await service.run('review.queue', { ...SCOPE, status: ['disputed'] });
    expect(disputed.places.map((p) => p.kind)).toEqual(['one-coded']);
    expect(disputed.counts).toEqual({ unreviewed: 4, agreed: 0, disputed: 1, resolved: 0 });
    const agreements = await service.run('review.queue', { ...SCOPE, kinds: ['agreement'], status: ['unreviewed'] });
    expect(agreements.places.map((p) => p.documentTitle)).toEqual(['other', 'paper']);
    expect(agreements.kinds.agreement).toBe(2);
  });

  it('lists at most `limit` places, the first ones, and counts all of them in total', async () => {
    const { service } = await seed();
    const all = await service.run('review.queue', SCOPE);
    expect(all.total).toBe(all.places.length);
    const two = await service.run('review.queue', { ...SCOPE, limit: 2 });
    expect(two.places.map((place) => place.key)).toEqual(all.places.slice(0, 2).map((place) => place.key));
    expect(two.total).toBe(all.places.length);
    expect(two.counts).toEqual(all.counts);
  });

  it('limits the queue to named codes and documents', async () => {
    const { service } = await seed();
    const queue = await service.run('review.queue', { ...SCOPE, codes: ['Actors/Turkey'], documents: ['paper'] });
    expect(queue.places.map((p) => p.kind)).toEqual(['different-boundaries']);
  });
});

describe('review decisions', () => {
  it('agree puts the common coverage into a new consensus coder and marks the place and its segments agreed', async () => {
    const { service } = await seed();
    const queue = await service.run('review.queue', SCOPE);
    const agreement = placeOf(queue, 'agreement');
    const decided = await decide(service, agreement, 'agree');
    expect(decided.status).toBe('agreed');
    expect(consensusOf(decided)).toEqual(['Actors/Russia:0-6']);
    expect(decided.decision).toMatchObject({ choice: 'agree', status: 'agreed', reviewer: 'Rita', kind: 'agreement', coders: ['Ani', 'Ben'], outcome: [{ code: 'Actors/Russia', start: 0, end: 6 }] });
    expect(await service.run('review.settings', {})).toEqual({ blind: false, consensusCoder: 'Consensus' });
    // The consensus coder is in the Segments view when chosen (all coders leave it out).
    const segments = await service.run('retrieval.segments', { documents: ['paper'], code: 'Actors/Russia', coders: ['Ani', 'Ben', 'Consensus'] });
    expect(segments.segments.map((s) => `${s.coder} ${s.status}`).sort()).toEqual(['Ani agreed', 'Ben agreed', 'Consensus agreed']);
    expect((await service.run('retrieval.segments', { documents: ['paper'], code: 'Actors/Russia' })).segments.map((s) => s.coder).sort()).toEqual(['Ani', 'Ben']);
  });

  it("refuses 'agree' where the coders differ", async () => {
    const { service } = await seed();
    const queue = await service.run('review.queue', SCOPE);
    const error = await glossErrorOf(decide(service, placeOf(queue, 'different-boundaries'), 'agree'));
    expect(error.code).toBe('invalid_input');
    // In words, not the kind's id (item 18: the workbench shows this message).
    expect(error.message).toBe("Agree is for places where every coder coded alike; here the coders differ (their passages start or end at different places). Accept one coder's version, merge, adjust, reject, or discuss it.");
  });

  it('accept takes one coder\'s version; re-deciding replaces the consensus the earlier decision made', async () => {
    const { service } = await seed();
    const queue = await service.run('review.queue', SCOPE);
    const place = placeOf(queue, 'different-boundaries');
    const turkey = range('Turkey backed Azerbaijan');
    const accepted = await decide(service, place, 'accept', { coder: 'ben', reason: 'the whole clause' });
    expect(accepted.status).toBe('resolved');
    expect(consensusOf(accepted)).toEqual([`Actors/Turkey:${turkey.start}-${turkey.end}`]);
    expect(accepted.decision).toMatchObject({ choice: 'accept', acceptedCoder: 'Ben', reason: 'the whole clause' });
    expect(accepted.decision!.versions).toEqual([
      { coder: 'Ani', segments: [{ code: 'Actors/Turkey', ...range('Turkey backed') }] },
      { coder: 'Ben', segments: [{ code: 'Actors/Turkey', ...turkey }] },
    ]);
    const again = await decide(service, place, 'accept', { coder: 'Ani' });
    expect(consensusOf(again)).toEqual([`Actors/Turkey:${turkey.start}-${range('Turkey backed').end}`]);
    expect(await consensusCodings(service)).toHaveLength(1);
    const rejected = await decide(service, place, 'reject');
    expect(rejected.consensus).toEqual([]);
    expect(rejected.decision!.outcome).toEqual([]);
    expect(await consensusCodings(service)).toEqual([]);
    const log = await service.run('review.log', {});
    expect(log.map((d) => d.choice)).toEqual(['accept', 'accept', 'reject']);
  });

  it('a decision on a place whose coding moved replaces the consensus decided under its old key', async () => {
    const { service } = await seed();
    const queue = await service.run('review.queue', SCOPE);
    const place = placeOf(queue, 'different-boundaries');
    await decide(service, place, 'accept', { coder: 'Ben' });
    const benCoding = place.coders[1]!.segments[0]!.id;
    await service.run('codings.update', { coding: benCoding, end: range('Turkey backed Az').end });
    const moved = placeOf(await service.run('review.queue', SCOPE), 'different-boundaries');
    expect(moved.key).not.toBe(place.key);
    expect(moved.status).toBe('unreviewed');
    expect(moved.consensus).toHaveLength(1);
    const decided = await decide(service, moved, 'accept', { coder: 'Ani' });
    expect(consensusOf(decided)).toEqual([`Actors/Turkey:${range('Turkey backed').start}-${range('Turkey backed').end}`]);
    expect(await consensusCodings(service)).toHaveLength(1);
  });

  it('agreeAll on a place that became an agreement replaces the consensus decided before', async () => {
    const { service } = await seed();
    const place = placeOf(await service.run('review.queue', SCOPE), 'different-boundaries');
    await decide(service, place, 'accept', { coder: 'Ben' });
    await service.run('codings.update', { coding: place.coders[0]!.segments[0]!.id, end: range('Turkey backed Azerbaijan').end });
    const result = await service.run('review.agreeAll', { ...SCOPE, codes: ['Actors/Turkey'], reviewer: 'Rita' });
    expect(result.agreed).toBe(1);
    const turkey = range('Turkey backed Azerbaijan');
    expect(await consensusCodings(service)).toEqual([`Actors/Turkey:${turkey.start}-${turkey.end}`]);
  });

  it('accept refuses a coder who is not compared', async () => {
    const { service } = await seed();
    const queue = await service.run('review.queue', SCOPE);
    const error = await glossErrorOf(decide(service, placeOf(queue, 'different-boundaries'), 'accept', { coder: 'Rita' }));
    expect(error.message).toMatch(/not one of the compared coders/);
  });

  it('merge takes the union per code', async () => {
    const { service } = await seed();
    const queue = await service.run('review.queue', SCOPE);
    const merged = await decide(service, placeOf(queue, 'different-codes'), 'merge');
    const places = range('Baku and Yerevan');
    const talks = range('Baku and Yerevan talked');
    expect(consensusOf(merged)).toEqual([`Places:${places.start}-${places.end}`, `Talks:${talks.start}-${talks.end}`]);
    const boundaries = await decide(service, placeOf(queue, 'different-boundaries'), 'merge');
    expect(consensusOf(boundaries)).toEqual([`Actors/Turkey:${range('Turkey backed Azerbaijan').start}-${range('Turkey backed Azerbaijan').end}`]);
  });

  it('adjust takes the reviewer\'s segments, with any code and boundaries beyond the place, checked against the document', async () => {
    const { service } = await seed();
    const queue = await service.run('review.queue', SCOPE);
    const place = placeOf(queue, 'one-coded');
    const sentence = range('🙂 Moscow watched.');
    const adjusted = await decide(service, place, 'adjust', { segments: [{ code: 'Actors/Russia', start: sentence.start, end: sentence.end }] });
    expect(consensusOf(adjusted)).toEqual([`Actors/Russia:${sentence.start}-${sentence.end}`]);
    const [coding] = (await service.run('codings.list', { coder: 'Consensus' })).filter((s) => s.start === sentence.start);
    expect(coding!.text).toBe('🙂 Moscow watched.');
    const past = await glossErrorOf(decide(service, place, 'adjust', { segments: [{ code: 'Places', start: 0, end: 10_000 }] }));
    expect(past.message).toMatch(/runs past the end/);
    const unknown = await glossErrorOf(decide(service, place, 'adjust', { segments: [{ code: 'Nope', start: 0, end: 3 }] }));
    expect(unknown.code).toBe('not_found');
  });

  it('discuss marks the place disputed, keeps the consensus, and its reason becomes a comment', async () => {
    const { service } = await seed();
    const queue = await service.run('review.queue', SCOPE);
    const place = placeOf(queue, 'different-boundaries');
    await decide(service, place, 'accept', { coder: 'Ben' });
    const discussed = await decide(service, place, 'discuss', { reason: 'Ani thinks the clause is too long' });
    expect(discussed.status).toBe('disputed');
    expect(discussed.consensus).toHaveLength(1);
    expect(discussed.comments).toEqual([expect.objectContaining({ coder: 'Rita', body: 'Ani thinks the clause is too long', placeKey: place.key })]);
    const withConsensus = { status: ['disputed' as const], coders: ['Ani', 'Ben', 'Consensus'] };
    const segments = await service.run('retrieval.segments', withConsensus);
    expect(segments.segments.map((s) => s.coder).sort()).toEqual(['Ani', 'Ben', 'Consensus']);
    expect(segments.total).toBe(3);
    // The Segments view's CSV carries the status too.
    const csv = readCsv((await service.run('retrieval.segmentsCsv', withConsensus)).csv);
    expect(csv.map((row) => row['review status'])).toEqual(['disputed', 'disputed', 'disputed']);
    // Deciding after the discussion replaces what the accept made.
    const settled = await decide(service, place, 'accept', { coder: 'Ani' });
    expect(settled.status).toBe('resolved');
    expect(consensusOf(settled)).toEqual([`Actors/Turkey:${range('Turkey backed').start}-${range('Turkey backed').end}`]);
  });

  it('a decision is one undo step: undo restores the consensus and the status, redo puts them back', async () => {
    const { service } = await seed();
    const queue = await service.run('review.queue', SCOPE);
    const place = placeOf(queue, 'different-boundaries');
    await decide(service, place, 'accept', { coder: 'Ben' });
    await decide(service, place, 'accept', { coder: 'Ani' });
    const status = async (): Promise<string> => (await service.run('review.queue', SCOPE)).places.find((p) => p.key === place.key)!.status;
    const consensus = async (): Promise<string[]> => consensusOf((await service.run('review.queue', SCOPE)).places.find((p) => p.key === place.key)!);
    const ben = `Actors/Turkey:${range('Turkey backed Azerbaijan').start}-${range('Turkey backed Azerbaijan').end}`;
    const ani = `Actors/Turkey:${range('Turkey backed').start}-${range('Turkey backed').end}`;
    expect(await consensus()).toEqual([ani]);
    await service.run('history.undo', {});
    expect(await consensus()).toEqual([ben]);
    expect((await service.run('review.log', {})).map((d) => d.acceptedCoder)).toEqual(['Ben']);
    await service.run('history.undo', {});
    expect(await consensus()).toEqual([]);
    expect(await status()).toBe('unreviewed');
    expect((await service.run('retrieval.segments', { status: ['resolved'] })).total).toBe(0);
    await service.run('history.redo', {});
    expect(await consensus()).toEqual([ben]);
    expect(await status()).toBe('resolved');
    await service.run('history.redo', {});
    expect(await consensus()).toEqual([ani]);
    expect((await service.run('retrieval.segments', { status: ['resolved'], coders: ['Ani', 'Ben', 'Consensus'] })).segments.map((s) => s.coder).sort()).toEqual(['Ani', 'Ben', 'Consensus']);
  });

  it('the consensus coder cannot be compared, nor review', async () => {
    const { service } = await seed();
    const queue = await service.run('review.queue', SCOPE);
    await decide(service, placeOf(queue, 'agreement'), 'agree');
    const error = await glossErrorOf(service.run('review.queue', { coders: ['Ani', 'Consensus'] }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/"Consensus" holds the consensus/);
    const reviewer = await glossErrorOf(decide(service, placeOf(queue, 'one-coded'), 'reject', { reviewer: 'Consensus' }));
    expect(reviewer.message).toMatch(/consensus coder/);
  });

  it('names the consensus "Consensus 2" when a coder called Consensus exists; the reviewer may be a compared coder', async () => {
    const { service } = await seed();
    await service.run('coders.add', { name: 'Consensus' });
    const queue = await service.run('review.queue', SCOPE);
    await decide(service, placeOf(queue, 'agreement'), 'agree', { reviewer: 'Ani' });
    expect((await service.run('review.settings', {})).consensusCoder).toBe('Consensus 2');
    expect((await service.run('review.log', {}))[0]!.reviewer).toBe('Ani');
  });

  it('agreeAll agrees every undecided agreement place in one undo step', async () => {
    const { service } = await seed();
    const queue = await service.run('review.queue', SCOPE);
    await decide(service, placeOf(queue, 'agreement', 'other'), 'discuss');
    const result = await service.run('review.agreeAll', { ...SCOPE, reviewer: 'Rita' });
    expect(result).toEqual({ agreed: 1, alreadyDecided: 1, consensusCoder: 'Consensus' });
    const after = await service.run('review.queue', SCOPE);
    expect(after.counts).toEqual({ unreviewed: 3, agreed: 1, disputed: 1, resolved: 0 });
    expect(consensusOf(placeOf(after, 'agreement'))).toEqual(['Actors/Russia:0-6']);
    expect(await service.run('review.agreeAll', { ...SCOPE, reviewer: 'Rita' })).toEqual({ agreed: 0, alreadyDecided: 2, consensusCoder: 'Consensus' });
    await service.run('history.undo', {});
    const undone = await service.run('review.queue', SCOPE);
    expect(undone.counts).toEqual({ unreviewed: 4, agreed: 0, disputed: 1, resolved: 0 });
    expect(await consensusCodings(service)).toEqual([]);
  });
});

describe('review comments, blind coding, the log, deleting a document', () => {
  it('comments hang on their place, oldest first, and only there', async () => {
    const { service } = await seed();
    const queue = await service.run('review.queue', SCOPE);
    const place = placeOf(queue, 'different-codes');
    const first = await service.run('review.comment', { document: 'paper', place: place.key, coder: 'Ani', body: 'Baku is a place.' });
    await service.run('review.comment', { document: 'paper', place: place.key, coder: 'Ben', body: 'They talked there.' });
    await service.run('review.comment', { document: 'paper', place: '0000000000000000', coder: 'Ben', body: 'An old place.' });
    expect(first).toMatchObject({ coder: 'Ani', body: 'Baku is a place.', placeKey: place.key });
    const after = await service.run('review.queue', SCOPE);
    expect(placeOf(after, 'different-codes').comments.map((c) => `${c.coder}: ${c.body}`)).toEqual(['Ani: Baku is a place.', 'Ben: They talked there.']);
    expect(after.places.filter((p) => p.key !== place.key).every((p) => p.comments.length === 0)).toBe(true);
    expect((await glossErrorOf(service.run('review.comment', { document: 'paper', place: place.key, coder: 'Ani', body: '   ' }))).code).toBe('invalid_input');
  });

  it('blind coding is a setting, undoable', async () => {
    const { service } = await seed();
    expect(await service.run('review.settings', {})).toEqual({ blind: false, consensusCoder: null });
    expect(await service.run('review.setBlind', { blind: true })).toEqual({ blind: true, consensusCoder: null });
    expect((await service.run('review.settings', {})).blind).toBe(true);
    await service.run('history.undo', {});
    expect((await service.run('review.settings', {})).blind).toBe(false);
  });

  it('the log lists decisions oldest first, per document if asked, with snapshots that outlive renames', async () => {
    const { service } = await seed();
    const queue = await service.run('review.queue', SCOPE);
    await decide(service, placeOf(queue, 'agreement', 'other'), 'agree');
    await decide(service, placeOf(queue, 'one-coded'), 'reject', { reason: 'not an actor' });
    await service.run('codes.update', { code: 'Watching', name: 'Observing' });
    const log = await service.run('review.log', {});
    expect(log.map((d) => `${d.documentTitle} ${d.choice} ${d.status}`)).toEqual(['other agree agreed', 'paper reject resolved']);
    expect(log[1]!.versions[0]!.segments[0]!.code).toBe('Watching');
    expect(log[1]!.reason).toBe('not an actor');
    expect((await service.run('review.log', { document: 'other' })).map((d) => d.choice)).toEqual(['agree']);
  });

  it('deleting a document deletes its decisions, their links and its comments; undo brings them back', async () => {
    const { service, file } = await seed();
    const queue = await service.run('review.queue', SCOPE);
    const place = placeOf(queue, 'different-boundaries');
    await decide(service, place, 'discuss', { reason: 'talk' });
    await decide(service, placeOf(queue, 'agreement', 'other'), 'agree');
    const count = (): Record<string, number> => {
      const db = new Database(file, { readonly: true });
      try {
        return Object.fromEntries(
          ['review_decisions', 'review_decision_codings', 'review_comments'].map((table) => [table, (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n]),
        );
      } finally {
        db.close();
      }
    };
    // discuss: 2 sources; agree: 2 sources and 1 result.
    expect(count()).toEqual({ review_decisions: 2, review_decision_codings: 5, review_comments: 1 });
    await service.run('documents.delete', { document: 'paper' });
    expect(count()).toEqual({ review_decisions: 1, review_decision_codings: 3, review_comments: 0 });
    expect((await service.run('review.log', {})).map((d) => d.documentTitle)).toEqual(['other']);
    await service.run('history.undo', {});
    expect(count()).toEqual({ review_decisions: 2, review_decision_codings: 5, review_comments: 1 });
  });
});
