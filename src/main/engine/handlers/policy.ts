// policy.* — presets, saved policies (versions and revisions; the lifecycle is handlers/lifecycle.ts), recipe files, and the column check a recipe
// needs before it is applied to another dataset.
import fs from 'node:fs';
import type { Handlers } from '../../../shared/api/client';
import { AppError } from '../../../shared/api/result';
import { PRESETS } from '../../../shared/policy/presets';
import { missingColumns } from '../../../shared/policy/columns';
import { getColumns } from '../datasets/catalog';
import type { Engine } from '../engine';
import { prepareDestination, publish, cleanup } from '../export/destination';
import { sha256File } from '../import/digest';
import { scanJsonFile } from '../import/json-syntax';
import { deriveTrust } from '../identity/trust';
import { requireRole } from '../identity/store';
import { getPolicy, listPolicyItems, parsePolicy, savePolicy } from '../policy/store';

/** Recipes are small; anything bigger is not one. */
const MAX_RECIPE_BYTES = 20 * 1024 * 1024;

export function policyHandlers(e: Engine): Pick<Handlers, 'policy.presets' | 'policy.list' | 'policy.get' | 'policy.save' | 'policy.readFile' | 'policy.writeFile' | 'policy.checkColumns'> {
  return {
    'policy.presets': async () => Object.values(PRESETS),
    'policy.list': () => listPolicyItems(e.workspace.db),
    'policy.get': ({ policyId, version }) => getPolicy(e.workspace.db, policyId, version),
    'policy.save': async ({ policyId, policy, summary }) => {
      const ws = e.workspace;
      const saved = await ws.exclusive(async () => {
        // A governed workspace keeps policies in stewards' (and admins') hands.
        const trust = await deriveTrust(ws.db);
        if (trust.governed) requireRole(trust, e.identity, ['steward', 'admin'], 'Saving a policy in a governed workspace');
        return savePolicy(ws.db, { doc: policy, policyId, summary, actor: e.actor, signer: e.identity?.signer ?? null });
      });
      e.events.emit('policies.changed', { policyId: saved.policyId });
      return saved;
    },
    'policy.readFile': async ({ path: p }) => {
      e.allowPath(p);
      let text: string;
      try {
        const st = fs.statSync(p);
        if (!st.isFile()) throw new AppError('INVALID_ARGUMENT', `${p} is not a file.`, { file: p });
        if (st.size > MAX_RECIPE_BYTES) throw new AppError('LIMIT_EXCEEDED', `${p} is ${st.size} bytes; a recipe is at most ${MAX_RECIPE_BYTES}.`, { file: p });
        text = fs.readFileSync(p, 'utf8');
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw new AppError('FILE_UNREADABLE', `${p}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { file: p });
      }
      let doc: unknown;
      try {
        doc = JSON.parse(text);
      } catch {
        // The import's JSON checker says where: JSON.parse's message has no position on Node 20.
        const problem = await scanJsonFile(p, 'document');
        const at = problem ? `: line ${problem.line}, column ${problem.column}: ${problem.reason}` : ': not valid JSON';
        throw new AppError('POLICY_INVALID', `${p}${at}. A recipe is one JSON object (see docs/POLICY.md).`, { file: p, ...(problem ? { line: problem.line, column: problem.column } : {}) });
      }
      return { policy: parsePolicy(doc, p), path: p };
    },
    'policy.writeFile': async ({ path: p, policy, force }) => {
      e.allowPath(p);
      const doc = parsePolicy(policy);
      const dest = prepareDestination(p, force, []);
      try {
        fs.writeFileSync(dest.temp, `${JSON.stringify(doc, null, 2)}\n`);
        const sha256 = await sha256File(dest.temp);
        publish(dest, force);
        return { path: dest.path, sha256 };
      } finally {
        cleanup(dest);
      }
    },
    'policy.checkColumns': async ({ datasetId, version, policy }) => {
      const doc = parsePolicy(policy);
      const headers = (await getColumns(e.workspace.db, datasetId, version)).map((c) => c.header);
      return { missing: missingColumns(doc, headers) };
    },
  };
}
