// The Policy tab: the draft's toolbar, its steps and the selected step's editor, the live
// preview (re-run on every valid edit) and undo/redo from the keyboard.
import { useEffect, useMemo } from 'react';
import type { StepReport } from '../../../shared/api/clean-types';
import { validatePolicy } from '../../../shared/policy/policy';
import { isMod, modalOpen } from '../../lib/keys';
import { useDatasets } from '../datasets/store';
import { ensureActor } from './actions';
import { issueCounts } from './issues';
import { useMapping } from './mapping-store';
import { PolicyStart } from './PolicyStart';
import { PolicyToolbar } from './PolicyToolbar';
import { previewKey, requestPreview, stopPreview, usePreview } from './preview';
import { PreviewBar } from './PreviewBar';
import { StepEditor } from './StepEditor';
import { StepList } from './StepList';
import { draftDocument, usePolicyDraft } from './store';
import './policy.css';
import './step-editor.css';
import './step-inputs.css';

/** Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl/Cmd+Y redo — every edit, including typing. */
function useUndoKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isMod(e) || e.altKey || modalOpen()) return;
      const key = e.key.toLowerCase();
      const d = usePolicyDraft.getState();
      if (key === 'z' && !e.shiftKey) d.undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') d.redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function PolicyEditor() {
  const detail = useDatasets((s) => s.detail);
  const history = usePolicyDraft((s) => s.history);
  const actor = usePolicyDraft((s) => s.actor);
  const selectedId = usePolicyDraft((s) => s.selectedId);
  const doc = useMemo(() => draftDocument({ history, actor }), [history, actor]);
  const validation = useMemo(() => validatePolicy(doc), [doc]);
  const issues = useMemo(() => (validation.ok ? [] : validation.issues), [validation]);
  const datasetId = detail?.dataset.id ?? '';
  const version = detail?.version.version ?? 0;
  const target = useMemo(() => ({ datasetId, version }), [datasetId, version]);
  // While the column mapping is asked for, a preview could only fail on the missing names.
  const mapping = useMapping((s) => s.missing !== null);
  const runnable = validation.ok && doc.steps.some((s) => s.enabled);
  const currentKey = previewKey(target, doc);
  const stored = usePreview((s) => s.result);
  const resultKey = usePreview((s) => s.resultKey);
  // A result of another dataset or version says nothing here; one of an earlier edit is stale.
  const result = stored && stored.datasetId === datasetId && stored.inputVersion === version ? stored : null;
  const stale = result !== null && resultKey !== currentKey;
  const reports = useMemo(() => new Map<string, StepReport>((result?.steps ?? []).map((s) => [s.stepId, s])), [result]);

  useUndoKeys();
  useEffect(() => {
    void ensureActor();
    return () => stopPreview();
  }, []);
  useEffect(() => {
    if (!datasetId) return;
    if (runnable && !mapping) requestPreview(target, doc);
    else stopPreview();
  }, [target, doc, runnable, datasetId, mapping]);

  if (!detail) return null;
  const steps = doc.steps;
  const index = Math.max(0, steps.findIndex((s) => s.id === selectedId));
  const selected = steps[index];
  return (
    <div className="pe">
      <PolicyToolbar issues={issues} steps={steps} />
      {steps.length === 0 ? (
        <PolicyStart />
      ) : (
        <div className="pe-body">
          <StepList steps={steps} selectedId={selected?.id} issueCounts={issueCounts(issues)} reports={reports} stale={stale} />
          {selected ? (
            <StepEditor
              key={`${index}`}
              step={selected}
              index={index}
              issues={issues}
              columns={detail.columns}
              report={reports.get(selected.id)}
              stale={stale}
              changes={result?.changes ?? []}
            />
          ) : null}
        </div>
      )}
      <PreviewBar target={target} doc={doc} runnable={runnable} result={result} stale={stale} currentKey={currentKey} />
    </div>
  );
}
