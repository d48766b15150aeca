// Saved policies: every save is a new version row (never an update), with its digest, author
// and time; the document's own edit list grows with each save.
import { createHash } from 'node:crypto';
import type { PolicySummary, StoredPolicy } from '../../../shared/api/clean-types';
import { AppError } from '../../../shared/api/result';
import { describeIssues, validatePolicy, type Policy } from '../../../shared/policy/policy';
import { num, type Database } from '../db/database';
import { table } from '../db/sql';
import { appendEvent } from '../workspace/event-log';

/** The digest of a policy: SHA-256 of its JSON (keys in schema order, so stable). */
export function policySha256(p: Policy): string {
  return createHash('sha256').update(JSON.stringify(p)).digest('hex');
}

/** Validates a policy document from outside, throwing POLICY_INVALID with every issue. */
export function parsePolicy(doc: unknown, what = 'The policy'): Policy {
  const r = validatePolicy(doc);
  if (r.ok) return r.policy;
  throw new AppError('POLICY_INVALID', `${what} is not valid:\n${describeIssues(r.issues)}`, { issues: r.issues });
}

function toStored(r: Record<string, unknown>): StoredPolicy {
  return {
    policyId: String(r.policy_id),
    policy: JSON.parse(String(r.doc)) as Policy,
    sha256: String(r.sha256),
    savedAt: new Date(num(r.saved_ms)).toISOString(),
    savedBy: String(r.saved_by),
  };
}

export async function getPolicy(db: Database, policyId: string, version?: number): Promise<StoredPolicy> {
  const r = await db.one(
    `SELECT policy_id, doc::VARCHAR AS doc, sha256, epoch_ms(saved_at) AS saved_ms, saved_by FROM ${table.policy}
     WHERE policy_id = $id AND ($v IS NULL OR version = $v) ORDER BY version DESC, revision DESC LIMIT 1`,
    { id: policyId, v: version ?? null },
  );
  if (!r) throw new AppError('NOT_FOUND', version ? `Policy ${policyId} has no version ${version}.` : `There is no policy ${policyId} in this workspace.`);
  return toStored(r);
}

/** @deprecated the lifecycle's list (state, owner, ACTIVE version) replaces it. */
export async function listPolicies(db: Database): Promise<PolicySummary[]> {
  const rows = await db.all(
    `SELECT policy_id, name, version, epoch_ms(saved_at) AS saved_ms, saved_by, json_array_length(doc->'steps') AS steps FROM ${table.policy}
     QUALIFY row_number() OVER (PARTITION BY policy_id ORDER BY version DESC, revision DESC) = 1 ORDER BY saved_at DESC, policy_id DESC`,
  );
  return rows.map((r) => ({
    policyId: String(r.policy_id),
    name: String(r.name),
    latestVersion: num(r.version),
    savedAt: new Date(num(r.saved_ms)).toISOString(),
    savedBy: String(r.saved_by),
    stepCount: num(r.steps),
  }));
}

/** Saves a policy as the next version of `policyId` (or as a new policy): author, time and the edit are recorded. */
export async function savePolicy(db: Database, doc: unknown, policyId: string | undefined, summary: string, actor: string): Promise<StoredPolicy> {
  const given = parsePolicy(doc);
  return db.transaction(async (c) => {
    let id = policyId;
    let version = 1;
    let author = actor;
    let createdAt = new Date().toISOString();
    if (id) {
      const r = await c.runAndReadAll(`SELECT max(version) AS v, arg_max(doc->>'author', version) AS author, arg_max(doc->>'createdAt', version) AS created FROM ${table.policy} WHERE policy_id = $id`, { id });
      const row = r.getRowObjects()[0];
      if (!row || row.v === null) throw new AppError('NOT_FOUND', `There is no policy ${id} in this workspace.`);
      version = num(row.v) + 1;
      author = String(row.author);
      createdAt = String(row.created);
    } else {
      const r = await c.runAndReadAll(`SELECT nextval('${table.policy}_seq') AS n`);
      id = `p${num(r.getRowObjects()[0]?.n)}`;
    }
    const now = new Date().toISOString();
    const policy: Policy = { ...given, version, author, createdAt, edits: [...given.edits, { at: now, author: actor, summary: summary || (version === 1 ? 'created' : 'edited') }] };
    const sha = policySha256(policy);
    await c.run(`INSERT INTO ${table.policy} (policy_id, version, revision, name, doc, sha256, saved_at, saved_by) VALUES ($id, $v, 1, $name, $doc, $sha, now(), $actor)`, { id, v: version, name: policy.name, doc: JSON.stringify(policy), sha, actor });
    await appendEvent(c, { action: 'policy.saved', actor, subject: { policy: id }, details: { version, name: policy.name, sha256: sha, summary } });
    return { policyId: id, policy, sha256: sha, savedAt: now, savedBy: actor };
  });
}
