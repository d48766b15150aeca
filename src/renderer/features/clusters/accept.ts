// What accepting clusters does. Until the policy editor lands, the map is kept per column in
// `useAcceptedClusters` and a toast says so; the editor then adds it to the draft policy as a
// category_aliases step: { type: 'category_aliases', columns: { names: [header] }, params: { map } }.
import type { AliasEntry } from '../../../shared/api/cluster-types';
import type { ColumnInfo } from '../../../shared/api/types';
import { plural } from '../../lib/format';
import { headerLabel } from '../grid/columns';
import { notify } from '../notices/store';
import { useAcceptedClusters } from './accepted-store';

export function acceptClusters(datasetId: string, column: ColumnInfo, map: AliasEntry[]): void {
  useAcceptedClusters.getState().accept(datasetId, column.id, map);
  const aliases = map.reduce((n, e) => n + e.from.length, 0);
  notify(
    'success',
    `${plural(aliases, 'alias', 'aliases')} accepted for “${headerLabel(column)}”`,
    `${plural(map.length, 'cluster')} kept for the cleaning policy as a Category aliases step.`,
  );
}
