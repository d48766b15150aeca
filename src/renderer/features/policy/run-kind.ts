// Which kind of run the policy editor's Run makes, shown before the click (no imports: unit-tested
// without a window).
/**
 * What Run will make, as the engine's planRun decides it: the saved version of a policy that is its
 * ACTIVE version makes a compliance run (stamped APPROVED); anything else (unsaved changes, a DRAFT,
 * a version in review, a retired one) an unapproved run, refused in a governed workspace.
 */
export function runKind(savedVersion: number | null, activeVersion: number | null, governed = false): { kind: 'compliance' | 'unapproved' | 'refused'; label: string; title: string } {
  if (savedVersion !== null && savedVersion === activeVersion) {
    return { kind: 'compliance', label: 'Compliance run', title: `Runs the ACTIVE version ${savedVersion}: the new version is stamped APPROVED and keeps its signed approval.` };
  }
  const why = savedVersion === null ? 'the policy has unsaved changes' : activeVersion === null ? `version ${savedVersion} is not approved (ACTIVE)` : `version ${savedVersion} is not the ACTIVE version ${activeVersion}`;
  if (governed) {
    // Say it before the click, with the way forward, rather than only in the refusal afterwards.
    return { kind: 'refused', label: 'Refused here: governed', title: `This workspace is governed and ${why}, so Run will be refused (previews still work). Save the policy, submit it for review in Governance, and run it once approved.` };
  }
  return { kind: 'unapproved', label: 'Unapproved run', title: `An unapproved run, because ${why}: the new version is stamped UNAPPROVED. A governed workspace refuses it.` };
}
