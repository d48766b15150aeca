// Job labels as users read them: the engine names datasets by id (d3); show their names.
// Import labels carry a file name instead (which may itself look like an id), so stay as they are.
import type { DatasetSummary, JobKind } from '../../../shared/api/types';

export function jobTitle(label: string, kind: JobKind, datasets: Pick<DatasetSummary, 'id' | 'name'>[]): string {
  if (kind === 'import') return label;
  const name = (id: string) => datasets.find((d) => d.id === id)?.name;
  return label
    .replace(/(?<![\w.])(d\d+) v(\d+)(?![\w.])/g, (m, id: string, v: string) => {
      const n = name(id);
      return n ? `${n} (v${v})` : m;
    })
    .replace(/(?<![\w.])(d\d+)(?![\w.])/g, (m, id: string) => name(id) ?? m);
}
