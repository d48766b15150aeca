// Job labels as users read them: the engine names datasets by id (d3); show their names.
import type { DatasetSummary } from '../../../shared/api/types';

export function jobTitle(label: string, datasets: Pick<DatasetSummary, 'id' | 'name'>[]): string {
  const name = (id: string) => datasets.find((d) => d.id === id)?.name;
  return label
    .replace(/\b(d\d+) v(\d+)\b/g, (m, id: string, v: string) => {
      const n = name(id);
      return n ? `${n} (v${v})` : m;
    })
    .replace(/\b(d\d+)\b/g, (m, id: string) => name(id) ?? m);
}
