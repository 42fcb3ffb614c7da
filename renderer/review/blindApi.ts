/**
 * Blind coding for the analysis views: the same Api, but every query that reads codings is
 * limited to one coder, so no view can show another coder's work before the review opens.
 * A team discipline aid, not a security boundary: the CLI and the service see everything.
 */
import type { Input, OperationName, Output } from '../../app/service/contract.js';
import { Api } from '../api/api.js';

/** The queries whose input takes a single `coder`, and those that take a `coders` list. */
const SINGLE_CODER: ReadonlySet<OperationName> = new Set<OperationName>([
  'codings.list',
  'export.segmentsCsv',
  'analysis.matrix',
  'analysis.matrixCsv',
  'analysis.cooccurrence',
  'analysis.cooccurrenceCsv',
]);
const CODER_LIST: ReadonlySet<OperationName> = new Set<OperationName>(['retrieval.segments', 'retrieval.segmentsCsv']);

export class BlindApi extends Api {
  readonly coder: string;

  constructor(api: Api, coder: string) {
    super(api.bridge);
    this.coder = coder;
  }

  override run<K extends OperationName>(name: K, input: Input<K>): Promise<Output<K>> {
    if (SINGLE_CODER.has(name)) return super.run(name, { ...input, coder: this.coder });
    if (CODER_LIST.has(name)) return super.run(name, { ...input, coders: [this.coder] });
    return super.run(name, input);
  }
}

export const BLIND_NOTE = 'Blind coding: others’ codings are hidden until review';
