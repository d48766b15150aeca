// Where a draft comes from and where it goes: empty, a preset, a saved policy or a recipe file;
// saved as a new version, or written out as a recipe.
import type { StoredPolicy } from '../../../shared/api/clean-types';
import type { Result } from '../../../shared/api/result';
import { newPolicy } from '../../../shared/policy/policy';
import { presetPolicy } from '../../../shared/policy/presets';
import { api } from '../../api';
import { baseName } from '../../lib/format';
import { useDatasets } from '../datasets/store';
import { browseForPath } from '../files/store';
import { notify } from '../notices/store';
import { request } from '../notices/request';
import { checkColumns } from './mapping-store';
import { draftDocument, UNTITLED, usePolicyDraft } from './store';

/** Learns who is editing (once), so new policies carry their author. */
export async function ensureActor(): Promise<void> {
  if (usePolicyDraft.getState().actor) return;
  const r = await api.send('app.info', {});
  if (r.ok) usePolicyDraft.getState().setActor(r.value.actor);
}

function actor(): string {
  return usePolicyDraft.getState().actor || 'unknown';
}

/** After loading a policy that names columns: map any the open dataset lacks. */
async function checkLoaded(): Promise<void> {
  const detail = useDatasets.getState().detail;
  if (!detail) return;
  await checkColumns({ datasetId: detail.dataset.id, version: detail.version.version }, draftDocument(usePolicyDraft.getState()));
}

export function startEmpty(): void {
  usePolicyDraft.getState().load(newPolicy(UNTITLED, actor()), null, 'an empty policy');
}

export function startFromPreset(name: string): void {
  const p = presetPolicy([name], actor());
  usePolicyDraft.getState().load({ ...p, name: `${name} cleaning` }, null, `the ${name} preset`);
}

export async function openSaved(policyId: string, version?: number): Promise<boolean> {
  const r = await request('policy.get', { policyId, ...(version ? { version } : {}) }, 'The policy could not be opened');
  if (!r) return false;
  usePolicyDraft.getState().load(r.policy, r.policyId, `“${r.policy.name}” version ${r.policy.version}`);
  void checkLoaded();
  return true;
}

/** The recipe file to open: the native dialog on the desktop, the in-app browser otherwise. */
function chooseRecipeFile(): Promise<string | null> {
  if (api.shell) return api.shell.pickRecipe();
  return browseForPath({
    mode: 'file',
    title: 'Open a recipe file',
    subtitle: 'A policy exported as JSON, from this workspace or another. Its steps are checked before they are used.',
    confirmLabel: 'Open recipe',
  });
}

export async function openRecipe(): Promise<void> {
  const path = await chooseRecipeFile();
  if (!path) return;
  const r = await request('policy.readFile', { path }, 'The recipe could not be opened');
  if (!r) return;
  const doc = r.policy as StoredPolicy['policy'];
  usePolicyDraft.getState().load(doc, null, baseName(r.path));
  notify('info', 'Recipe opened', `${doc.name}: ${doc.steps.length} steps from ${baseName(r.path)}.`);
  void checkLoaded();
}

/** Saves the draft as the next version of its policy (or as a new policy). */
export async function saveDraft(name: string, summary: string): Promise<Result<StoredPolicy>> {
  const s = usePolicyDraft.getState();
  const doc = { ...draftDocument(s), name };
  const policyId = s.history.present.policyId;
  const r = await api.send('policy.save', { ...(policyId ? { policyId } : {}), policy: doc, summary });
  if (!r.ok) return r;
  if (name !== s.history.present.policy.name) s.edit((d) => ({ ...d, policy: { ...d.policy, name } }));
  usePolicyDraft.getState().markSaved(r.value);
  return r;
}
