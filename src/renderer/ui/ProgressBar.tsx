// A determinate (or, with no total, indeterminate) progress bar with an accessible value.
export function ProgressBar({ value, max, label, tone = 'accent' }: { value: number; max: number | null; label: string; tone?: 'accent' | 'success' | 'danger' | 'muted' }) {
  const pct = max && max > 0 ? Math.min(100, Math.max(0, (value / max) * 100)) : null;
  return (
    <div
      className={`progress progress-${tone} ${pct === null ? 'progress-indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      {...(pct === null ? {} : { 'aria-valuenow': Math.round(pct) })}
    >
      <div className="progress-fill" style={pct === null ? undefined : { width: `${pct}%` }} />
    </div>
  );
}
