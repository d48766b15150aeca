// Placeholder: replaced by the governance UI work.
export function ApprovalsPane() {
  return <p className="gov-placeholder">Not built yet.</p>;
}
