/**
 * The one error type that crosses the service boundary. `code` is stable and machine-readable;
 * `message` is written for the user and says what to do next.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'exists'
  /** The same code by the same coder on exactly the same passage is there already. */
  | 'duplicate_coding'
  | 'ambiguous'
  | 'not_a_project'
  | 'newer_schema'
  | 'project_locked'
  /** Another process held the project's write lock past the busy timeout: retry. */
  | 'project_busy'
  | 'unsupported_format'
  | 'bad_file'
  | 'empty_file'
  | 'nothing_to_undo'
  | 'nothing_to_redo'
  | 'internal';

export class GlossError extends Error {
  readonly code: ErrorCode;
  /**
   * What to type next at the command line (e.g. "List them with `gloss docs PROJECT`."). The
   * message itself speaks the workbench's words, as every door shows it; only the CLI adds this.
   */
  readonly cliHint: string | undefined;

  constructor(code: ErrorCode, message: string, options: { cliHint?: string } = {}) {
    super(message);
    this.name = 'GlossError';
    this.code = code;
    this.cliHint = options.cliHint;
  }
}

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof GlossError) return { code: error.code, message: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Gloss hit an unexpected problem: ${detail}. Nothing was changed.` };
}
