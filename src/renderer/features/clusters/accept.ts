// What accepting clusters does: the column's category_aliases step in the draft policy — the
// existing one for that column if there is one that applies to all its rows (its map merged with
// the new entries), else a new last step — selected, with the Policy tab shown.
import type { AliasEntry } from '../../../shared/api/cluster-types';
import type { ColumnInfo } from '../../../shared/api/types';
import { plural } from '../../lib/format';
import { headerLabel } from '../grid/columns';
import { notify } from '../notices/store';
import { usePolicyDraft } from '../policy/store';
import { aliasColumns, aliasStepFor, mergeAliasMaps } from './edits';

export function acceptClusters(column: ColumnInfo, all: readonly ColumnInfo[], map: AliasEntry[]): void {
  if (map.length === 0) return;
  const draft = usePolicyDraft.getState();
  const columns = aliasColumns(column, all);
  const existing = aliasStepFor(draft.history.present.policy.steps, columns);
  const aliases = plural(map.reduce((n, e) => n + e.from.length, 0), 'alias', 'aliases');
  if (existing) {
    draft.updateStep(existing.id, (s) => (s.type === 'category_aliases' ? { ...s, params: { ...s.params, map: mergeAliasMaps(s.params.map, map) } } : s));
    draft.select(existing.id);
    draft.open();
    notify('success', `${aliases} added for “${headerLabel(column)}”`, `Merged into the column's Category aliases step “${existing.id}”.`);
    return;
  }
  draft.addStep({ type: 'category_aliases', columns, params: { map } });
  draft.open();
  notify('success', `${aliases} added for “${headerLabel(column)}”`, `A Category aliases step with ${plural(map.length, 'cluster')} is now the policy's last step.`);
}
