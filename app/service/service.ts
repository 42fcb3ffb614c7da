import type { ZodError } from 'zod';
import { GlossError, toErrorInfo } from '../domain/errors.js';
import { openProjectFile } from '../store/projectFile.js';
import { getProjectRow, insertProjectRow } from '../store/projectQueries.js';
import { agreementHandlers } from './agreement.js';
import { analysisHandlers } from './analysis.js';
import { attributeHandlers } from './attributes.js';
import { coderHandlers } from './coders.js';
import { codeHandlers } from './codes.js';
import { codingHandlers } from './codings.js';
import { Context } from './context.js';
import { operations, type GlossApi, type Input, type OperationName, type Output, type Result } from './contract.js';
import { documentHandlers } from './documents.js';
import { exportHandlers } from './exports.js';
import type { Handlers } from './handlers.js';
import { historyHandlers } from './history.js';
import { memoHandlers } from './memos.js';
import { projectHandlers } from './project.js';
import { refiHandlers } from './refi.js';
import { retrievalHandlers } from './retrieval.js';
import { reviewHandlers } from './review.js';
import { reviewReportHandlers } from './reviewReport.js';
import { searchHandlers } from './search.js';

const handlers: Handlers = {
  ...projectHandlers,
  ...documentHandlers,
  ...codeHandlers,
  ...codingHandlers,
  ...coderHandlers,
  ...memoHandlers,
  ...historyHandlers,
  ...exportHandlers,
  ...analysisHandlers,
  ...searchHandlers,
  ...retrievalHandlers,
  ...attributeHandlers,
  ...refiHandlers,
  ...agreementHandlers,
  ...reviewHandlers,
  ...reviewReportHandlers,
};

function describeZodError(name: string, error: ZodError): string {
  const issues = error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
  return `Invalid input for ${name}: ${issues.join('; ')}.`;
}

/** One open project and every operation on it. The CLI, the HTTP host and Electron share it. */
export class GlossService implements GlossApi {
  private readonly context: Context;

  private constructor(context: Context) {
    this.context = context;
  }

  /** Open an existing project file. */
  static open(file: string): GlossService {
    return new GlossService(new Context(openProjectFile(file), file));
  }

  /** Create a new project file (it must not exist yet). */
  static create(file: string, name: string): GlossService {
    const db = openProjectFile(file, { create: true });
    const context = new Context(db, file);
    // The project row is the file's starting state, not a user action: it is not undoable.
    if (!getProjectRow(db)) insertProjectRow(db, { uuid: context.newUuid(), name, createdAt: context.now() });
    return new GlossService(context);
  }

  close(): void {
    if (this.context.db.open) this.context.db.close();
  }

  /** Validate `input` against the contract and run the operation; errors come back as values. */
  async call<K extends OperationName>(name: K, input: Input<K>): Promise<Result<Output<K>>> {
    try {
      return { ok: true, value: await this.run(name, input) };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) };
    }
  }

  /** Like `call`, but throws a GlossError: for in-process callers such as the CLI and tests. */
  async run<K extends OperationName>(name: K, input: unknown): Promise<Output<K>> {
    const spec = operations[name];
    if (!spec) throw new GlossError('invalid_input', `Gloss has no operation "${String(name)}".`);
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) throw new GlossError('invalid_input', describeZodError(name, parsed.error));
    const handler = handlers[name] as (context: Context, input: Input<K>) => Output<K> | Promise<Output<K>>;
    return await handler(this.context, parsed.data as Input<K>);
  }
}
