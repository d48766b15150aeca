// Which kind of run the policy editor's Run makes, said before the click (the tryout's steward could
// not tell a compliance run from an unapproved one): it must match the engine's planRun.
import { describe, expect, it } from 'vitest';

type RunKind = (saved: number | null, active: number | null, governed?: boolean) => { kind: 'compliance' | 'unapproved' | 'refused'; label: string; title: string };
const load = async <T>(id: string): Promise<T> => (await import(/* @vite-ignore */ id)) as T;
const runKind = async () => (await load<{ runKind: RunKind }>('../../../src/renderer/features/policy/run-kind.ts')).runKind;

describe('runKind', () => {
  it.each([
    // saved version, ACTIVE version → kind, words in the title
    [1, 1, 'compliance', 'ACTIVE version 1'],
    [3, 3, 'compliance', 'stamped APPROVED'],
    [null, 1, 'unapproved', 'unsaved changes'],
    [null, null, 'unapproved', 'unsaved changes'],
    [2, null, 'unapproved', 'version 2 is not approved'],
    [2, 1, 'unapproved', 'version 2 is not the ACTIVE version 1'],
    [1, 2, 'unapproved', 'version 1 is not the ACTIVE version 2'],
  ] as const)('saved %s, active %s → %s', async (saved, active, kind, words) => {
    const k = (await runKind())(saved, active);
    expect(k.kind).toBe(kind);
    expect(k.label).toBe(kind === 'compliance' ? 'Compliance run' : 'Unapproved run');
    expect(k.title).toContain(words);
    if (kind === 'unapproved') expect(k.title).toContain('governed workspace refuses it');
  });

  it.each([
    // governed: the compliance run is still one; anything else is said to be refused, with the way forward
    [1, 1, 'compliance', 'ACTIVE version 1'],
    [null, 1, 'refused', 'the policy has unsaved changes, so Run will be refused'],
    [2, 1, 'refused', 'version 2 is not the ACTIVE version 1, so Run will be refused'],
    [2, null, 'refused', 'submit it for review in Governance'],
  ] as const)('governed: saved %s, active %s → %s', async (saved, active, kind, words) => {
    const k = (await runKind())(saved, active, true);
    expect(k.kind).toBe(kind);
    expect(k.label).toBe(kind === 'compliance' ? 'Compliance run' : 'Refused here: governed');
    expect(k.title).toContain(words);
  });
});
