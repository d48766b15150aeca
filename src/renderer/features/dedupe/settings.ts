// The Setup form's draft (role corrections, the record-id column, chosen blocking rules, and the
// threshold and review band as typed) and the run settings made from it, validated by the
// contract's schema so the form says exactly what the engine would refuse.
import { DEDUPE_DEFAULTS, dedupeSettingsSchema, type BlockingRule, type ColumnRole, type DedupeRole, type DedupeSettings, type DedupeSettingsInput } from '../../../shared/api/dedupe-types';

export interface DedupeDraft {
  /** Role corrections by column id (only where they differ from the inferred role). */
  roles: Record<string, DedupeRole>;
  idColumn: string | null;
  /** Chosen blocking rules by id; null = the automatic choice. */
  rules: string[] | null;
  /** As typed, so a half-typed number can be shown and explained. */
  threshold: string;
  lower: string;
  upper: string;
  useDecisions: boolean;
}

export type DraftField = 'threshold' | 'lower' | 'upper';
export type DraftErrors = Partial<Record<DraftField | 'form', string>>;

export const emptyDraft = (): DedupeDraft => ({
  roles: {},
  idColumn: null,
  rules: null,
  threshold: String(DEDUPE_DEFAULTS.threshold),
  lower: String(DEDUPE_DEFAULTS.review.lower),
  upper: String(DEDUPE_DEFAULTS.review.upper),
  useDecisions: true,
});

/** The draft a stored run's settings give (its corrections, its rules, its threshold and band). */
export function draftFromSettings(s: DedupeSettings): DedupeDraft {
  const roles: Record<string, DedupeRole> = { ...s.roles };
  for (const id of s.exclude) roles[id] = 'ignore';
  return {
    roles,
    idColumn: s.idColumn ?? null,
    rules: s.rules ? [...s.rules] : null,
    threshold: String(s.threshold),
    lower: String(s.review.lower),
    upper: String(s.review.upper),
    useDecisions: s.useDecisions,
  };
}

/** A typed probability: a plain decimal ("0.9", ".95"), else NaN (the schema then says "must be a number"). */
export function parseProbability(text: string): number {
  const t = text.trim();
  return /^(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : Number.NaN;
}

/** The role a column is compared as under the draft: the correction, else what was inferred. */
export function roleOf(r: ColumnRole, draft: DedupeDraft): DedupeRole {
  if (draft.idColumn === r.columnId) return 'ignore';
  return draft.roles[r.columnId] ?? r.inferred;
}

/** Sets (or, when it equals the inferred role, drops) a column's correction. */
export function withRole(draft: DedupeDraft, r: ColumnRole, role: DedupeRole): DedupeDraft {
  const roles = { ...draft.roles };
  if (role === r.inferred) delete roles[r.columnId];
  else roles[r.columnId] = role;
  return { ...draft, roles };
}

/** The rules the draft uses: its choice, else the ones the plan uses. */
export function chosenRules(draft: DedupeDraft, rules: readonly BlockingRule[]): string[] {
  return draft.rules ?? rules.filter((r) => r.used).map((r) => r.id);
}

/** Ticks or unticks one rule: from then on the choice is the user's (in the plan's order). */
export function withRule(draft: DedupeDraft, rules: readonly BlockingRule[], id: string, on: boolean): DedupeDraft {
  const now = new Set(chosenRules(draft, rules));
  if (on) now.add(id);
  else now.delete(id);
  return { ...draft, rules: rules.map((r) => r.id).filter((x) => now.has(x)) };
}

/** What the draft sends (before validation). */
export function settingsInput(draft: DedupeDraft): DedupeSettingsInput {
  const roles: Record<string, DedupeRole> = {};
  for (const [id, role] of Object.entries(draft.roles)) if (id !== draft.idColumn) roles[id] = role;
  return {
    roles,
    ...(draft.idColumn ? { idColumn: draft.idColumn } : {}),
    exclude: [],
    threshold: parseProbability(draft.threshold),
    review: { lower: parseProbability(draft.lower), upper: parseProbability(draft.upper) },
    ...(draft.rules ? { rules: draft.rules } : {}),
    useDecisions: draft.useDecisions,
  };
}

const FIELD_OF: Record<string, DraftField> = { threshold: 'threshold', lower: 'lower', upper: 'upper' };

/** The settings, or each field's first problem in the schema's words (with a capital). */
export function validateDraft(draft: DedupeDraft): { ok: true; settings: DedupeSettings } | { ok: false; errors: DraftErrors } {
  const r = dedupeSettingsSchema.safeParse(settingsInput(draft));
  const errors: DraftErrors = {};
  if (r.success) {
    if (draft.rules !== null && draft.rules.length === 0) errors.form = 'Choose at least one blocking rule: without one no pair is compared.';
    return errors.form ? { ok: false, errors } : { ok: true, settings: r.data };
  }
  for (const issue of r.error.issues) {
    const last = issue.path.at(-1);
    // The band's refinement sits on `review` itself: it is about the lower bound.
    const field: DraftField | 'form' = typeof last === 'string' && FIELD_OF[last] ? FIELD_OF[last] : issue.path.at(0) === 'review' ? 'lower' : 'form';
    errors[field] ??= capitalise(issue.message);
  }
  return { ok: false, errors };
}

const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** True when the plan on screen was counted for other roles or rules than the draft's (count again). */
export function planStale(planKey: string | null, draft: DedupeDraft): boolean {
  return planKey !== null && planKey !== draftKey(draft);
}

/** What a plan depends on: roles, the id column and the rules (not the threshold). */
export function draftKey(draft: DedupeDraft): string {
  const roles = Object.entries(draft.roles).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([roles, draft.idColumn, draft.rules]);
}
