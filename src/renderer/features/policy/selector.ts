// Column selectors for the editor: in words, with one part replaced, and the lists they pick from.
import type { LogicalType } from '../../../shared/api/types';
import type { ColumnSelector, DetectedKind } from '../../../shared/policy/steps';
import { TYPE_LABEL } from '../grid/columns';

export const LOGICAL_TYPES = Object.keys(TYPE_LABEL) as LogicalType[];
export const KIND_LABEL: Record<DetectedKind, string> = { email: 'e-mail', number: 'number', date: 'date', phone: 'phone' };

/** A selector in words ("text columns", "every column", "“city”, “state”"). */
export function describeSelector(sel: ColumnSelector): string {
  const parts: string[] = [];
  if (sel.names?.length) parts.push(sel.names.map((n) => `“${n}”`).join(', '));
  if (sel.ids?.length) parts.push(`columns ${sel.ids.join(', ')}`);
  if (sel.types?.length) parts.push(sel.types.length >= LOGICAL_TYPES.length - 1 ? 'every column' : `${sel.types.join(', ')} columns`);
  if (sel.detected?.length) parts.push(`columns whose values look like ${sel.detected.map((k) => KIND_LABEL[k]).join(' or ')}`);
  if (sel.pii?.length) parts.push(`columns holding ${sel.pii.join(' or ')}`);
  if (sel.pattern) parts.push(`headers matching /${sel.pattern}/`);
  return parts.join('; ') || 'no columns';
}

/** The selector with one part replaced; empty parts are left out. */
export function withPart<K extends keyof ColumnSelector>(sel: ColumnSelector, key: K, value: ColumnSelector[K]): ColumnSelector {
  const next: ColumnSelector = { ...sel };
  const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) delete next[key];
  else next[key] = value;
  return next;
}

/** The list with `v` added, or taken out if it was there. */
export const toggled = <T>(list: T[] | undefined, v: T): T[] => (list?.includes(v) ? list.filter((x) => x !== v) : [...(list ?? []), v]);
