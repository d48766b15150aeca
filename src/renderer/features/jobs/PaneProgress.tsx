// A pane's running job (profile, scan, risk): its progress bar and Cancel, above the pane's content.
import { JobProgress } from './JobProgress';
import { useJobs } from './store';

export function PaneProgress({ jobId, name, label, onCancel }: { jobId: string; name: string; label: string; onCancel: () => void }) {
  const job = useJobs((s) => s.jobs[jobId]);
  if (!job) return null;
  return (
    <div className="pane-progress" role="status" aria-label={name}>
      <JobProgress job={job} label={label} onCancel={onCancel} />
    </div>
  );
}
