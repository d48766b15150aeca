// Running the draft for real: columns checked (mapping first if needed), clean.run as a job shown
// in the jobs tray with Cancel, then the new version opens in the Data tab with its diff.
import { create } from 'zustand';
import type { RunResult } from '../../../shared/api/clean-types';
import type { PolicySource } from '../../../shared/api/contract';
import { api } from '../../api';
import { plural } from '../../lib/format';
import { useDatasets } from '../datasets/store';
import { useDatasetTab } from '../datasets/tab-store';
import { useJobs } from '../jobs/store';
import { waitForJob } from '../jobs/wait';
import { notify, notifyError } from '../notices/store';
import { checkColumns } from './mapping-store';
import { draftDocument, savedVersion, usePolicyDraft } from './store';

interface RunState {
  jobId: string | null;
}

export const useRun = create<RunState>(() => ({ jobId: null }));

function isRunResult(v: unknown): v is RunResult {
  return typeof v === 'object' && v !== null && typeof (v as RunResult).runId === 'string';
}

/** Which policy the run names: the saved version when the draft matches it, else the document. */
function sourceOf(): PolicySource {
  const s = usePolicyDraft.getState();
  const version = savedVersion(s);
  const policyId = s.history.present.policyId;
  return policyId && version !== null ? { policyId, version } : { policy: draftDocument(s) };
}

export async function runPolicy(): Promise<void> {
  const detail = useDatasets.getState().detail;
  if (!detail || useRun.getState().jobId) return;
  const target = { datasetId: detail.dataset.id, version: detail.version.version };
  if (!(await checkColumns(target, draftDocument(usePolicyDraft.getState()), () => void runPolicy()))) return;
  const r = await api.send('clean.run', { ...target, source: sourceOf() });
  if (!r.ok) {
    notifyError('The policy could not be run', r.error);
    return;
  }
  useRun.setState({ jobId: r.value.jobId });
  useJobs.getState().setTrayOpen(true);
  const job = await waitForJob(r.value.jobId);
  useRun.setState({ jobId: null });
  const res = isRunResult(job.result) ? job.result : null;
  if (job.state === 'succeeded' && res && res.outputVersion !== null) {
    const opened = await useDatasets.getState().open(res.datasetId, res.outputVersion);
    if (opened) useDatasetTab.getState().setTab('data');
    useJobs.getState().setTrayOpen(false);
    notify('success', `Version ${res.outputVersion} written (${res.stamp ?? 'UNAPPROVED'})`, `${plural(res.cellsChanged, 'cell')} changed and ${plural(res.rowsRemoved, 'row')} removed by “${res.policyName}”.`);
  } else if (job.state === 'cancelled') {
    notify('info', 'Run cancelled', 'No version was written.');
  } else if (job.error) {
    notifyError('The run failed', job.error);
  }
}
