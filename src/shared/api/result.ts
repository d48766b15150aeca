// Results and errors as values: what every method returns across every transport.

/** Error codes. The CLI maps them to exit codes (see cli/exit-codes.ts); the UI to messages. */
export const ERROR_CODES = [
  'INVALID_ARGUMENT', // a request that does not match the contract, or a bad CLI flag
  'NOT_FOUND', // a dataset, version, job, view or file that does not exist
  'ALREADY_EXISTS', // an output that would be overwritten without --force
  'FILE_UNREADABLE', // a file that cannot be opened or disappears mid-read
  'BAD_FILE', // content that cannot be imported: syntax, encoding, binary, empty, corrupt
  'RAGGED_ROWS', // rows with the wrong number of fields; details say how many and where
  'UNSUPPORTED', // a valid file with something we do not handle (a Parquet type, a format)
  'LIMIT_EXCEEDED', // a format limit (XLSX rows or cell length, field size)
  'WORKSPACE_LOCKED', // the workspace is open in another process
  'WORKSPACE_INCOMPATIBLE', // written by a newer version of the app, or not a workspace
  'OUTSIDE_ROOTS', // a browse path outside the roots the server was started with
  'BUSY', // a refused action while jobs run (e.g. switching workspace)
  'POLICY_INVALID', // a policy document or step that fails validation; details list the issues
  'POLICY_COLUMN_MISSING', // a policy names a column the data does not have (map it first)
  'CANCELLED',
  'FORBIDDEN', // refused by a role or a lifecycle guard (separation of duties, governed workspace…); the message names the guard
  'UNAUTHENTICATED', // a wrong passphrase, or an action that needs an unlocked identity
  'VERIFICATION_FAILED', // tampering found (later issues)
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Where in an input file a problem is. Lines and columns are 1-based; byte offsets 0-based. */
export interface ErrorLocation {
  file?: string;
  line?: number;
  column?: number;
  byteOffset?: number;
  record?: number;
}

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  details?: ErrorLocation & Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** Thrown inside the engine; converted to a Result at the transport boundary. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorInfo['details'];
  constructor(code: ErrorCode, message: string, details?: ErrorInfo['details']) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toInfo(): ErrorInfo {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof AppError) return err.toInfo();
  if (isErrorInfo(err)) return err;
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message };
}

export function isErrorInfo(v: unknown): v is ErrorInfo {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as ErrorInfo).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((v as ErrorInfo).code) &&
    typeof (v as ErrorInfo).message === 'string'
  );
}

/** Unwraps a Result, rethrowing its error as an AppError (for callers that prefer exceptions). */
export function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  throw new AppError(r.error.code, r.error.message, r.error.details);
}
