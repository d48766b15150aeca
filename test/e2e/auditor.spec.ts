// Auditor mode end to end: a compliance run and its evidence bundle are made in one app instance
// (through the API: identities, a policy approved by someone else, the run, bundle.write), then
// opened in a FRESH instance with its own workspace and user folder, as on the auditor's machine:
// by the top bar's Open bundle and the in-app file browser (a folder), by dropping the .zip on the
// window; trusted signers; the report, policy and approvals, ledger and findings with filters; a
// file checked against the bundle; and a tampered copy (a byte flipped in provenance.parquet)
// showing the failure naming that file.
import fs from 'node:fs';
import path from 'node:path';
import { screenshot } from './actions/screenshot';
import { callApi } from './support/api';
import { expect, test, type Page } from './support/fixtures';
import { startServer, type AppServer } from './support/server';

const PASS = 'a long passphrase';
const EMAILS = ['ann.quill@example.org', 'bob.marsh@example.com', 'cyd.oakes@example.net', 'dee.frost@example.org'];
const CSV = ['name,email,city', ...EMAILS.map((e, i) => ` Person ${i + 1} ,${e},${i % 2 ? 'Paris' : 'Oslo'}`), ''].join('\n');

interface Job {
  state: string;
  result?: unknown;
  error?: { message: string };
}

async function runJob(server: AppServer, name: string, args: object): Promise<unknown> {
  const { jobId } = (await callApi(server, name, args)) as { jobId: string };
  for (;;) {
    const job = (await callApi(server, 'job.get', { jobId })) as Job;
    if (job.state === 'succeeded') return job.result;
    if (job.state !== 'running' && job.state !== 'queued') throw new Error(`${name}: ${job.state}: ${job.error?.message}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** In one instance: alice (steward) runs a policy bob (approver) approved; the run's bundle as a folder and a .zip. */
async function makeBundles(maker: AppServer): Promise<{ folder: string; zip: string; input: string }> {
  const input = path.join(maker.files, 'patients.csv');
  fs.writeFileSync(input, CSV);
  const imported = (await runJob(maker, 'import.start', { path: input, options: {} })) as { datasetId: string };
  await runJob(maker, 'pii.start', { datasetId: imported.datasetId, version: 1 });
  await callApi(maker, 'identity.create', { name: 'alice', passphrase: PASS, roles: ['steward'], activate: true });
  await callApi(maker, 'identity.create', { name: 'bob', passphrase: PASS, roles: ['approver'], activate: false });
  const policy = {
    format: 'data-sanitizer/policy', formatVersion: 1, name: 'mask emails', version: 1, author: 'alice', createdAt: '2026-12-05T07:00:00.000Z',
    steps: [
      { id: 'trim', type: 'trim' },
      { id: 'mask', type: 'deidentify', columns: { names: ['email'] }, params: { operators: { default: { op: 'mask' } } } },
    ],
  };
  const saved = (await callApi(maker, 'policy.save', { policy, summary: 'mask the e-mail addresses' })) as { policyId: string };
  await callApi(maker, 'policy.transition', { policyId: saved.policyId, version: 1, action: 'submit', reason: 'ready for review' });
  await callApi(maker, 'identity.unlock', { name: 'bob', passphrase: PASS });
  await callApi(maker, 'policy.transition', { policyId: saved.policyId, version: 1, action: 'approve', reason: 'masks what it must' });
  await callApi(maker, 'identity.unlock', { name: 'alice', passphrase: PASS });
  const run = (await runJob(maker, 'clean.run', { datasetId: imported.datasetId, version: 1, source: { policyId: saved.policyId } })) as { runId: string; kind: string };
  expect(run.kind).toBe('compliance');
  const folder = path.join(maker.files, 'evidence');
  const zip = path.join(maker.files, 'evidence.zip');
  await runJob(maker, 'bundle.write', { runId: run.runId, path: folder, countersign: { identity: 'bob', passphrase: PASS } });
  await runJob(maker, 'bundle.write', { runId: run.runId, path: zip });
  return { folder, zip, input };
}

/** Drops a binary file on the window, as a user dragging it from their file manager. */
async function dropBinary(page: Page, name: string, bytes: Buffer): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ n, b64 }) => {
      const g = globalThis as unknown as {
        atob(s: string): string;
        DataTransfer: new () => { items: { add(f: unknown): void } };
        File: new (parts: unknown[], name: string, opts: { type: string }) => unknown;
      };
      const raw = g.atob(b64);
      const arr = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) arr[i] = raw.charCodeAt(i);
      const dt = new g.DataTransfer();
      dt.items.add(new g.File([arr], n, { type: 'application/zip' }));
      return dt;
    },
    { n: name, b64: bytes.toString('base64') },
  );
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
}

function auditor(page: Page) {
  const region = page.getByRole('region', { name: 'Auditor mode' });
  return {
    region,
    verdict: region.getByTestId('bundle-verdict'),
    tab: (name: string) => region.getByRole('tablist', { name: 'Bundle contents' }).getByRole('tab', { name }),
    signer: (name: string) => region.getByRole('list', { name: 'Signers' }).getByRole('listitem', { name: new RegExp(`^${name},`) }),
  };
}

async function openBundleFolder(page: Page, folderName: string, shot?: string): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Open bundle' }).click();
  const browser = page.getByRole('dialog', { name: 'Open an evidence bundle' });
  await browser.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'files' }).click();
  await browser.getByRole('listbox').getByRole('option').filter({ has: page.getByText(folderName, { exact: true }) }).click();
  await expect(browser.getByText(new RegExp(`/${folderName}$`))).toBeVisible();
  if (shot) await screenshot(page, shot);
  await browser.getByRole('button', { name: 'Open bundle', exact: true }).click();
  await expect(browser).toBeHidden();
}

test('a bundle from another instance opens verified, is browsed, checked and trusted; a tampered copy names the file', async ({ app, server }) => {
  const page = app.page;
  const maker = await startServer();
  let made: { folder: string; zip: string; input: string };
  try {
    made = await makeBundles(maker);
    // The auditor's machine: this fresh instance gets copies, never the maker's files.
    fs.cpSync(made.folder, path.join(server.files, 'evidence'), { recursive: true });
    fs.copyFileSync(made.input, path.join(server.files, 'patients.csv'));
    fs.cpSync(made.folder, path.join(server.files, 'tampered'), { recursive: true });
    made = { ...made, zip: (fs.copyFileSync(made.zip, path.join(server.files, 'evidence.zip')), path.join(server.files, 'evidence.zip')) };
  } finally {
    await maker.stop();
  }
  const prov = path.join(server.files, 'tampered', 'provenance.parquet');
  const bytes = fs.readFileSync(prov);
  bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] as number) ^ 0x01;
  fs.writeFileSync(prov, bytes);

  // Open the folder: intact, signed by keys this auditor has not trusted yet.
  await openBundleFolder(page, 'evidence', '93-auditor-open');
  const a = auditor(page);
  await expect(a.verdict).toContainText(/Intact: \d+ files, \d+ audit entries, signatures valid — but signed by keys you have not trusted/);
  await expect(a.signer('alice')).toContainText('ran the job');
  await expect(a.signer('alice').getByTestId('signer-trust')).toHaveText('unknown');
  await expect(a.signer('bob')).toContainText('countersigned (approver)');
  await expect(a.signer('alice')).toContainText('signature valid');
  await screenshot(page, '93-auditor-untrusted');

  // Trust both signers: the verdict turns green and says what was checked.
  await a.signer('alice').getByRole('button', { name: 'Trust this signer' }).click();
  await a.signer('bob').getByRole('button', { name: 'Trust this signer' }).click();
  await expect(a.signer('bob').getByTestId('signer-trust')).toHaveText('trusted');
  await expect(a.verdict).toContainText(/^Verified: \d+ files, \d+ audit entries, signatures valid/);
  const trusted = (await callApi(server, 'trust.list', {})) as Array<{ label: string }>;
  expect(trusted.map((t) => t.label)).toEqual(['alice', 'bob']);

  // Report: the run kind first, unmistakably.
  await expect(a.tab('Report')).toHaveAttribute('aria-selected', 'true');
  await expect(a.region.getByRole('article').getByText('Compliance run — ACTIVE approved policy')).toBeVisible();
  await expect(a.region.getByRole('table', { name: 'Steps' })).toContainText('mask');
  await screenshot(page, '93-auditor-verified-report');

  // Policy and approvals (keyboard: the tab list moves with the arrow keys).
  await a.tab('Report').focus();
  await page.keyboard.press('ArrowRight');
  await expect(a.tab('Policy & approvals')).toHaveAttribute('aria-selected', 'true');
  await expect(a.region.getByRole('list', { name: 'Policy steps' })).toContainText('deidentify');
  await expect(a.region.getByRole('listitem', { name: 'Approval by bob' })).toContainText('masks what it must');
  await screenshot(page, '93-auditor-policy');

  // Provenance ledger: every change, then filtered by step; no raw e-mail address anywhere.
  await a.tab('Provenance ledger').click();
  const ledger = a.region.getByRole('grid', { name: 'Provenance ledger' });
  await expect(ledger.getByRole('row').nth(1)).toBeVisible();
  await a.region.getByRole('combobox', { name: 'Step' }).selectOption('mask');
  await expect(a.region.getByText('4 rows')).toBeVisible();
  await expect(ledger.getByRole('row').filter({ hasText: 'email' })).toHaveCount(4);
  for (const e of EMAILS) await expect(ledger).not.toContainText(e);
  await screenshot(page, '93-auditor-ledger');

  // Findings, by entity.
  await a.tab('Findings').click();
  await a.region.getByRole('combobox', { name: 'Entity' }).selectOption('EMAIL');
  const findings = a.region.getByRole('grid', { name: 'Findings' });
  await expect(a.region.getByText('4 rows')).toBeVisible();
  for (const e of EMAILS) await expect(findings).not.toContainText(e);
  await screenshot(page, '93-auditor-findings');

  // Files, and a file the auditor has checked against the bundle.
  await a.tab('Files').click();
  await expect(a.region.getByRole('table', { name: 'Files in the bundle' })).toContainText('provenance.parquet');
  await a.region.getByRole('button', { name: 'Check a file I have…' }).click();
  const picker = page.getByRole('dialog', { name: 'Check a file against the bundle' });
  await picker.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'files' }).click();
  await picker.getByRole('listbox').getByRole('option', { name: 'patients.csv' }).click();
  await picker.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(a.region.getByTestId('check-result')).toContainText("Matches the bundle's input digest");
  await screenshot(page, '93-auditor-files');

  // Close: back to the workspace.
  await a.region.getByRole('button', { name: 'Close bundle' }).click();
  await expect(a.region).toBeHidden();
  await expect(app.importButton).toBeVisible();

  // The .zip, dropped on the window: verified (its signers are trusted now).
  await dropBinary(page, 'evidence.zip', fs.readFileSync(made.zip));
  await expect(a.verdict).toContainText(/^Verified: \d+ files/);
  await expect(a.region).toContainText('.zip (unpacked to a private folder, read only)');
  await a.region.getByRole('button', { name: 'Close bundle' }).click();

  // The tampered copy: red, naming provenance.parquet with the expected and actual digests.
  await openBundleFolder(page, 'tampered');
  await expect(a.verdict).toContainText(/^Verification failed/);
  const problems = a.verdict.getByRole('list', { name: 'Problems found' });
  await expect(problems).toContainText(/provenance\.parquet .*expected [0-9a-f]{64}, found [0-9a-f]{64}/);
  await a.tab('Files').click();
  await expect(a.region.getByRole('table', { name: 'Files in the bundle' }).getByRole('row').filter({ hasText: 'provenance.parquet' })).toContainText('problem');
  await screenshot(page, '93-auditor-tampered');
});
