// Placeholder: replaced by the governance UI work.
export function SettingsPane() {
  return <p className="gov-placeholder">Not built yet.</p>;
}
