// The bundle's files as the manifest lists them (path, kind, size, SHA-256), each marked when the
// verification found a problem with it; and "Check a file I have…": the auditor's own copy of the
// input or the output, hashed and compared with the digests the bundle records.
import { useState } from 'react';
import type { BundleDigestCheck } from '../../../shared/api/bundle-types';
import { formatBytes } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { checkMyFile } from './actions';
import { useBundleFiles, useBundleProblems } from './store';

function CheckResult({ r }: { r: BundleDigestCheck }) {
  const ok = r.matches !== null;
  return (
    <div className={`aud-check ${ok ? 'aud-check-ok' : 'aud-check-bad'}`} role="status" data-testid="check-result">
      <Icon name={ok ? 'check' : 'errorCircle'} size={18} />
      <div>
        <strong>
          {ok ? `Matches the bundle's ${r.matches === 'input' ? 'input' : 'output'} digest` : 'Matches neither the input nor the output this bundle records'}
        </strong>
        <div className="mono aud-digest">{r.path}</div>
        <div>
          <span className="faint">SHA-256 </span>
          <code className="mono aud-digest">{r.sha256}</code>
        </div>
        {ok ? null : (
          <div className="aud-check-expected">
            <span className="faint">The bundle records: </span>
            {r.expected.input.map((d) => (
              <div key={d}>input <code className="mono aud-digest">{d}</code></div>
            ))}
            {r.expected.output ? <div>output <code className="mono aud-digest">{r.expected.output}</code></div> : null}
            {r.expected.input.length === 0 && !r.expected.output ? <div className="faint">no input or output digest.</div> : null}
          </div>
        )}
      </div>
    </div>
  );
}

export function FilesTab() {
  const files = useBundleFiles();
  const problems = useBundleProblems();
  const [check, setCheck] = useState<BundleDigestCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const bad = new Set(problems.filter((p) => p.kind !== 'untrusted').map((p) => p.file));
  const run = async () => {
    setChecking(true);
    const r = await checkMyFile();
    setChecking(false);
    if (r) setCheck(r);
  };
  return (
    <div className="aud-scroll">
      <div className="aud-files-tools">
        <button type="button" className="btn" onClick={() => void run()} disabled={checking} aria-busy={checking}>
          <Icon name="search" size={14} /> Check a file I have…
        </button>
        <span className="faint">Point at the original input or the cleaned output: its SHA-256 is compared with the bundle's.</span>
      </div>
      {check ? <CheckResult r={check} /> : null}
      <table className="aud-table aud-files" aria-label="Files in the bundle">
        <thead>
          <tr>
            <th scope="col">Path</th>
            <th scope="col">Kind</th>
            <th scope="col" className="num">Size</th>
            <th scope="col">SHA-256 (from the manifest)</th>
            <th scope="col">Check</th>
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr key={f.path} className={bad.has(f.path) ? 'is-bad' : ''}>
              <td className="mono">{f.path}</td>
              <td>{f.kind}</td>
              <td className="num">{formatBytes(f.size)}</td>
              <td><code className="mono aud-digest">{f.sha256}</code></td>
              <td>{bad.has(f.path) ? <span className="badge badge-danger">problem</span> : <span className="badge badge-success">ok</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
