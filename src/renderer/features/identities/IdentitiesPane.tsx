// Placeholder: replaced by the governance UI work.
export function IdentitiesPane() {
  return <p className="gov-placeholder">Not built yet.</p>;
}
