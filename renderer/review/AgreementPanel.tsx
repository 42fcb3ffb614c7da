/**
 * The agreement table: per code and overall, at character or segment level. Undefined figures
 * read "undefined" with a numbered reason under the table, never 0 or 1.
 */
import type { AgreementResult, CharacterAgreement, SegmentAgreement } from '../../app/service/agreementViews.js';
import type { CodeView } from '../../app/service/views.js';
import { CodeLabel, Swatch } from '../analysis/common.js';
import { ReasonNotes, statisticCell } from './format.js';

export interface AgreementMeasure {
  unit: 'char' | 'segment';
  includeUncoded: boolean;
  overlap: number;
}

export function MeasureControls({ measure, onChange }: { measure: AgreementMeasure; onChange(next: AgreementMeasure): void }) {
  return (
    <>
      <div className="segmented" role="radiogroup" aria-label="Unit">
        {(
          [
            ['char', 'Characters', 'Every character is a unit'],
            ['segment', 'Segments', 'Coded segments match when they overlap by at least the threshold'],
          ] as const
        ).map(([unit, label, title]) => (
          <button key={unit} type="button" role="radio" aria-checked={measure.unit === unit} className={measure.unit === unit ? 'on' : ''} title={title} onClick={() => onChange({ ...measure, unit })}>
            {label}
          </button>
        ))}
      </div>
      {measure.unit === 'segment' && (
        <label className="field-inline" title="The share two segments must overlap by (intersection ÷ union) to match, as MAXQDA does">
          <span>Overlap</span>
          <input
            className="text-input narrow"
            aria-label="Overlap threshold"
            type="number"
            min={5}
            max={100}
            step={5}
            value={Math.round(measure.overlap * 100)}
            onChange={(event) => {
              const percent = Number(event.target.value);
              if (percent > 0 && percent <= 100) onChange({ ...measure, overlap: percent / 100 });
            }}
          />
          <span className="muted small">%</span>
        </label>
      )}
    </>
  );
}

/**
 * Which convention the figures follow and what it means, beside the table: the same sentence
 * the CSV and the printed report carry. At character level the switch changes the convention.
 */
export function ConventionNote({ result, measure, onChange }: { result: AgreementResult; measure: AgreementMeasure; onChange(next: AgreementMeasure): void }) {
  return (
    <aside className="agreement-convention" aria-label="How agreement is counted">
      <p className="convention-label">
        <strong>{result.convention.label}</strong>
      </p>
      <p className="convention-explanation">{result.convention.explanation}</p>
      {result.unit === 'char' && (
        <button
          type="button"
          role="switch"
          className="convention-switch"
          aria-checked={measure.includeUncoded}
          onClick={() => onChange({ ...measure, includeUncoded: !measure.includeUncoded })}
        >
          <span className="switch-track" aria-hidden="true">
            <span className="switch-thumb" />
          </span>
          Count uncoded text
        </button>
      )}
    </aside>
  );
}

export function AgreementTable({ result, codes }: { result: AgreementResult; codes: CodeView[] }) {
  const notes = new ReasonNotes();
  const colors = new Map(codes.map((code) => [code.id, code.color]));
  // Called, not mounted: the tables number the reasons as they go, and the notes below list them.
  const table = result.unit === 'char' ? characterTable({ result, colors, note: notes.note }) : segmentTable({ result, colors, note: notes.note });
  return (
    <div className="agreement">
      {table}
      {notes.reasons.length > 0 && (
        <ol className="reason-notes" aria-label="Why some figures are undefined">
          {notes.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ol>
      )}
      {result.notes.length > 0 && (
        <ul className="scope-notes">
          {result.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface TableProps<T> {
  result: T;
  colors: Map<string, string>;
  note(reason: string): number;
}

const HEADS = {
  percent: ['% agreement', 'Share of agreeing coder pairs over the units'],
  cohen: ['Cohen’s κ', 'Two coders; chance from each coder’s own marginals'],
  fleiss: ['Fleiss’ κ', 'Any number of coders; chance from the pooled marginals'],
  alpha: ['Krippendorff’s α', 'Nominal α over the units'],
  ualpha: ['uα', 'Krippendorff’s unitizing α (Krippendorff, Mathet et al. 2016) against the gaps'],
} as const;

function Head({ which }: { which: keyof typeof HEADS }) {
  const [label, title] = HEADS[which];
  return (
    <th scope="col" className="stat" title={title}>
      {label}
    </th>
  );
}

function CodeCell({ code, codeId, colors }: { code: string; codeId: string; colors: Map<string, string> }) {
  return (
    <th scope="row" className="code-cell">
      <Swatch color={colors.get(codeId) ?? '#888888'} />
      <CodeLabel path={code} />
    </th>
  );
}

function characterTable({ result, colors, note }: TableProps<CharacterAgreement>) {
  const two = result.coders.length === 2;
  const overall = result.overall;
  return (
    <>
      <table className="agreement-table" aria-label="Agreement per code">
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col" className="num" title="Characters counted as units">
              Units
            </th>
            {result.coders.map((coder) => (
              <th key={coder} scope="col" className="num" title={`Characters ${coder} coded with the code`}>
                {coder}
              </th>
            ))}
            <Head which="percent" />
            {two && <Head which="cohen" />}
            <Head which="fleiss" />
            <Head which="alpha" />
            <Head which="ualpha" />
          </tr>
        </thead>
        <tbody>
          {result.codes.map((row) => (
            <tr key={row.codeId} data-code={row.code}>
              <CodeCell code={row.code} codeId={row.codeId} colors={colors} />
              <td className="num">{row.units.toLocaleString()}</td>
              {row.coded.map((count, i) => (
                <td key={i} className="num">
                  {count.toLocaleString()}
                </td>
              ))}
              {statisticCell({ statistic: row.percentAgreement, percent: true, label: 'Percent agreement', note })}
              {two && statisticCell({ statistic: row.cohenKappa, label: 'Cohen’s kappa', note })}
              {statisticCell({ statistic: row.fleissKappa, label: 'Fleiss’ kappa', note })}
              {statisticCell({ statistic: row.krippendorffAlpha, label: 'Krippendorff’s alpha', note })}
              {statisticCell({ statistic: row.unitizingAlpha, label: 'uα', note })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-code="overall">
            <th scope="row">Overall</th>
            <td className="num">{overall.units.toLocaleString()}</td>
            {result.coders.map((coder) => (
              <td key={coder} />
            ))}
            {statisticCell({ statistic: overall.percentAgreement, percent: true, label: 'Percent agreement', note })}
            {two && statisticCell({ statistic: overall.cohenKappa, label: 'Cohen’s kappa', note })}
            {statisticCell({ statistic: overall.fleissKappa, label: 'Fleiss’ kappa', note })}
            {statisticCell({ statistic: overall.krippendorffAlpha, label: 'Krippendorff’s alpha', note })}
            {statisticCell({ statistic: overall.unitizingAlpha, label: 'uα', note })}
          </tr>
        </tfoot>
      </table>
      <table className="agreement-table unitizing" aria-label="Unitizing agreement">
        <thead>
          <tr>
            <th scope="col" title="Krippendorff, Mathet, Bouvry & Widlöcher (2016)">
              Unitizing (over all codes)
            </th>
            <th scope="col" className="stat" title="Text coded with any of the codes against text coded with none">
              |uα
            </th>
            <th scope="col" className="stat" title="Agreement on the codes of text both coders coded">
              cuα
            </th>
            <th scope="col" className="stat" title="Krippendorff (1995, 2004) uα over all the codes as categories">
              uα (2004)
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Overall</th>
            {statisticCell({ statistic: overall.binaryUnitizingAlpha, label: '|uα', note })}
            {statisticCell({ statistic: overall.cuAlpha, label: 'cuα', note })}
            {statisticCell({ statistic: overall.unitizingAlpha2004, label: 'uα (2004)', note })}
          </tr>
        </tbody>
      </table>
    </>
  );
}

function segmentTable({ result, colors, note }: TableProps<SegmentAgreement>) {
  const two = result.coders.length === 2;
  const overall = result.overall;
  const [first, second] = result.coders;
  return (
    <table className="agreement-table" aria-label="Agreement per code">
      <thead>
        <tr>
          <th scope="col">Code</th>
          {result.coders.map((coder) => (
            <th key={coder} scope="col" className="num" title={`Segments ${coder} coded with the code`}>
              {coder}
            </th>
          ))}
          <th scope="col" className="num" title={`Pairs of segments overlapping by at least ${Math.round(result.overlap * 100)} %`}>
            Matched
          </th>
          <th scope="col" className="num" title={two ? `Segments only ${first} coded` : 'Segments of the first coder of a pair without a match, summed over pairs'}>
            {two ? `Only ${first}` : 'Unmatched (1st)'}
          </th>
          <th scope="col" className="num" title={two ? `Segments only ${second} coded` : 'Segments of the second coder of a pair without a match, summed over pairs'}>
            {two ? `Only ${second}` : 'Unmatched (2nd)'}
          </th>
          <Head which="percent" />
          {two && <Head which="cohen" />}
          <Head which="fleiss" />
          <Head which="alpha" />
        </tr>
      </thead>
      <tbody>
        {result.codes.map((row) => (
          <tr key={row.codeId} data-code={row.code}>
            <CodeCell code={row.code} codeId={row.codeId} colors={colors} />
            {row.segments.map((count, i) => (
              <td key={i} className="num">
                {count}
              </td>
            ))}
            <td className="num">{row.matched}</td>
            <td className="num">{row.onlyFirst}</td>
            <td className="num">{row.onlySecond}</td>
            {statisticCell({ statistic: row.percentAgreement, percent: true, label: 'Percent agreement', note })}
            {two && statisticCell({ statistic: row.cohenKappa, label: 'Cohen’s kappa', note })}
            {statisticCell({ statistic: row.fleissKappa, label: 'Fleiss’ kappa', note })}
            {statisticCell({ statistic: row.krippendorffAlpha, label: 'Krippendorff’s alpha', note })}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-code="overall">
          <th scope="row">Overall</th>
          {result.coders.map((coder) => (
            <td key={coder} />
          ))}
          <td className="num">{overall.matched}</td>
          <td className="num">{overall.onlyFirst}</td>
          <td className="num">{overall.onlySecond}</td>
          {statisticCell({ statistic: overall.percentAgreement, percent: true, label: 'Percent agreement', note })}
          {two && statisticCell({ statistic: overall.maxqdaKappa, label: `MAXQDA’s kappa over ${overall.codesInTable} codes: (P_o − 1/q) / (1 − 1/q), not Cohen’s`, note, suffix: 'MAXQDA κ' })}
          <td className="stat muted" title="Fleiss’ κ and α are per code at segment level">
            —
          </td>
          <td className="stat muted" title="Fleiss’ κ and α are per code at segment level">
            —
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
