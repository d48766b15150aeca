// Auditor mode: open a bundle without any workspace (verified first, against the user's trusted
// signers), browse it, check files against it; and the auditor's trusted signers (issue 7).
import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../../../shared/api/client';
import { checkFile } from '../auditor/check-file';
import { findingsWindow, ledgerWindow } from '../auditor/tables';
import { addTrusted, readTrusted, removeTrusted } from '../auditor/trust-store';
import type { Engine } from '../engine';

type AuditorMethods = 'bundle.open' | 'bundle.close' | 'bundle.readText' | 'bundle.ledger' | 'bundle.findings' | 'bundle.checkFile' | 'trust.list' | 'trust.add' | 'trust.remove';

export function auditorHandlers(e: Engine): Pick<Handlers, AuditorMethods> {
  const env = () => e.options.env ?? process.env;
  // A .zip dropped in browser mode is a temporary copy in the workspace's uploads: removed when done with.
  const forgetUpload = (given: string | null) => {
    if (given === null) return;
    const dir = path.dirname(path.resolve(given));
    if (path.dirname(dir) === path.resolve(e.workspace.tmpDir, 'uploads') && /^[0-9a-f]{16}$/.test(path.basename(dir))) fs.rmSync(dir, { recursive: true, force: true });
  };
  return {
    'bundle.open': async ({ path: p }) => {
      try {
        return await e.bundles.openBundle(e.allowPath(p), readTrusted(env()).map((t) => t.fingerprint));
      } catch (err) {
        forgetUpload(p);
        throw err;
      }
    },
    'bundle.close': async ({ bundleId }) => {
      const from = e.bundles.sourceOf(bundleId);
      const closed = e.bundles.close(bundleId);
      forgetUpload(from);
      return { closed };
    },
    'bundle.readText': ({ bundleId, file }) => e.bundles.readText(bundleId, file),
    'bundle.ledger': async ({ bundleId, ...req }) => {
      const { db, view } = await e.bundles.parquet(bundleId, 'provenance');
      return ledgerWindow(db, view, req);
    },
    'bundle.findings': async ({ bundleId, ...req }) => {
      const { db, view } = await e.bundles.parquet(bundleId, 'findings');
      return findingsWindow(db, view, req);
    },
    'bundle.checkFile': ({ bundleId, path }) => checkFile(e.bundles, bundleId, e.allowPath(path)),
    'trust.list': async () => readTrusted(env()),
    'trust.add': async ({ fingerprint, label }) => addTrusted(env(), fingerprint, label),
    'trust.remove': async ({ fingerprint }) => removeTrusted(env(), fingerprint),
  };
}
