// The one place error codes become process exit codes, for every command of every issue.
import type { ErrorCode } from '../shared/api/result';

export const EXIT = {
  ok: 0,
  internal: 1,
  /** Bad input, bad usage, or an action refused by a rule. */
  refused: 2,
  /** Verification found tampering. */
  verificationFailed: 3,
  /** Ctrl-C: the job was cancelled and cleaned up. */
  interrupted: 130,
} as const;

const BY_CODE: Record<ErrorCode, number> = {
  INVALID_ARGUMENT: EXIT.refused,
  NOT_FOUND: EXIT.refused,
  ALREADY_EXISTS: EXIT.refused,
  FILE_UNREADABLE: EXIT.refused,
  BAD_FILE: EXIT.refused,
  RAGGED_ROWS: EXIT.refused,
  UNSUPPORTED: EXIT.refused,
  LIMIT_EXCEEDED: EXIT.refused,
  WORKSPACE_LOCKED: EXIT.refused,
  WORKSPACE_INCOMPATIBLE: EXIT.refused,
  OUTSIDE_ROOTS: EXIT.refused,
  BUSY: EXIT.refused,
  POLICY_INVALID: EXIT.refused,
  POLICY_COLUMN_MISSING: EXIT.refused,
  FORBIDDEN: EXIT.refused,
  UNAUTHENTICATED: EXIT.refused,
  CANCELLED: EXIT.interrupted,
  VERIFICATION_FAILED: EXIT.verificationFailed,
  INTERNAL: EXIT.internal,
};

export function exitCodeFor(code: ErrorCode): number {
  return BY_CODE[code];
}
