// A pane's tools in the dataset header: run its job again (a spinner while it runs) and when the
// shown result was computed, how long it took.
import { formatDateTime, formatRelative } from '../lib/format';
import { Icon } from './Icon';

export interface PaneToolsProps {
  running: boolean;
  onRun: () => void;
  /** The button: "Profile again"; while running: "Profiling…". */
  again: string;
  busy: string;
  /** The shown result: "Profiled" just now in 3 s. */
  done: { verb: string; at: string; seconds: number; testId: string } | null;
}

export function PaneTools({ running, onRun, again, busy, done }: PaneToolsProps) {
  return (
    <div className="pane-tools">
      <button type="button" className="btn" disabled={running} onClick={onRun}>
        {running ? <span className="spinner" aria-hidden="true" /> : <Icon name="refresh" size={15} />}
        {running ? busy : again}
      </button>
      {done ? (
        <span className="faint pane-when" title={formatDateTime(done.at)} data-testid={done.testId}>
          {done.verb} {formatRelative(done.at)} in {done.seconds} s
        </span>
      ) : null}
    </div>
  );
}
