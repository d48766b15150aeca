// The policy document: a versioned, authored, ordered list of cleaning steps, and its validation
// with errors that name the offending step (by number and id) and field.
import { z } from 'zod';
import { stepRequirements } from './catalog';
import { stepSchema, type Step } from './steps';

export const POLICY_FORMAT = 'data-sanitizer/policy';
export const POLICY_FORMAT_VERSION = 1;

const edit = z.strictObject({
  at: z.iso.datetime({ offset: true }),
  author: z.string().min(1).max(200),
  summary: z.string().max(2000),
});

export const policySchema = z.strictObject({
  format: z.literal(POLICY_FORMAT),
  formatVersion: z.literal(POLICY_FORMAT_VERSION),
  name: z.string().min(1, 'the policy needs a name').max(200),
  description: z.string().max(10_000).default(''),
  /** The policy's own version: 1 for the first saved, +1 for each save. */
  version: z.int().positive(),
  author: z.string().min(1).max(200),
  createdAt: z.iso.datetime({ offset: true }),
  /** Every edit that made a version, oldest first. */
  edits: z.array(edit).max(100_000).default([]),
  steps: z.array(stepSchema).max(1000),
}).superRefine((p, ctx) => {
  const seen = new Map<string, number>();
  p.steps.forEach((s, i) => {
    const first = seen.get(s.id);
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `the id "${s.id}" is already used by step ${first + 1}` });
    else seen.set(s.id, i);
    for (const [field, message] of stepRequirements(s)) ctx.addIssue({ code: 'custom', path: ['steps', i, field], message });
  });
});

export type Policy = z.output<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;

export interface PolicyIssue {
  /** Where: `steps[2] (id "s3", trim) › params › mode`. */
  where: string;
  message: string;
  path: (string | number)[];
}

/** Validates a policy document; issues name the step (number, id and type) and the field. */
export function validatePolicy(doc: unknown): { ok: true; policy: Policy } | { ok: false; issues: PolicyIssue[] } {
  const r = policySchema.safeParse(doc);
  if (r.success) return { ok: true, policy: r.data };
  const steps = (doc as { steps?: unknown } | null)?.steps;
  return { ok: false, issues: r.error.issues.map((i) => toIssue(i.path as (string | number)[], i.message, Array.isArray(steps) ? steps : [])) };
}

function toIssue(path: (string | number)[], message: string, steps: unknown[]): PolicyIssue {
  const parts: string[] = [];
  for (let k = 0; k < path.length; k++) {
    const p = path[k];
    if (p === undefined) continue;
    if (k === 1 && path[0] === 'steps' && typeof p === 'number') {
      const s = steps[p] as { id?: unknown; type?: unknown } | undefined;
      const id = typeof s?.id === 'string' ? ` (id "${s.id}"${typeof s.type === 'string' ? `, ${s.type}` : ''})` : '';
      parts[parts.length - 1] = `step ${p + 1}${id}`;
      continue;
    }
    parts.push(typeof p === 'number' ? `[${p + 1}]` : p);
  }
  return { where: parts.join(' › ') || 'the policy', message, path };
}

/** One line per issue, for the CLI and error details. */
export function describeIssues(issues: PolicyIssue[]): string {
  return issues.map((i) => `${i.where}: ${i.message}`).join('\n');
}

/** A fresh, empty draft policy. */
export function newPolicy(name: string, author: string, at = new Date()): Policy {
  return {
    format: POLICY_FORMAT,
    formatVersion: POLICY_FORMAT_VERSION,
    name,
    description: '',
    version: 1,
    author,
    createdAt: at.toISOString(),
    edits: [],
    steps: [] as Step[],
  };
}
