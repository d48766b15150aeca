// Placeholder: replaced by the governance UI work.
export function PoliciesPane() {
  return <p className="gov-placeholder">Not built yet.</p>;
}
