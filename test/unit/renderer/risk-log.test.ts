// The activity panel's line for a risk measurement, with and without a later version.
import { describe, expect, it } from 'vitest';
import type { EventLogEntry } from '../../../src/shared/api/types';
import { describe as describeEntry } from '../../../src/renderer/features/log/describe';

const entry = (details: Record<string, unknown>): EventLogEntry => ({
  seq: 7, at: '2026-12-04T18:00:00.000Z', actor: 'ann', action: 'dataset.risk_measured', subject: { dataset: 'd3', version: '1' }, details,
});

describe('risk measurement in the activity log', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['before only', { targetK: 5, k: 1, recordsBelowK: 975040 }, 'k = 1 (target 5) · 975,040 records below k'],
    ['with a later version', { targetK: 5, k: 1, recordsBelowK: 12, afterVersion: 2, afterK: 6 }, 'k = 1 (target 5) · 12 records below k · v2: k = 6'],
  ])('%s', (_name, details, detail) => {
    expect(describeEntry(entry(details))).toEqual({ icon: 'alert', title: 'Measured the re-identification risk of d3 v1', detail });
  });
});
