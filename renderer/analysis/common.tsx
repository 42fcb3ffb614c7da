/** What every analysis view gets from the workbench, and small shared pieces. */
import { useEffect, useState } from 'react';
import type { Output } from '../../app/service/contract.js';
import type { CodeView } from '../../app/service/views.js';
import { ApiError } from '../api/api.js';
import type { Workbench } from '../app/useWorkbench.js';
import { countingText } from './counting.js';
import type { OptionScope } from './usePersistentOption.js';

export type RetrievedSegment = Output<'retrieval.segments'>['segments'][number];

export interface AnalysisProps {
  wb: Workbench;
  coder: string | null;
  /** Open the document in the Reader tab and select [start, end) (code points). */
  jumpTo(documentId: string, start: number, end: number): void;
}

export function errorText(error: unknown): string {
  return error instanceof ApiError || error instanceof Error ? error.message : String(error);
}

/** Run `load` whenever `deps` change; the latest answer wins. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): { data: T | null; error: string | null; loading: boolean } {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean; deps: readonly unknown[] }>({ data: null, error: null, loading: true, deps });
  let current = state;
  if (!sameDeps(state.deps, deps)) {
    // New inputs: loading from this render on (state adjusted during render, not in the effect).
    current = { ...state, loading: true, deps };
    setState(current);
  }
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState((now) => ({ ...now, data, error: null, loading: false })),
      (error: unknown) => live && setState((now) => ({ ...now, data: null, error: errorText(error), loading: false })),
    );
    return () => {
      live = false;
    };
    // The caller's list, by design: views pass a key for their input (its JSON) and the project
    // (a change to it means the data may have changed), not the objects themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return { data: current.data, error: current.error, loading: current.loading };
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

export function Swatch({ color }: { color: string }) {
  return <span className="swatch" style={{ background: color }} aria-hidden />;
}

/** A code picker: every code by path, indented by depth. */
export function CodeSelect({ codes, value, onChange, label, allowNone }: { codes: CodeView[]; value: string; onChange(id: string): void; label: string; allowNone?: string }) {
  return (
    <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value)}>
      {allowNone !== undefined && <option value="">{allowNone}</option>}
      {codes.map((code) => (
        <option key={code.id} value={code.id}>
          {'\u2003'.repeat(code.depth)}
          {code.name}
        </option>
      ))}
    </select>
  );
}

export async function saveCsv(props: AnalysisProps, name: string, csv: string): Promise<void> {
  try {
    const saved = await props.wb.api.bridge.saveFile(name, csv);
    if (saved) props.wb.notify('info', `Exported ${name}.`);
  } catch (error) {
    props.wb.notify('error', errorText(error));
  }
}

/** Where a view keeps its options: this project, this view. */
export function optionScope(wb: Workbench, view: string): OptionScope {
  return { projectId: wb.project?.id, view };
}

/** The line every analysis view shows: which coders its figures count. */
export function CountingNote({ wb, chosen }: { wb: Workbench; chosen: readonly string[] }) {
  const text = countingText({ coders: wb.coders.map((c) => c.name), chosen, consensusCoder: wb.review.consensusCoder, blindCoder: wb.blindCoder });
  return (
    <span className="counting" data-testid="counting">
      {text}
    </span>
  );
}

/** One coder or all: the filter every analysis view offers. */
export function CoderSelect({ coders, value, onChange, label }: { coders: Workbench['coders']; value: string; onChange(name: string): void; label: string }) {
  return (
    <label className="field-inline">
      <span>Coder</span>
      <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">all</option>
        {coders.map((c) => (
          <option key={c.id} value={c.name}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The last part of a code path: "balancing" of "Russian policy/balancing". */
export function leafName(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut < 0 ? path : path.slice(cut + 1);
}

/**
 * The column heads of a code-by-something heatmap: swatch and the leaf name in full, set
 * vertically and wrapped rather than cut; the whole path on hover and for screen readers.
 */
export function CodeColumnHeads({ columns }: { columns: readonly { codeId: string; code: string; color: string }[] }) {
  return (
    <>
      {columns.map((column) => (
        <th key={column.codeId} scope="col" className="col-head" title={column.code} aria-label={column.code}>
          <span className="col-label">
            <Swatch color={column.color} />
            <span className="col-name">{leafName(column.code)}</span>
          </span>
        </th>
      ))}
    </>
  );
}

/** A code path with its parents muted: "Russian policy/" in grey, "balancing" in ink. */
export function CodeLabel({ path }: { path: string }) {
  const cut = path.lastIndexOf('/');
  if (cut < 0) return <span>{path}</span>;
  return (
    <span>
      <span className="parent">{path.slice(0, cut + 1)}</span>
      {path.slice(cut + 1)}
    </span>
  );
}
