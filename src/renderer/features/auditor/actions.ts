// Auditor-mode commands: choose a bundle (.zip or folder) and open it (verified first), open a
// dropped .zip, trust or untrust a signer, check a file against the bundle, close the bundle.
import type { BundleDigestCheck } from '../../../shared/api/bundle-types';
import { api } from '../../api';
import { browseForPath } from '../files/store';
import { notify, notifyError } from '../notices/store';
import { request } from '../notices/request';
import { useAuditor } from './store';

export function isBundleZip(name: string): boolean {
  return name.toLowerCase().endsWith('.zip');
}

function chooseBundle(): Promise<string | null> {
  if (api.shell) return api.shell.pickBundle();
  return browseForPath({
    mode: 'bundle',
    title: 'Open an evidence bundle',
    subtitle: 'A bundle .zip, or a bundle folder (the one holding manifest.json). It is only read, never changed.',
    confirmLabel: 'Open bundle',
  });
}

export async function loadTrusted(): Promise<void> {
  const list = await request('trust.list', {}, 'The trusted signers could not be read');
  if (list) useAuditor.getState().set({ trusted: list });
}

/** Verifies and opens the bundle at `path`; the one open before is closed once this one opens. */
export async function openBundleAt(path: string): Promise<void> {
  const { set } = useAuditor.getState();
  if (useAuditor.getState().opening) return;
  set({ opening: path });
  await loadTrusted();
  const r = await api.send('bundle.open', { path });
  set({ opening: null });
  if (!r.ok) {
    notifyError('The bundle could not be opened', r.error);
    return;
  }
  const before = useAuditor.getState().bundle;
  if (before) void api.send('bundle.close', { bundleId: before.bundleId });
  useAuditor.setState({ bundle: r.value, tab: 'report' });
}

export async function chooseAndOpenBundle(): Promise<void> {
  const path = await chooseBundle();
  if (path) await openBundleAt(path);
}

/** A .zip dropped on the window: by its path on the desktop, uploaded first in browser mode. */
export async function openDroppedBundle(file: File): Promise<void> {
  if (api.shell) {
    const path = api.shell.pathForFile(file);
    if (path) await openBundleAt(path);
    else notify('info', 'That item cannot be opened', 'Drop a bundle .zip from your computer.');
    return;
  }
  if (!api.upload) return;
  useAuditor.getState().set({ opening: file.name });
  const up = await api.upload(file);
  useAuditor.getState().set({ opening: null });
  if (!up.ok) {
    notifyError(`${file.name} could not be uploaded`, up.error);
    return;
  }
  await openBundleAt(up.value.path);
}

export async function closeBundle(): Promise<void> {
  const b = useAuditor.getState().bundle;
  useAuditor.setState({ bundle: null });
  if (b) await api.send('bundle.close', { bundleId: b.bundleId });
}

export async function trustSigner(fingerprint: string, label: string): Promise<void> {
  const list = await request('trust.add', { fingerprint, label }, 'The signer could not be trusted');
  if (list) useAuditor.getState().set({ trusted: list });
}

export async function untrustSigner(fingerprint: string): Promise<void> {
  const list = await request('trust.remove', { fingerprint }, 'The signer could not be removed from your trusted list');
  if (list) useAuditor.getState().set({ trusted: list });
}

/** Asks for a file the auditor has and compares its SHA-256 with the bundle's input and output digests. */
export async function checkMyFile(): Promise<BundleDigestCheck | null> {
  const b = useAuditor.getState().bundle;
  if (!b) return null;
  const path = api.shell
    ? await api.shell.pickFile()
    : await browseForPath({ mode: 'file', title: 'Check a file against the bundle', subtitle: 'The original input or the cleaned output: its SHA-256 is compared with the digests the bundle records.', confirmLabel: 'Check' });
  if (!path) return null;
  return request('bundle.checkFile', { bundleId: b.bundleId, path }, `${path} could not be checked`);
}
