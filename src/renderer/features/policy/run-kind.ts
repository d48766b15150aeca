// Which kind of run the policy editor's Run makes, shown before the click (no imports: unit-tested
// without a window).
/**
 * What Run will make, as the engine's planRun decides it: the saved version of a policy that is its
 * ACTIVE version makes a compliance run (stamped APPROVED); anything else (unsaved changes, a DRAFT,
 * a version in review, a retired one) an unapproved run, refused in a governed workspace.
 */
export function runKind(savedVersion: number | null, activeVersion: number | null): { kind: 'compliance' | 'unapproved'; label: string; title: string } {
  if (savedVersion !== null && savedVersion === activeVersion) {
    return { kind: 'compliance', label: 'Compliance run', title: `Runs the ACTIVE version ${savedVersion}: the new version is stamped APPROVED and keeps its signed approval.` };
  }
  const why = savedVersion === null ? 'the policy has unsaved changes' : activeVersion === null ? `version ${savedVersion} is not approved (ACTIVE)` : `version ${savedVersion} is not the ACTIVE version ${activeVersion}`;
  return { kind: 'unapproved', label: 'Unapproved run', title: `An unapproved run, because ${why}: the new version is stamped UNAPPROVED. A governed workspace refuses it.` };
}
