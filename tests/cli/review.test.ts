/**
 * `gloss review …` run as a user runs it (the built CLI in a child process): queue, decide,
 * agree-all, comment, log, blind, and undo of a decision.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DecisionView, ReviewPlaceView, ReviewQueue } from '../../app/service/reviewViews.js';
import { gloss, glossOk } from '../support/cli.js';
import { tempDir } from '../support/paths.js';

const PAPER = 'Russia chose containment. Turkey backed Azerbaijan. Baku and Yerevan talked.\n';

const CODINGS: [code: string, coder: string, start: number, end: number][] = [
  ['Actors/Russia', 'Ani', 0, 6],
  ['Actors/Russia', 'Ben', 0, 6],
  ['Actors/Turkey', 'Ani', 26, 39],
  ['Actors/Turkey', 'Ben', 26, 50],
  ['Places', 'Ani', 52, 68],
];

describe('gloss review', () => {
  const dir = tempDir();
  const project = path.join(dir, 'p.gloss');
  const queue = (...extra: string[]): ReviewQueue => JSON.parse(glossOk(['review', 'queue', project, '--coders', 'Ani,Ben', '--json', ...extra])) as ReviewQueue;
  const placeOf = (kind: string): ReviewPlaceView => queue().places.find((place) => place.kind === kind)!;

  beforeAll(() => {
    writeFileSync(path.join(dir, 'paper.txt'), PAPER);
    glossOk(['new', project]);
    glossOk(['import', project, path.join(dir, 'paper.txt')]);
    for (const code of ['Actors/Russia', 'Actors/Turkey', 'Places']) glossOk(['code', 'add', project, code]);
    for (const [code, coder, start, end] of CODINGS) glossOk(['code', 'apply', project, '--doc', 'paper', '--code', code, '--start', String(start), '--end', String(end), '--coder', coder]);
  });

  it('runs a review from queue to log', () => {
    const text = glossOk(['review', 'queue', project, '--coders', 'Ani,Ben']);
    expect(text.split('\n')[0]).toBe('3 places where Ani, Ben coded, over 1 document: 3 unreviewed, 0 agreed, 0 disputed, 0 resolved (1 agreement, 1 one-coded, 0 different-codes, 1 different-boundaries).');
    const boundaries = placeOf('different-boundaries');
    expect(text).toContain(`${boundaries.key}  different-boundaries  unreviewed\n  paper [26, 50): Actors/Turkey`);
    expect(text).toMatch(/Ani {8}\[26, 39\) Actors\/Turkey {2}“Turkey backed”/);

    // Accept Ben's version, with a reason.
    const decided = glossOk(['review', 'decide', project, '--coders', 'Ani,Ben', '--doc', 'paper', '--place', boundaries.key, '--choice', 'accept', '--coder', 'Ben', '--reviewer', 'Rita', '--reason', 'the whole clause']);
    expect(decided).toMatch(/^Decided \(resolved\)\./);
    expect(decided).toMatch(/consensus {2}\[26, 50\) Actors\/Turkey {2}“Turkey backed Azerbaijan”/);
    expect(decided).toContain("decision: accept Ben's version by Rita");

    // Adjust the one-coded place to a segment of another code.
    const one = placeOf('one-coded');
    const adjusted = JSON.parse(
      glossOk(['review', 'decide', project, '--coders', 'Ani,Ben', '--doc', 'paper', '--place', one.key, '--choice', 'adjust', '--segment', 'Places:52-56', '--segment', 'Places:61-68', '--reviewer', 'Rita', '--json']),
    ) as ReviewPlaceView;
    expect(adjusted.consensus.map((segment) => segment.text)).toEqual(['Baku', 'Yerevan']);

    // Agree on the rest, comment, then read the log.
    expect(glossOk(['review', 'agree-all', project, '--coders', 'Ani,Ben', '--reviewer', 'Rita'])).toBe(
      'Agreed on 1 place into "Consensus"; 0 already had a decision and were left as they were.\n',
    );
    expect(glossOk(['review', 'comment', project, '--doc', 'paper', '--place', boundaries.key, '--coder', 'Ani', '--text', 'Fine by me.'])).toBe(`Comment by Ani on ${boundaries.key}.\n`);
    expect(placeOf('different-boundaries').comments.map((comment) => comment.body)).toEqual(['Fine by me.']);
    expect(queue('--status', 'resolved').places.map((place) => place.kind)).toEqual(['different-boundaries', 'one-coded']);

    const log = JSON.parse(glossOk(['review', 'log', project, '--json'])) as DecisionView[];
    expect(log.map((decision) => `${decision.choice} ${decision.status}`)).toEqual(['accept resolved', 'adjust resolved', 'agree agreed']);
    expect(log[0]!.reason).toBe('the whole clause');
    const logText = glossOk(['review', 'log', project, '--doc', 'paper']);
    expect(logText).toMatch(/resolved {2}paper \[26, 50\) different-boundaries [0-9a-f]{16}\n {2}accept Ben's version by Rita at .*: the whole clause\n {2}consensus: Actors\/Turkey \[26, 50\)/);

    // Undo takes back the comment, then the agree-all (one step).
    glossOk(['undo', project]);
    expect(placeOf('different-boundaries').comments).toEqual([]);
    expect(queue().counts).toEqual({ unreviewed: 0, agreed: 1, disputed: 0, resolved: 2 });
    glossOk(['undo', project]);
    expect(queue().counts).toEqual({ unreviewed: 1, agreed: 0, disputed: 0, resolved: 2 });
  });

  it('refuses a stale place key and a bad segment, with messages that say what to do', () => {
    const stale = gloss(['review', 'decide', project, '--coders', 'Ani,Ben', '--doc', 'paper', '--place', '0123456789abcdef', '--choice', 'reject', '--reviewer', 'Rita']);
    expect(stale.status).not.toBe(0);
    expect(stale.stderr).toMatch(/reload the review queue/);
    const bad = gloss(['review', 'decide', project, '--coders', 'Ani,Ben', '--doc', 'paper', '--place', 'x', '--choice', 'adjust', '--segment', 'Places', '--reviewer', 'Rita']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/not CODE:START-END/);
    const status = gloss(['review', 'queue', project, '--coders', 'Ani,Ben', '--status', 'done']);
    expect(status.stderr).toMatch(/"done" is not a review status/);
  });

  it('switches blind coding on and off, and prints it', () => {
    expect(glossOk(['review', 'blind', project])).toMatch(/^Blind coding is off\./);
    expect(glossOk(['review', 'blind', project, 'on'])).toMatch(/^Blind coding is on\. Consensus coder: /);
    expect(glossOk(['review', 'blind', project])).toMatch(/^Blind coding is on\./);
    glossOk(['review', 'blind', project, 'off']);
    expect(gloss(['review', 'blind', project, 'maybe']).stderr).toMatch(/Say "on" or "off"/);
  });
});
