import { describe, expect, it } from 'vitest';
import { escapeHtml, reviewReportHtml, type ReviewReportData } from '../../app/formats/reviewReportHtml.js';
import { characterConvention } from '../../app/service/agreementConvention.js';
import { CHARACTER, DECISIONS, SEGMENT } from '../support/reviewFixtures.js';

const PROGRESS = {
  counts: { unreviewed: 3, agreed: 1, disputed: 1, resolved: 1 },
  kinds: { agreement: 1, 'one-coded': 2, 'different-codes': 1, 'different-boundaries': 2 },
  consensusCoder: 'Consensus',
};

function report(overrides: Partial<ReviewReportData> = {}): string {
  return reviewReportHtml({ projectName: 'Caucasus <study>', generatedAt: '2024-05-02T08:30:00.000Z', agreement: CHARACTER, progress: PROGRESS, decisions: DECISIONS, comments: [], ...overrides });
}

/** The text a reader sees, tags dropped and entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('review report HTML', () => {
  it('is one self-contained page: no scripts, nothing loaded from elsewhere, print rules for A4', () => {
    const html = report();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|href=|url\(|@import/i);
    expect(html).toContain('@media print');
    expect(html).toMatch(/@page\s*{\s*size: A4/);
    expect(html).toMatch(/break-before: page/);
  });

  it('escapes every user string: project, code paths, coder names, reasons, document titles', () => {
    const hostile = '<script>alert(1)</script>';
    const decisions = DECISIONS.map((d) => ({ ...d, reason: hostile, reviewer: `"${hostile}`, documentTitle: hostile, versions: d.versions.map((v) => ({ ...v, coder: hostile })) }));
    const agreement = { ...CHARACTER, coders: [hostile, 'Ben'], codes: CHARACTER.codes.map((c) => ({ ...c, code: hostile })), notes: [hostile], documents: [{ id: 'd', title: hostile, characters: 3 }], skippedDocuments: [{ id: 's', title: hostile, codedBy: [hostile] }] };
    const html = report({ projectName: hostile, agreement, decisions, progress: { ...PROGRESS, consensusCoder: hostile } });
    expect(html).not.toContain('<script');
    expect(html).toContain(escapeHtml(hostile));
    expect(escapeHtml(`a&b<c>"d'`)).toBe('a&amp;b&lt;c&gt;&quot;d&#39;');
  });

  it('shows the scope, figures to three decimals, and an undefined figure as "undefined" with its reason in a footnote', () => {
    const text = visibleText(report());
    expect(text).toContain('Team review report — Caucasus <study>');
    expect(text).toContain('2024-05-02');
    expect(text).toContain('Coders Ani, Ben');
    expect(text).toContain('Character level');
    expect(text).toContain('Only text at least one chosen coder coded');
    expect(text).toContain((17 / 29).toFixed(3));
    expect(text).toContain('0.123');
    expect(text).not.toContain('0.123456789');
    expect(text).toContain('undefined a');
    expect(text).toContain('no pairable values');
    expect(text).toContain("Ani's codes overlap");
    // Each per-code figure is there: the codes' names.
    expect(text).toContain('Actors/Russia');
    expect(text).toContain('=Evil/Code');
    expect(text).toContain('How to read the figures');
    expect(text).toContain("Krippendorff's α");
  });

  it('never writes 0 or 1 for an undefined figure', () => {
    const allUndefined = { value: null, reason: 'every unit in one category' } as const;
    const agreement = { ...CHARACTER, codes: [{ ...CHARACTER.codes[0]!, percentAgreement: allUndefined, cohenKappa: allUndefined, scottPi: allUndefined, fleissKappa: allUndefined, brennanPrediger: allUndefined, krippendorffAlpha: allUndefined, unitizingAlpha: allUndefined, unitizingAlpha2004: allUndefined }] };
    const html = report({ agreement });
    const perCode = html.slice(html.indexOf('Agreement per code'), html.indexOf('How to read'));
    expect(perCode).not.toMatch(/>[01]\.000</);
    expect(perCode.match(/undefined<sup>a<\/sup>/g)).toHaveLength(8);
    expect(perCode).toContain('every unit in one category');
  });

  it('says which convention the figures follow and what it means, in the scope and beside the overall table', () => {
    const excluded = report();
    expect(visibleText(excluded)).toContain('Convention Uncoded text left out. Only characters that at least one coder coded');
    expect(visibleText(excluded)).toContain('κ = 0.000 at 72 % agreement is what this convention gives, not an error');
    expect(excluded.match(/class="convention"/g)).toHaveLength(2);
    const included = visibleText(report({ agreement: { ...CHARACTER, includeUncoded: true, convention: characterConvention(true) } }));
    expect(included).toContain('Convention Uncoded text counted. Every character of the compared documents counts');
    expect(visibleText(report({ agreement: SEGMENT }))).toContain('Segments matched at 80 % overlap.');
  });

  it('speaks to researchers: no command-line words, field names or repository paths', () => {
    const notes = ['2 documents were left out because not every chosen coder coded in them.'];
    const text = visibleText(report({ agreement: { ...CHARACTER, notes, skippedDocuments: [{ id: 's', title: 'Second paper', codedBy: ['Ani'] }] } }));
    for (const cli of [/--[a-z]/, /docs\//, /skippedDocuments/, /includeUncoded/, /\bgloss [a-z]/]) expect(text).not.toMatch(cli);
  });

  it('segment level: overlap and the pair counts, MAXQDA kappa', () => {
    const text = visibleText(report({ agreement: SEGMENT }));
    expect(text).toContain('Segment level');
    expect(text).toContain('80%');
    expect(text).toContain('Segments by Cem');
    expect(text).toContain('summed over the 3 pairs');
    expect(text).toContain("MAXQDA's κ undefined");
    expect(text).toContain('with one code q = 1');
  });

  it('review progress per status and kind, and the decision log with versions, outcome and reasons', () => {
    const text = visibleText(report());
    expect(text).toContain('6 places');
    expect(text).toMatch(/Unreviewed 3 Agreed 1 Disputed \(for discussion\) 1 Resolved 1 All places 6/);
    expect(text).toMatch(/Different boundaries 2/);
    expect(text).toContain('“Consensus”');
    expect(text).toContain('2 decisions');
    expect(text).toContain('accept Ben');
    expect(text).toContain('Ani: Actors/Russia [19–40)');
    expect(text).toContain('Ben: (nothing)');
    expect(text).toContain('Ben saw the, whole "clause"');
    expect(visibleText(report({ decisions: [], progress: { ...PROGRESS, consensusCoder: null } }))).toContain('No decisions yet');
  });
});
