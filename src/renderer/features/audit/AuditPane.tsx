// Placeholder: replaced by the governance UI work.
export function AuditPane() {
  return <p className="gov-placeholder">Not built yet.</p>;
}
