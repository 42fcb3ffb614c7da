/**
 * The printable team-review report: one self-contained HTML page (inline CSS, no scripts, no
 * external resources) that reads on screen and prints on A4, each part on its own page: scope
 * and overall agreement; agreement per code and how to read each figure; review progress and the
 * decision log. Pure: data in, HTML out. Every string that came from a user is escaped.
 *
 * Figures show three decimals. An undefined figure reads "undefined" with a footnote giving its
 * reason, never 0 or 1.
 */
import type { Statistic } from '../domain/agreement/statistic.js';
import type { AgreementResult, CharacterAgreement, SegmentAgreement } from '../service/agreementViews.js';
import type { DecisionView, PlaceKind, ReviewCommentView, ReviewStatus } from '../service/reviewViews.js';
import { decisionCodes, formatSegments } from './reviewCsv.js';

export interface ReviewProgress {
  counts: Record<ReviewStatus, number>;
  kinds: Record<PlaceKind, number>;
  consensusCoder: string | null;
}

export interface ReviewReportData {
  projectName: string;
  /** ISO time the report was made. */
  generatedAt: string;
  agreement: AgreementResult;
  /**
   * The review queue's counts over the same coders, codes and documents; null when the compared
   * coders include the consensus coder (agreement with the consensus is measured, not reviewed).
   */
  progress: ReviewProgress | null;
  /** The decisions on places in the report's documents, oldest first. */
  decisions: DecisionView[];
  /** The places' discussions in the report's documents, oldest first. */
  comments: ReviewCommentView[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

const STATISTIC_LABELS: Record<string, string> = {
  percentAgreement: 'Percent agreement',
  cohenKappa: "Cohen's κ",
  scottPi: "Scott's π",
  fleissKappa: "Fleiss' κ",
  brennanPrediger: 'Brennan–Prediger κ',
  krippendorffAlpha: "Krippendorff's α",
  unitizingAlpha: 'uα (2016)',
  binaryUnitizingAlpha: '|uα (2016)',
  cuAlpha: 'cuα (2016)',
  unitizingAlpha2004: 'uα (2004)',
  maxqdaKappa: "MAXQDA's κ",
};

/** A short "how to read" per figure, in the order the tables show them. */
const HOW_TO_READ: Record<string, string> = {
  percentAgreement:
    'The share of coder pairs that gave a unit the same value (at segment level: matched segments over all segments). Easy to read, but it does not allow for agreement by chance: with rare codes and uncoded text counted it is high whatever the coders did.',
  cohenKappa:
    "Two coders only. Agreement beyond what each coder's own rates of coding would give by chance: 1 is perfect, 0 is chance level, below 0 worse than chance. Common rules of thumb call above .80 strong and .60–.80 substantial; they are conventions, not laws.",
  scottPi: "Two coders only. Like Cohen's κ, but chance is estimated from both coders' codings pooled, so it does not reward coders for coding at different rates.",
  fleissKappa: "Scott's π for any number of coders: agreement beyond chance with the chance term from all coders' codings pooled.",
  brennanPrediger:
    'A chance-corrected agreement that assumes every category equally likely by chance (Randolph\'s free-marginal κ for more than two coders). It is not pulled down when one value is much more common than the other.',
  krippendorffAlpha:
    "Reliability beyond chance for any number of coders, with missing values allowed: 1 is perfect, 0 is chance. Krippendorff advises relying on data with α ≥ .800 and drawing only tentative conclusions from .667 to .800.",
  unitizingAlpha:
    'Krippendorff, Mathet, Bouvry & Widlöcher (2016): agreement on where the coded stretches lie in the whole text, boundaries included, against the gaps between them. Per code: that code against uncoded text; overall: with the codes as categories.',
  binaryUnitizingAlpha: '|uα: the same, for "coded with any of these codes" against "coded with none".',
  cuAlpha: 'cuα: agreement on which code, only where the coders\' coded stretches intersect; it leaves aside whether they coded there at all.',
  unitizingAlpha2004: "Krippendorff's earlier (1995, 2004) unitizing α, kept to compare with tools that report it.",
  maxqdaKappa:
    "MAXQDA's segment κ: (P − 1/q) / (1 − 1/q) with q the number of codes. It assumes each segment could equally have taken any of the codes, so adding rarely used codes raises it; read it beside percent agreement.",
};

const CHARACTER_CODE_COLUMNS = ['percentAgreement', 'cohenKappa', 'scottPi', 'fleissKappa', 'brennanPrediger', 'krippendorffAlpha', 'unitizingAlpha', 'unitizingAlpha2004'] as const;
const CHARACTER_OVERALL = [...CHARACTER_CODE_COLUMNS.slice(0, 7), 'binaryUnitizingAlpha', 'cuAlpha', 'unitizingAlpha2004'] as const;
const SEGMENT_OVERALL = ['percentAgreement', 'maxqdaKappa'] as const;

/** Undefined figures point to a lettered footnote with their reason; one set per table. */
class Footnotes {
  private readonly reasons: string[] = [];

  cell(statistic: Statistic): string {
    if (statistic.value !== null) return `<span class="figure">${statistic.value.toFixed(3)}</span>`;
    let index = this.reasons.indexOf(statistic.reason);
    if (index < 0) index = this.reasons.push(statistic.reason) - 1;
    return `<span class="undefined">undefined<sup>${this.label(index)}</sup></span>`;
  }

  private label(index: number): string {
    return index < 26 ? String.fromCharCode(97 + index) : String(index + 1);
  }

  html(): string {
    if (this.reasons.length === 0) return '';
    return `<ol class="footnotes">${this.reasons.map((reason, i) => `<li><sup>${this.label(i)}</sup> ${escapeHtml(reason)}</li>`).join('')}</ol>`;
  }
}

function count(n: number, what: string, plural = `${what}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? what : plural}`;
}

function table(head: string[], rows: string[][], numeric: ReadonlySet<number>, className = ''): string {
  const cell = (tag: 'th' | 'td', content: string, i: number): string => `<${tag}${numeric.has(i) ? ' class="num"' : ''}>${content}</${tag}>`;
  return [
    `<table${className ? ` class="${className}"` : ''}>`,
    `<thead><tr>${head.map((content, i) => cell('th', content, i)).join('')}</tr></thead>`,
    `<tbody>${rows.map((row) => `<tr>${row.map((content, i) => cell('td', content, i)).join('')}</tr>`).join('')}</tbody>`,
    '</table>',
  ].join('');
}

function levelText(result: AgreementResult): string {
  if (result.unit === 'char') {
    return `Character level: every character is a unit. ${result.includeUncoded ? 'Text no chosen coder coded counts too.' : 'Only text at least one chosen coder coded with the code counts.'}`;
  }
  return `Segment level: segments of one code match when they overlap by at least ${escapeHtml(String(Math.round(result.overlap * 1000) / 10))}% of the stretch they cover together.`;
}

function scopeSection(data: ReviewReportData): string {
  const result = data.agreement;
  const documents = result.documents.length === 0
    ? '<p>None.</p>'
    : `<ul class="documents">${result.documents.map((d) => `<li>${escapeHtml(d.title)} <span class="muted">(${count(d.characters, 'character')})</span></li>`).join('')}</ul>`;
  const skipped = result.skippedDocuments.length === 0
    ? ''
    : `<dt>Left out</dt><dd><p>Documents not every chosen coder coded in:</p><ul>${result.skippedDocuments
        .map((d) => `<li>${escapeHtml(d.title)} <span class="muted">(coded by ${d.codedBy.length === 0 ? 'none of them' : d.codedBy.map(escapeHtml).join(', ')})</span></li>`)
        .join('')}</ul></dd>`;
  const notes = result.notes.length === 0 ? '' : `<dt>Notes</dt><dd><ul>${result.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul></dd>`;
  return [
    '<section class="scope"><h2>Scope</h2><dl>',
    `<dt>Coders</dt><dd>${result.coders.map(escapeHtml).join(', ')}</dd>`,
    `<dt>Unit</dt><dd>${levelText(result)}</dd>`,
    `<dt>Convention</dt><dd class="convention"><strong>${escapeHtml(result.convention.label)}.</strong> ${escapeHtml(result.convention.explanation)}</dd>`,
    `<dt>Documents</dt><dd>${count(result.documents.length, 'document')}${documents}</dd>`,
    skipped,
    notes,
    '</dl></section>',
  ].join('');
}

function overallSection(result: AgreementResult): string {
  const notes = new Footnotes();
  const rows: string[][] = [];
  if (result.unit === 'char') {
    rows.push(['Units (code × character)', result.overall.units.toLocaleString('en-US')]);
    for (const name of CHARACTER_OVERALL) rows.push([STATISTIC_LABELS[name]!, notes.cell(result.overall[name])]);
  } else {
    const o = result.overall;
    rows.push(['Matched segment pairs', String(o.matched)], ['Unmatched, first coder of each pair', String(o.onlyFirst)], ['Unmatched, second coder of each pair', String(o.onlySecond)], ['Codes in the table (q)', String(o.codesInTable)]);
    for (const name of SEGMENT_OVERALL) rows.push([STATISTIC_LABELS[name]!, notes.cell(o[name])]);
  }
  const pooled = result.unit === 'char' ? 'All codes pooled.' : result.coders.length > 2 ? `Counts are summed over the ${(result.coders.length * (result.coders.length - 1)) / 2} pairs of coders.` : '';
  const convention = `<p class="convention"><strong>${escapeHtml(result.convention.label)}.</strong> ${escapeHtml(result.convention.explanation)}</p>`;
  return `<section class="overall"><h2>Overall agreement</h2>${convention}${pooled ? `<p class="muted">${pooled}</p>` : ''}${table(['Figure', 'Value'], rows, new Set([1]), 'figures')}${notes.html()}</section>`;
}

function characterCodes(result: CharacterAgreement, notes: Footnotes): string {
  const head = ['Code', 'Units', ...result.coders.map((coder) => `Coded by ${escapeHtml(coder)}`), ...CHARACTER_CODE_COLUMNS.map((name) => STATISTIC_LABELS[name]!)];
  const rows = result.codes.map((code) => [
    escapeHtml(code.code),
    code.units.toLocaleString('en-US'),
    ...code.coded.map((n) => n.toLocaleString('en-US')),
    ...CHARACTER_CODE_COLUMNS.map((name) => notes.cell(code[name])),
  ]);
  return table(head, rows, new Set(head.map((_, i) => i).filter((i) => i > 0)), 'codes');
}

function segmentCodes(result: SegmentAgreement, notes: Footnotes): string {
  const pairwise = result.coders.length > 2;
  const [first, second] = result.coders;
  const head = [
    'Code',
    ...result.coders.map((coder) => `Segments by ${escapeHtml(coder)}`),
    'Matched',
    pairwise ? 'Only first' : `Only ${escapeHtml(first ?? '')}`,
    pairwise ? 'Only second' : `Only ${escapeHtml(second ?? '')}`,
    STATISTIC_LABELS.percentAgreement!,
  ];
  const rows = result.codes.map((code) => [escapeHtml(code.code), ...code.segments.map(String), String(code.matched), String(code.onlyFirst), String(code.onlySecond), notes.cell(code.percentAgreement)]);
  return table(head, rows, new Set(head.map((_, i) => i).filter((i) => i > 0)), 'codes');
}

function perCodeSection(result: AgreementResult): string {
  const notes = new Footnotes();
  const body = result.codes.length === 0 ? '<p>No code in scope.</p>' : result.unit === 'char' ? characterCodes(result, notes) : segmentCodes(result, notes);
  const segmentNote = result.unit === 'segment'
    ? "<p class=\"muted\">Cohen's κ, Scott's π, Fleiss' κ, Brennan–Prediger and Krippendorff's α are undefined at segment level: there is no \"neither coder coded this\" cell, hence no chance term. The character-level report gives them.</p>"
    : '';
  return `<section class="per-code new-page"><h2>Agreement per code</h2>${segmentNote}${body}${notes.html()}</section>`;
}

function howToReadSection(result: AgreementResult): string {
  const names = result.unit === 'char' ? CHARACTER_OVERALL : SEGMENT_OVERALL;
  return `<section class="how-to-read"><h2>How to read the figures</h2><dl>${names
    .map((name) => `<dt>${STATISTIC_LABELS[name]}</dt><dd>${escapeHtml(HOW_TO_READ[name]!)}</dd>`)
    .join('')}</dl><p class="muted">“Undefined” means the data cannot answer the question (for example every unit fell in one category, so chance agreement is already perfect); it is neither agreement nor disagreement. Definitions and sources are in the Agreement section of Gloss’s documentation.</p></section>`;
}

const STATUS_LABELS: Record<ReviewStatus, string> = { unreviewed: 'Unreviewed', agreed: 'Agreed', disputed: 'Disputed (for discussion)', resolved: 'Resolved' };
const KIND_LABELS: Record<PlaceKind, string> = {
  agreement: 'Coders agree',
  'one-coded': 'Coded by some coders only',
  'different-codes': 'Different codes',
  'different-boundaries': 'Different boundaries',
};

function progressSection(progress: ReviewProgress | null): string {
  if (progress === null) {
    return '<section class="progress new-page"><h2>Review progress</h2><p>Not shown: the compared coders include the consensus coder, whose codings are the outcome of the review rather than a version in it.</p></section>';
  }
  const total = Object.values(progress.counts).reduce((sum, n) => sum + n, 0);
  const statusRows = (Object.keys(STATUS_LABELS) as ReviewStatus[]).map((status) => [STATUS_LABELS[status], String(progress.counts[status])]);
  statusRows.push(['<strong>All places</strong>', `<strong>${total}</strong>`]);
  const kindRows = (Object.keys(KIND_LABELS) as PlaceKind[]).map((kind) => [KIND_LABELS[kind], String(progress.kinds[kind])]);
  const consensus = progress.consensusCoder === null ? 'No decision has been made yet, so there is no consensus layer.' : `The consensus codings are held by the coder “${escapeHtml(progress.consensusCoder)}”.`;
  return [
    '<section class="progress new-page"><h2>Review progress</h2>',
    `<p>${count(total, 'place')} where the compared coders' codings meet. ${consensus}</p>`,
    '<div class="side-by-side">',
    `<div><h3>By status</h3>${table(['Status', 'Places'], statusRows, new Set([1]), 'figures')}</div>`,
    `<div><h3>By kind</h3>${table(['Kind', 'Places'], kindRows, new Set([1]), 'figures')}</div>`,
    '</div></section>',
  ].join('');
}

function choiceText(decision: DecisionView): string {
  return decision.choice === 'accept' && decision.acceptedCoder !== null ? `accept ${escapeHtml(decision.acceptedCoder)}` : escapeHtml(decision.choice);
}

function versionsHtml(decision: DecisionView): string {
  return decision.versions.map((version) => `<div><span class="coder">${escapeHtml(version.coder)}:</span> ${escapeHtml(formatSegments(version.segments))}</div>`).join('');
}

/** Each discussed place's thread, under the place as its newest decision names it. */
function discussionSection(decisions: readonly DecisionView[], comments: readonly ReviewCommentView[]): string {
  if (comments.length === 0) return '';
  const threads = new Map<string, ReviewCommentView[]>();
  for (const comment of comments) {
    const key = `${comment.documentId} ${comment.placeKey}`;
    const thread = threads.get(key);
    if (thread) thread.push(comment);
    else threads.set(key, [comment]);
  }
  const newest = new Map(decisions.map((decision) => [`${decision.documentId} ${decision.placeKey}`, decision]));
  const parts = [...threads].map(([key, thread]) => {
    const decision = newest.get(key);
    const place = decision
      ? `${escapeHtml(decision.documentTitle)} [${decision.start}–${decision.end}) · ${escapeHtml(decisionCodes(decision).join(', '))} · now ${escapeHtml(decision.status)}`
      : `Place ${escapeHtml(thread[0]!.placeKey)} (no decision yet, or its codings changed since)`;
    const items = thread.map((comment) => `<li><span class="coder">${escapeHtml(comment.coder)}</span> <span class="muted">${escapeHtml(comment.at.slice(0, 10))} ${escapeHtml(comment.at.slice(11, 16))}</span><br>${escapeHtml(comment.body).replace(/\n/g, '<br>')}</li>`);
    return `<h3>${place}</h3><ul class="thread">${items.join('')}</ul>`;
  });
  return `<section class="discussion"><h2>Discussion</h2><p class="muted">${count(comments.length, 'comment')} on ${count(threads.size, 'place')}, oldest first.</p>${parts.join('')}</section>`;
}

function logSection(decisions: readonly DecisionView[]): string {
  if (decisions.length === 0) return '<section class="log"><h2>Decision log</h2><p>No decisions yet on places in these documents.</p></section>';
  const rows = decisions.map((d) => [
    `${escapeHtml(d.at.slice(0, 10))}<br><span class="muted">${escapeHtml(d.at.slice(11, 16))}</span>`,
    escapeHtml(d.reviewer),
    `${escapeHtml(d.documentTitle)}<br><span class="muted">[${d.start}–${d.end}) ${escapeHtml(KIND_LABELS[d.kind] ?? d.kind)}</span>`,
    escapeHtml(decisionCodes(d).join(', ')),
    `${choiceText(d)}<br><span class="muted">${escapeHtml(d.status)}</span>`,
    versionsHtml(d),
    escapeHtml(formatSegments(d.outcome)),
    d.reason.trim() === '' ? '<span class="muted">—</span>' : escapeHtml(d.reason).replace(/\n/g, '<br>'),
  ]);
  return `<section class="log"><h2>Decision log</h2><p class="muted">${count(decisions.length, 'decision')}, oldest first. Positions are characters [start–end).</p>${table(
    ['When (UTC)', 'Reviewer', 'Place', 'Codes', 'Choice', "Coders' versions", 'Consensus after', 'Reason'],
    rows,
    new Set(),
    'log',
  )}</section>`;
}

const STYLE = `
@page { size: A4; margin: 16mm 14mm 18mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 2.5rem 4rem; font: 11pt/1.45 Georgia, 'Times New Roman', serif; color: #1d1d1f; background: #fff; }
h1, h2, h3 { font-family: 'Helvetica Neue', Arial, sans-serif; font-weight: 600; line-height: 1.2; }
h1 { font-size: 20pt; margin: 0 0 .2rem; }
h2 { font-size: 14pt; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid #c9c9ce; }
h3 { font-size: 11pt; margin: 1rem 0 .4rem; }
.subtitle { margin: 0 0 1.5rem; color: #55555a; }
.muted { color: #6b6b70; }
dl { margin: 0; display: grid; grid-template-columns: 9rem 1fr; gap: .35rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
dd ul, dd p { margin: .2rem 0; }
ul { padding-left: 1.2rem; }
.how-to-read dl { grid-template-columns: 11rem 1fr; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 .6rem; font: 9pt/1.35 'Helvetica Neue', Arial, sans-serif; }
table.figures { width: auto; min-width: 22rem; }
th, td { padding: .3rem .45rem; border-bottom: 1px solid #e2e2e6; vertical-align: top; text-align: left; }
thead th { border-bottom: 1.5px solid #1d1d1f; font-weight: 600; }
tbody tr:nth-child(even) { background: #f6f6f8; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
/* The per-code table has up to a dozen figures a row: headers wrap so that it fits the page. */
th.num { white-space: normal; }
.per-code table { font-size: 8.5pt; }
.per-code th, .per-code td { padding: .3rem .3rem; }
.undefined { font-style: italic; color: #8a3b12; }
sup { font-size: 70%; line-height: 0; }
.footnotes { list-style: none; padding: 0; margin: .2rem 0 0; font-size: 9pt; color: #44444a; }
.footnotes li { margin: .15rem 0; }
.side-by-side { display: flex; gap: 2rem; flex-wrap: wrap; }
table.log td { word-break: break-word; }
table.log td:nth-child(1) { white-space: nowrap; }
.coder { font-weight: 600; }
ul.thread { list-style: none; padding: 0; margin: .2rem 0 .8rem; }
ul.thread li { margin: .35rem 0; padding-left: .7rem; border-left: 2px solid #d6d6dc; break-inside: avoid; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { margin-top: 0; }
  section { margin-bottom: 1.2rem; }
  section.new-page { break-before: page; }
  thead { display: table-header-group; }
  tr, dt, dd, .footnotes li { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  tbody tr:nth-child(even) { background: none; }
  .per-code table { font-size: 7.5pt; }
  .per-code th, .per-code td { padding: .2rem .2rem; }
}
`;

/** The whole report as one HTML page. */
export function reviewReportHtml(data: ReviewReportData): string {
  const title = `Team review report — ${data.projectName}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    // Nothing here loads anything: the page must open the same offline and in ten years.
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>`,
    `<header><h1>${escapeHtml(title)}</h1><p class="subtitle">Made by Gloss on ${escapeHtml(data.generatedAt.slice(0, 10))} at ${escapeHtml(data.generatedAt.slice(11, 16))} UTC</p></header>`,
    scopeSection(data),
    overallSection(data.agreement),
    perCodeSection(data.agreement),
    howToReadSection(data.agreement),
    progressSection(data.progress),
    logSection(data.decisions),
    discussionSection(data.decisions, data.comments),
    '</body></html>',
    '',
  ].join('\n');
}
