// Saved policies: versions and their revisions (rows are only ever inserted), each with its digest,
// author (name and key) and time; a version's state is its latest transition's. A DRAFT version
// takes new revisions; ACTIVE and RETIRED versions never change (editing makes the next version);
// a version in REVIEW cannot be edited.
import { createHash } from 'node:crypto';
import type { StoredPolicy } from '../../../shared/api/clean-types';
import type { PolicyAuthor, PolicyListItem, PolicyState, PolicyVersionInfo, TransitionRecord, TransitionPreview } from '../../../shared/api/governance-types';
import { AppError } from '../../../shared/api/result';
import { describeIssues, validatePolicy, type Policy } from '../../../shared/policy/policy';
import type { Signer } from '../identity/keys';
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

const iso = (ms: unknown) => new Date(num(ms)).toISOString();

function toStored(r: Record<string, unknown>): StoredPolicy {
  return { policyId: String(r.policy_id), policy: JSON.parse(String(r.doc)) as Policy, sha256: String(r.sha256), savedAt: iso(r.saved_ms), savedBy: String(r.saved_by) };
}

/** A version's newest revision (or the newest version's). */
export async function getPolicy(db: Database, policyId: string, version?: number): Promise<StoredPolicy> {
  const r = await db.one(
    `SELECT policy_id, doc::VARCHAR AS doc, sha256, epoch_ms(saved_at) AS saved_ms, saved_by FROM ${table.policy}
     WHERE policy_id = $id AND ($v IS NULL OR version = $v) ORDER BY version DESC, revision DESC LIMIT 1`,
    { id: policyId, v: version ?? null },
  );
  if (!r) {
    const exists = version ? await db.one(`SELECT 1 AS x FROM ${table.policy} WHERE policy_id = $id LIMIT 1`, { id: policyId }) : null;
    throw new AppError('NOT_FOUND', exists ? `Policy ${policyId} has no version ${version}.` : `There is no policy ${policyId} in this workspace.`, { policyId });
  }
  return toStored(r);
}

/** The state of each version of a policy (DRAFT until its first transition). */
export async function versionStates(db: Database, policyId: string): Promise<Map<number, PolicyState>> {
  const rows = await db.all(
    `SELECT p.version, coalesce(t.to_state, 'DRAFT') AS state FROM (SELECT DISTINCT version FROM ${table.policy} WHERE policy_id = $id) p
     LEFT JOIN (SELECT version, arg_max(to_state, seq) AS to_state FROM ${table.policyTransition} WHERE policy_id = $id GROUP BY version) t USING (version)`,
    { id: policyId },
  );
  return new Map(rows.map((r) => [num(r.version), String(r.state) as PolicyState]));
}

/** The ACTIVE version of a policy, if any. */
export async function activeVersion(db: Database, policyId: string): Promise<number | null> {
  for (const [v, s] of await versionStates(db, policyId)) if (s === 'ACTIVE') return v;
  return null;
}

/** Policies whose (newest) name is `name`, case-insensitively. */
export async function policiesNamed(db: Database, name: string): Promise<string[]> {
  const rows = await db.all(
    `SELECT policy_id FROM ${table.policy} QUALIFY row_number() OVER (PARTITION BY policy_id ORDER BY version DESC, revision DESC) = 1 AND lower(name) = lower($name) ORDER BY policy_id`,
    { name },
  );
  return rows.map((r) => String(r.policy_id));
}

export async function listPolicyItems(db: Database): Promise<PolicyListItem[]> {
  const rows = await db.all(
    `WITH newest AS (SELECT * FROM ${table.policy} QUALIFY row_number() OVER (PARTITION BY policy_id ORDER BY version DESC, revision DESC) = 1),
     owner AS (SELECT policy_id, arg_min(saved_by, version * 1000000 + revision) AS owner FROM ${table.policy} GROUP BY policy_id),
     state AS (SELECT policy_id, version, arg_max(to_state, seq) AS state FROM ${table.policyTransition} GROUP BY policy_id, version)
     SELECT n.policy_id, n.name, n.version, epoch_ms(n.saved_at) AS saved_ms, n.saved_by, json_array_length(n.doc->'steps') AS steps, o.owner,
       coalesce(s.state, 'DRAFT') AS state, (SELECT max(a.version) FROM state a WHERE a.policy_id = n.policy_id AND a.state = 'ACTIVE') AS active
     FROM newest n JOIN owner o USING (policy_id) LEFT JOIN state s ON s.policy_id = n.policy_id AND s.version = n.version
     ORDER BY n.saved_at DESC, n.policy_id DESC`,
  );
  return rows.map((r) => ({
    policyId: String(r.policy_id),
    name: String(r.name),
    latestVersion: num(r.version),
    state: String(r.state) as PolicyState,
    activeVersion: r.active === null || r.active === undefined ? null : num(r.active),
    owner: String(r.owner),
    savedAt: iso(r.saved_ms),
    savedBy: String(r.saved_by),
    stepCount: num(r.steps),
  }));
}

export async function transitionsOf(db: Database, policyId: string, version?: number): Promise<(TransitionRecord & { version: number })[]> {
  const rows = await db.all(
    `SELECT version, seq, action, from_state, to_state, actor, fingerprint, reason, epoch_ms("at") AS at_ms, preview::VARCHAR AS preview FROM ${table.policyTransition}
     WHERE policy_id = $id AND ($v IS NULL OR version = $v) ORDER BY seq`,
    { id: policyId, v: version ?? null },
  );
  return rows.map((r) => ({
    version: num(r.version),
    seq: num(r.seq),
    action: String(r.action) as TransitionRecord['action'],
    from: String(r.from_state) as PolicyState,
    to: String(r.to_state) as PolicyState,
    actor: String(r.actor),
    fingerprint: String(r.fingerprint),
    reason: String(r.reason),
    at: iso(r.at_ms),
    preview: r.preview === null || r.preview === undefined ? null : (JSON.parse(String(r.preview)) as TransitionPreview),
  }));
}

/** Every version of a policy, newest first, with its authors, submitter and transitions. */
export async function versionInfos(db: Database, policyId: string): Promise<PolicyVersionInfo[]> {
  const rows = await db.all(
    `SELECT version, revision, name, sha256, json_array_length(doc->'steps') AS steps, epoch_ms(saved_at) AS saved_ms, saved_by, saved_by_key
     FROM ${table.policy} WHERE policy_id = $id ORDER BY version DESC, revision`,
    { id: policyId },
  );
  if (rows.length === 0) throw new AppError('NOT_FOUND', `There is no policy ${policyId} in this workspace.`, { policyId });
  const transitions = await transitionsOf(db, policyId);
  const out: PolicyVersionInfo[] = [];
  for (const r of rows) {
    const v = num(r.version);
    let info = out.find((x) => x.version === v);
    if (!info) {
      const mine = transitions.filter((t) => t.version === v).map(({ version: _v, ...t }) => t);
      const submit = mine.filter((t) => t.action === 'submit').at(-1);
      info = {
        policyId, name: '', version: v, state: mine.at(-1)?.to ?? 'DRAFT', revisions: 0, sha256: '', stepCount: 0, authors: [],
        submittedBy: submit ? { name: submit.actor, fingerprint: submit.fingerprint } : null, createdAt: iso(r.saved_ms), updatedAt: '', transitions: mine,
      };
      out.push(info);
    }
    const author: PolicyAuthor = { name: String(r.saved_by), fingerprint: r.saved_by_key === null || r.saved_by_key === undefined ? null : String(r.saved_by_key) };
    if (!info.authors.some((a) => a.name === author.name && a.fingerprint === author.fingerprint)) info.authors.push(author);
    Object.assign(info, { name: String(r.name), revisions: num(r.revision), sha256: String(r.sha256), stepCount: num(r.steps), updatedAt: iso(r.saved_ms) });
  }
  return out;
}

export interface SaveRequest {
  doc: unknown;
  policyId?: string | undefined;
  summary: string;
  actor: string;
  /** The active identity's signer: its fingerprint is recorded, and it signs the audit entry. */
  signer: Signer | null;
}

async function refuseTakenName(db: Database, name: string, policyId: string | undefined): Promise<void> {
  const taken = (await policiesNamed(db, name)).filter((id) => id !== policyId);
  // A policy renamed in a newer version still holds its old name while that version is ACTIVE
  // (one ACTIVE version per policy name; `clean --policy NAME` must find one).
  const active = await db.all(
    `SELECT DISTINCT p.policy_id FROM (SELECT policy_id, version, name FROM ${table.policy} QUALIFY row_number() OVER (PARTITION BY policy_id, version ORDER BY revision DESC) = 1) p JOIN (SELECT policy_id, version, arg_max(to_state, seq) AS state FROM ${table.policyTransition} GROUP BY policy_id, version) t
       ON t.policy_id = p.policy_id AND t.version = p.version AND t.state = 'ACTIVE' WHERE lower(p.name) = lower($name) AND p.policy_id IS DISTINCT FROM $id`,
    { name, id: policyId ?? null },
  );
  const heldByActive = active.map((r) => String(r.policy_id)).find((id) => !taken.includes(id));
  if (taken.length === 0 && heldByActive) {
    throw new AppError('ALREADY_EXISTS', `The name ${JSON.stringify(name)} belongs to the ACTIVE version of ${heldByActive}, renamed since; a name has one ACTIVE policy at a time: choose another, or retire that version first.`, { name, policyId: heldByActive });
  }
  if (taken.length > 0) {
    throw new AppError('ALREADY_EXISTS', `There is already a policy named ${JSON.stringify(name)} (${taken[0]}) in this workspace; to change it, edit it (CLI: sanitizer policy edit ${JSON.stringify(name)}).`, { name, policyId: taken[0] });
  }
}

/**
 * Saves an edit: a new policy (v1 r1), the next revision of a DRAFT newest version, or a new DRAFT
 * version after an ACTIVE or RETIRED one. Callers serialise through Workspace.exclusive.
 */
export async function savePolicy(db: Database, req: SaveRequest): Promise<StoredPolicy> {
  const given = parsePolicy(req.doc);
  await refuseTakenName(db, given.name, req.policyId);
  let id = req.policyId;
  let version = 1;
  let revision = 1;
  let author = req.actor;
  let createdAt = new Date().toISOString();
  if (id) {
    const states = await versionStates(db, id);
    if (states.size === 0) throw new AppError('NOT_FOUND', `There is no policy ${id} in this workspace.`, { policyId: id });
    const newest = Math.max(...states.keys());
    const state = states.get(newest) as PolicyState;
    const prev = await getPolicy(db, id, newest);
    if (state === 'REVIEW') {
      throw new AppError('FORBIDDEN', `v${newest} of ${prev.policy.name} is in review: an approver must reject it before it can be edited.`, { guard: 'state', policyId: id, version: newest, state });
    }
    version = state === 'DRAFT' ? newest : newest + 1;
    if (state === 'DRAFT') {
      const r = await db.one(`SELECT max(revision) AS r FROM ${table.policy} WHERE policy_id = $id AND version = $v`, { id, v: newest });
      revision = num(r?.r) + 1;
    }
    author = prev.policy.author;
    createdAt = prev.policy.createdAt;
  }
  const now = new Date().toISOString();
  const summary = req.summary || (version === 1 && revision === 1 ? 'created' : 'edited');
  const policy: Policy = { ...given, version, author, createdAt, edits: [...given.edits, { at: now, author: req.actor, summary }] };
  const sha = policySha256(policy);
  const key = req.signer?.fingerprint ?? null;
  return db.transaction(async (c) => {
    if (!id) {
      const r = await c.runAndReadAll(`SELECT nextval('${table.policy}_seq') AS n`);
      id = `p${num(r.getRowObjects()[0]?.n)}`;
    }
    await c.run(
      `INSERT INTO ${table.policy} (policy_id, version, revision, name, doc, sha256, saved_at, saved_by, saved_by_key) VALUES ($id, $v, $rev, $name, $doc, $sha, now(), $actor, $key)`,
      { id, v: version, rev: revision, name: policy.name, doc: JSON.stringify(policy), sha, actor: req.actor, key },
    );
    await appendEvent(c, {
      action: 'policy.saved', actor: req.actor, subject: { policy: id },
      details: { version, revision, name: policy.name, sha256: sha, summary },
      ...(req.signer ? { signer: req.signer } : {}),
    });
    return { policyId: id, policy, sha256: sha, savedAt: now, savedBy: req.actor };
  });
}
