// bundle.write (a run's evidence bundle, as a job) and bundle.verify (any bundle, no workspace needed).
import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../../../shared/api/client';
import { REPORT_FORMATS } from '../../../shared/api/report-types';
import { AppError } from '../../../shared/api/result';
import { verifyBundle } from '../bundle/verify';
import { writeBundle, type ReportRenderer } from '../bundle/write';
import { buildReportModel } from '../report/model';
import { renderReport } from '../report/render';
import type { Workspace } from '../workspace/workspace';
import { unlockIdentity } from '../identity/store';
import type { ActiveIdentity } from '../identity/session';
import { assertIntact, deriveTrust } from '../identity/trust';
import type { Engine } from '../engine';

/** Unlocks the countersigning approver; FORBIDDEN unless it holds the approver role now. */
async function countersigner(e: Engine, c: { identity: string; passphrase: string }): Promise<ActiveIdentity> {
  const who = await unlockIdentity(e.workspace, c.identity, c.passphrase, e.actor);
  const trust = await deriveTrust(e.workspace.db);
  assertIntact(trust, 'Countersigning a bundle');
  const me = trust.identities.get(who.id);
  if (!me || me.fingerprint !== who.fingerprint || !me.roles.has('approver')) {
    const held = me && me.roles.size ? `holds ${[...me.roles].join(', ')}` : 'holds no role';
    throw new AppError('FORBIDDEN', `Countersigning a bundle refused: ${who.name} ${held}; a countersignature needs the approver role.`, { guard: 'role', identity: who.name, needs: ['approver'] });
  }
  return who;
}

/** The run's report in every format this build renders (report.json always; HTML and PDF once their renderers are registered). */
function reportsFor(ws: Workspace, actor: string): ReportRenderer {
  return async (run, dir, job) => {
    const model = await buildReportModel({ ws, job, actor }, run.runId);
    for (const format of REPORT_FORMATS) {
      let bytes: Buffer;
      try {
        bytes = await renderReport(model, format);
      } catch (err) {
        if (err instanceof AppError && err.code === 'UNSUPPORTED' && format !== 'json') continue;
        throw err;
      }
      job.throwIfCancelled();
      fs.writeFileSync(path.join(dir, `report.${format}`), bytes, { flag: 'wx' });
    }
  };
}

export function bundleHandlers(e: Engine): Pick<Handlers, 'bundle.write' | 'bundle.verify'> {
  return {
    'bundle.write': async (req) => {
      e.allowPath(req.path);
      const ws = e.workspace;
      const cosigner = req.countersign ? await countersigner(e, req.countersign) : null;
      const identity = e.identity;
      const actor = e.actor;
      const job = e.jobs.start('bundle', `Evidence bundle of ${req.runId} to ${path.basename(req.path)}`, (ctx) =>
        writeBundle({ ws, identity, actor, renderReports: reportsFor(ws, actor) }, ctx, { runId: req.runId, path: req.path, includeData: req.includeData, force: req.force, countersigner: cosigner }));
      return { jobId: job.id };
    },
    // Only the fingerprints given are a trust list here (the CLI's --trust); none given means no
    // trust check. Auditor mode (bundle.open) checks against the user's saved list instead.
    'bundle.verify': ({ path: p, trust }) => verifyBundle(e.allowPath(p), { trust: trust.length > 0 ? trust : undefined }),
  };
}
