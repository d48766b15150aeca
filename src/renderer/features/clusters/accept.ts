// What accepting clusters does: one category_aliases step for the column, added to the draft
// policy, and the Policy tab shown with it selected.
import type { AliasEntry } from '../../../shared/api/cluster-types';
import type { ColumnInfo } from '../../../shared/api/types';
import { plural } from '../../lib/format';
import { headerLabel } from '../grid/columns';
import { notify } from '../notices/store';
import { usePolicyDraft } from '../policy/store';
import { aliasColumns } from './edits';

export function acceptClusters(column: ColumnInfo, all: readonly ColumnInfo[], map: AliasEntry[]): void {
  if (map.length === 0) return;
  const draft = usePolicyDraft.getState();
  draft.addStep({ type: 'category_aliases', columns: aliasColumns(column, all), params: { map } });
  draft.open();
  const aliases = map.reduce((n, e) => n + e.from.length, 0);
  notify('success', `${plural(aliases, 'alias', 'aliases')} added for “${headerLabel(column)}”`, `A Category aliases step with ${plural(map.length, 'cluster')} is now the policy's last step.`);
}
