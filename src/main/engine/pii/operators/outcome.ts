// What an operator gives back for one value: the new value, or why it could not handle it — so the
// caller can report the value and decide, never silently null it or keep it unnoticed.
export type OperatorOutcome = { value: string } | { fail: string };

export const ok = (value: string): OperatorOutcome => ({ value });
export const fail = (reason: string): OperatorOutcome => ({ fail: reason });

/** Blank values (empty or only whitespace) hold nothing to de-identify: every operator but redact passes them through. */
export const isBlank = (v: string): boolean => v.trim() === '';
