// A risk suggestion as policy steps: each generalisation the policy has a step for becomes one
// (`generalise` for a date's year or month, an age band, a ZIP's first three digits; `drop_columns`
// for a suppressed column); the others are named so the panel can say why it cannot add them.
import { GENERALISE_KINDS, type GeneraliseKind } from '../../../shared/policy/operators';
import type { RiskSuggestion } from '../../../shared/api/pii-types';
import type { StepToAdd } from '../policy/templates';

const isGeneraliseKind = (k: string): k is GeneraliseKind => (GENERALISE_KINDS as readonly string[]).includes(k);
const idPart = (header: string) => header.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'column';

export interface SuggestionSteps {
  steps: StepToAdd[];
  /** Generalisations no step type can express yet ("birth_date → 5-year band"). */
  unsupported: string[];
}

export function suggestionSteps(s: RiskSuggestion): SuggestionSteps {
  const steps: StepToAdd[] = [];
  const unsupported: string[] = [];
  for (const g of s.generalisations) {
    const columns = { ids: [g.columnId] };
    if (g.kind === 'suppress') {
      steps.push({ type: 'drop_columns', id: `drop-${idPart(g.header)}`, columns, note: `Risk: ${g.label}` });
    } else if (isGeneraliseKind(g.kind)) {
      const params = g.kind === 'age_band' && g.width !== undefined ? { kind: g.kind, width: g.width } : { kind: g.kind };
      steps.push({ type: 'generalise', id: `generalise-${idPart(g.header)}`, columns, params, note: `Risk: ${g.label}` });
    } else {
      unsupported.push(g.label);
    }
  }
  return { steps, unsupported };
}
