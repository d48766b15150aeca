// About: versions of the app and its engine, who is acting, and the air-gapped promise.
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/api/types';
import { api } from '../../api';
import { Dialog } from '../../ui/Dialog';
import { Icon } from '../../ui/Icon';
import { notifyError } from '../notices/store';
import { useApp } from './store';

export function AboutDialog() {
  const open = useApp((s) => s.aboutOpen);
  if (!open) return null;
  return <About />;
}

function About() {
  const close = () => useApp.getState().setAboutOpen(false);
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void api.send('app.info', {}).then((r) => (r.ok ? setInfo(r.value) : notifyError('The app information could not be read', r.error)));
  }, []);
  return (
    <Dialog
      title="About Data Sanitizer"
      size="sm"
      onClose={close}
      footer={
        <button type="button" className="btn btn-primary" data-autofocus onClick={close}>
          Close
        </button>
      }
    >
      <div className="about">
        <span className="brand-mark about-mark">
          <Icon name="logo" size={26} />
        </span>
        <p>Cleans, de-duplicates and de-identifies tabular data on this machine, and records what it did.</p>
        {info ? (
          <dl className="facts">
            <div className="fact">
              <dt>Version</dt>
              <dd>{info.version}</dd>
            </div>
            <div className="fact">
              <dt>DuckDB</dt>
              <dd>{info.duckdbVersion}</dd>
            </div>
            <div className="fact">
              <dt>Platform</dt>
              <dd>{info.platform}</dd>
            </div>
            <div className="fact">
              <dt>Acting as</dt>
              <dd>{info.actor}</dd>
            </div>
            <div className="fact">
              <dt>Mode</dt>
              <dd>{api.transport === 'desktop' ? 'Desktop' : 'Browser mode (local server)'}</dd>
            </div>
          </dl>
        ) : (
          <span className="spinner" aria-label="Loading" />
        )}
        <p className="help">No network access, no telemetry: nothing leaves this machine.</p>
      </div>
    </Dialog>
  );
}
