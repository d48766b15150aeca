// The column-mapping dialog's logic: a suggested dataset column for each header a recipe names
// that the data lacks (same name up to case, spaces and punctuation, when exactly one matches),
// and the policy with the chosen mapping applied.
import { remapColumns } from '../../../shared/policy/columns';
import type { Policy } from '../../../shared/policy/policy';

export interface MissingColumn {
  name: string;
  stepIds: string[];
}

/** "Customer ID", "customer_id" and "customerId" all read as "customerid". */
export function looseKey(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[\s_\-.]+/g, '');
}

/** name → the one header that matches it loosely, or '' when none or several do. */
export function suggestMapping(missing: MissingColumn[], headers: string[]): Record<string, string> {
  const byKey = new Map<string, string[]>();
  for (const h of new Set(headers)) byKey.set(looseKey(h), [...(byKey.get(looseKey(h)) ?? []), h]);
  const out: Record<string, string> = {};
  for (const m of missing) {
    const hits = byKey.get(looseKey(m.name)) ?? [];
    out[m.name] = hits.length === 1 ? (hits[0] as string) : '';
  }
  return out;
}

/** Every missing name has a column chosen. */
export function mappingComplete(missing: MissingColumn[], mapping: Record<string, string>): boolean {
  return missing.every((m) => (mapping[m.name] ?? '') !== '');
}

/** The policy with the chosen names put in place of the missing ones (unchosen ones untouched). */
export function applyMapping(policy: Policy, mapping: Record<string, string>): Policy {
  const chosen = Object.fromEntries(Object.entries(mapping).filter(([, to]) => to !== ''));
  return remapColumns(policy, chosen);
}
