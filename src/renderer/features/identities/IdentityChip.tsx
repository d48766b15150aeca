// Placeholder: the acting identity in the top bar (replaced by the governance UI work).
export function IdentityChip() {
  return null;
}
