// The import flow's dialogs, one per stage: upload progress, preview, job progress, error.
import { formatBytes } from '../../lib/format';
import { Dialog } from '../../ui/Dialog';
import { ProgressBar } from '../../ui/ProgressBar';
import { JobProgress } from '../jobs/JobProgress';
import { useJobs } from '../jobs/store';
import { closeImport, hideImport } from './actions';
import { ImportErrorDialog } from './ImportErrorDialog';
import { PreviewDialog } from './PreviewDialog';
import { useImport } from './store';
import './import.css';

export function ImportDialogs() {
  const stage = useImport((s) => s.stage);
  switch (stage.kind) {
    case 'idle':
      return null;
    case 'uploading':
      return (
        <Dialog
          title={`Uploading ${stage.name}`}
          subtitle="Browser mode: the file is copied into the workspace’s temporary folder, then previewed."
          size="sm"
          onClose={closeImport}
          footer={
            <button type="button" className="btn" onClick={closeImport}>
              Cancel upload
            </button>
          }
        >
          <div className="upload-progress">
            <ProgressBar value={stage.sent} max={stage.total || null} label="Upload progress" />
            <span className="muted num">
              {formatBytes(stage.sent)} of {formatBytes(stage.total)}
              {stage.total > 0 ? ` · ${Math.floor((stage.sent / stage.total) * 100)}%` : ''}
            </span>
          </div>
        </Dialog>
      );
    case 'preview':
      return <PreviewDialog stage={stage} />;
    case 'running':
      return <RunningDialog jobId={stage.jobId} name={stage.name} path={stage.path} />;
    case 'failed':
      return <ImportErrorDialog stage={stage} />;
  }
}

function RunningDialog({ jobId, name, path }: { jobId: string; name: string; path: string }) {
  const job = useJobs((s) => s.jobs[jobId]);
  return (
    <Dialog
      title={`Importing ${name}`}
      subtitle={<span className="mono">{path}</span>}
      size="md"
      onClose={hideImport}
      footer={
        <button type="button" className="btn" onClick={hideImport}>
          Continue in background
        </button>
      }
    >
      <div className="import-running">
        {job ? <JobProgress job={job} label="Import progress" /> : <ProgressBar value={0} max={null} label="Import progress" />}
        <p className="help">The source file is only read. If you cancel, nothing is added to the workspace.</p>
      </div>
    </Dialog>
  );
}
