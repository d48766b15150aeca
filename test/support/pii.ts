// Helpers shared by the PII tests: the default regions, a scan context, and cutting a finding by code points.
import type { Finding, ScanContext } from '../../src/main/engine/pii/types';

export const REGIONS = ['US', 'GB'];
export const ctx = (header?: string, regions = REGIONS): ScanContext => (header === undefined ? { regions } : { header, regions });
/** The text a finding covers, cut by code points as the offsets are. */
export const cut = (text: string, f: Pick<Finding, 'start' | 'end'>): string => [...text].slice(f.start, f.end).join('');
