// The open bundle's report.json, parsed loosely: what the ledger and findings filters offer (steps, columns).
import { useMemo } from 'react';
import { useBundleTexts } from './use-bundle-text';
import { useAuditor } from './store';

export interface FilterChoices {
  steps: Array<{ id: string; label: string }>;
  columns: string[];
  /** The report's pii.scanned: false when the run's input was never scanned (findings.parquet is then empty); null when unknown. */
  piiScanned: boolean | null;
}

export function useFilterChoices(): FilterChoices {
  const hasReport = useAuditor((s) => (s.bundle?.files ?? []).some((f) => f.path === 'report.json'));
  const { texts } = useBundleTexts(hasReport ? ['report.json'] : []);
  const text = texts.get('report.json');
  return useMemo(() => {
    try {
      type Steps = Array<{ stepId?: unknown; label?: unknown }>;
      const r = JSON.parse(text ?? 'null') as { steps?: Steps; run?: { steps?: Steps }; columns?: Array<{ column?: unknown }>; pii?: { scanned?: unknown; byEntity?: Array<{ columns?: Array<{ column?: unknown }> }> } } | null;
      // The report model lists the steps; a run-result report.json keeps them under `run`.
      const steps = (r?.steps ?? r?.run?.steps ?? []).flatMap((s) => (typeof s.stepId === 'string' ? [{ id: s.stepId, label: typeof s.label === 'string' ? s.label : s.stepId }] : []));
      const cols = new Set<string>();
      for (const c of r?.columns ?? []) if (typeof c.column === 'string') cols.add(c.column);
      for (const e of r?.pii?.byEntity ?? []) for (const c of e.columns ?? []) if (typeof c.column === 'string') cols.add(c.column);
      const piiScanned = typeof r?.pii?.scanned === 'boolean' ? r.pii.scanned : null;
      return { steps, columns: [...cols].sort((a, b) => a.localeCompare(b)), piiScanned };
    } catch {
      return { steps: [], columns: [], piiScanned: null };
    }
  }, [text]);
}
