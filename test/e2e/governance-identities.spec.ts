// Identities, settings and the audit log in the real UI: the first-run prompt makes alice the
// admin; alice creates bob (approver); a wrong passphrase is refused; bob cannot grant roles (the
// refusal is shown plainly); alice grants bob auditor with a reason and turns governed on; the
// audit log is filtered by actor, an entry opened, verified (green) and checkpointed to a file.
// The red (tampered) state is covered by test/unit/renderer/governance-ui.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { screenshot } from './actions/screenshot';
import { screenshotThemes } from './actions/screenshot-themes';
import { GovernancePage } from './pages/governance-page';
import { expect, test } from './support/fixtures';

const ALICE = 'alice passphrase one';
const BOB = 'bob passphrase two';
const GROUPED = /^([0-9a-f]{4} ){15}[0-9a-f]{4}$/;

test('identities, roles, settings and the audit log', async ({ app }) => {
  const gov = new GovernancePage(app.page);
  await app.ready();

  // First run: no identity; actions are unsigned, and the strip invites the first (admin) identity.
  await expect(gov.chip).toHaveAccessibleName(/unsigned/);
  await expect(gov.firstRun).toContainText('Create the first identity: it becomes the admin.');
  await screenshot(app.page, '80-gov-first-run');
  await gov.firstRun.getByRole('button', { name: 'Create the first identity…' }).click();
  const first = gov.dialog('Create the first identity');
  await gov.fillCreate(first, 'alice', ALICE, 'alice passphrase 1');
  await expect(first.getByRole('alert')).toHaveText('Cannot create yet: the two passphrases differ.');
  await screenshot(app.page, '81-gov-create-first');
  await first.getByLabel('Passphrase again').fill(ALICE);
  // Enter in a field submits the dialog's form (its submit button sits in the footer, linked by form=).
  await first.getByLabel('Passphrase again').press('Enter');
  await expect(first).toBeHidden();
  await expect(gov.chip).toHaveAccessibleName(/^Acting as alice \(admin\)/);
  await expect(gov.firstRun).toBeHidden();

  // The manager: alice is admin, her fingerprint in groups of four; she creates bob (approver).
  await gov.openButton.click();
  await gov.tab('Identities').click();
  await expect(gov.identityRow('alice')).toContainText('admin');
  await expect(gov.identityRow('alice').locator('code')).toHaveText(GROUPED);
  await app.page.getByRole('button', { name: 'New identity…' }).click();
  await gov.fillCreate(gov.dialog('New identity'), 'bob', BOB, BOB, ['approver']);
  await expect(gov.identityRow('bob')).toContainText('approver');
  await expect(gov.identityRow('bob')).not.toContainText('acting');
  await expect(gov.chip).toHaveAccessibleName(/^Acting as alice/);
  await screenshotThemes(app.page, '82-gov-identities');

  // Switching needs the passphrase: a wrong one is refused in place.
  const sw = await gov.switchTo('bob', 'not the passphrase');
  await expect(sw.getByRole('alert')).toContainText('Not unlocked');
  await expect(gov.chip).toHaveAccessibleName(/^Acting as alice/);
  await screenshot(app.page, '83-gov-switch-refused');
  await sw.getByLabel('Passphrase of bob').fill(BOB);
  await sw.getByRole('button', { name: 'Switch', exact: true }).click();
  await expect(sw).toBeHidden();
  await expect(gov.chip).toHaveAccessibleName(/^Acting as bob \(approver\)/);
  await expect(gov.identityRow('bob')).toContainText('acting');

  // bob is not an admin: told so, and the engine's refusal is shown plainly.
  await gov.identityRow('bob').getByRole('button', { name: 'Grant a role to bob' }).click();
  const refused = gov.dialog('Grant a role to bob');
  await expect(refused.getByRole('note')).toHaveText('Only an admin can grant or revoke roles. You act as bob (approver).');
  await refused.getByRole('radio', { name: /^auditor/ }).check();
  await refused.getByLabel('Reason').fill('I would like to audit');
  await refused.getByRole('button', { name: 'Grant role' }).click();
  await expect(refused.getByRole('alert')).toContainText('Refused');
  await expect(refused.getByRole('alert')).toContainText(/refused: bob .*admin/);
  await screenshot(app.page, '84-gov-grant-refused');
  await refused.getByRole('button', { name: 'Cancel' }).click();
  await expect(gov.identityRow('bob')).not.toContainText('auditor');

  // Back to alice (from her row), who grants bob auditor with a reason.
  await gov.identityRow('alice').getByRole('button', { name: 'Switch to alice' }).click();
  const back = gov.dialog('Switch identity');
  await expect(back.getByRole('radio', { name: /^alice\b/ })).toBeChecked();
  await back.getByLabel('Passphrase of alice').fill(ALICE);
  await back.getByLabel('Passphrase of alice').press('Enter');
  await expect(gov.chip).toHaveAccessibleName(/^Acting as alice/);
  await gov.identityRow('bob').getByRole('button', { name: 'Grant a role to bob' }).click();
  const grant = gov.dialog('Grant a role to bob');
  await expect(grant.getByRole('note')).toHaveCount(0);
  await grant.getByRole('radio', { name: /^auditor/ }).check();
  await grant.getByLabel('Reason').fill('joins internal audit');
  await grant.getByRole('button', { name: 'Grant role' }).click();
  await expect(grant).toBeHidden();
  await expect(gov.identityRow('bob')).toContainText('auditor');

  // Settings: governed on, with a reason; the key's generation and fingerprint.
  await gov.tab('Settings').click();
  await expect(app.page.getByTestId('governed-state')).toHaveText('off');
  await expect(app.page.getByTestId('key-generation')).toHaveText('1');
  await app.page.getByRole('button', { name: 'Turn on…' }).click();
  const governed = gov.dialog('Turn governed on');
  await governed.getByLabel('Reason').fill('audit season starts');
  await governed.getByRole('button', { name: 'Turn on', exact: true }).click();
  await expect(governed).toBeHidden();
  await expect(app.page.getByTestId('governed-state')).toHaveText('on');
  await screenshotThemes(app.page, '85-gov-settings');
  // The key: backed up to a file (passphrase twice), then rotated with a reason and a warning.
  await app.page.getByRole('button', { name: 'Back up the key…' }).click();
  const backup = gov.dialog('Back up the workspace key');
  const keyFile = await backup.getByLabel('Save to').inputValue();
  await backup.getByLabel('Passphrase for the backup').fill('backup passphrase');
  await backup.getByLabel('Passphrase again').fill('backup passphrase!');
  await backup.getByRole('button', { name: 'Back up' }).click();
  await expect(backup.getByRole('alert')).toHaveText('Cannot back up yet: the two passphrases differ.');
  await backup.getByLabel('Passphrase again').fill('backup passphrase');
  await screenshot(app.page, '86-gov-backup-key');
  await backup.getByRole('button', { name: 'Back up' }).click();
  await expect(backup).toBeHidden();
  await expect(app.toast('Key generation 1 backed up')).toBeVisible();
  expect(fs.existsSync(keyFile)).toBe(true);
  expect(fs.readFileSync(keyFile, 'utf8')).not.toContain('backup passphrase');
  // Backing up to the same file again asks "Replace X?": Keep returns to the form with the
  // passphrases still typed; Replace writes it.
  const firstBackup = fs.readFileSync(keyFile, 'utf8');
  await app.page.getByRole('button', { name: 'Back up the key…' }).click();
  await backup.getByLabel('Passphrase for the backup').fill('second passphrase');
  await backup.getByLabel('Passphrase again').fill('second passphrase');
  await backup.getByRole('button', { name: 'Back up' }).click();
  await expect(backup.getByText(`Replace “${path.basename(keyFile)}”?`)).toBeVisible();
  await expect(backup.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await backup.getByRole('button', { name: 'Keep it' }).click();
  await expect(backup.getByLabel('Passphrase again')).toHaveValue('second passphrase');
  expect(fs.readFileSync(keyFile, 'utf8')).toBe(firstBackup);
  await backup.getByRole('button', { name: 'Back up' }).click();
  await backup.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(backup).toBeHidden();
  expect(fs.readFileSync(keyFile, 'utf8')).not.toBe(firstBackup);
  await app.page.getByRole('button', { name: 'Rotate the key…' }).click();
  const rotate = gov.dialog('Rotate the workspace key');
  await expect(rotate).toContainText('New pseudonyms will differ.');
  await rotate.getByLabel('Reason').fill('yearly rotation');
  await screenshot(app.page, '86-gov-rotate-key');
  await rotate.getByRole('button', { name: 'Rotate the key' }).click();
  await expect(rotate).toBeHidden();
  await expect(app.page.getByTestId('key-generation')).toHaveText('2');

  // The audit log: newest first; filtered by actor; an entry's every field; the keyboard moves.
  // The activity panel leads to the audit log.
  await app.activityButton.click();
  await app.page.getByRole('complementary', { name: 'Activity' }).getByRole('button', { name: 'Audit log' }).click();
  await expect(gov.tab('Audit log')).toHaveAttribute('aria-selected', 'true');
  await app.activityButton.click();
  await expect(gov.entries.first()).toContainText('key.rotated');
  await expect(gov.entries.first()).toContainText('Workspace key rotated — generation 2 · yearly rotation');
  await expect(gov.entries.filter({ hasText: 'settings.governed' })).toContainText('Governed turned on — audit season starts');
  const seqs = (await gov.entries.locator('.audit-seq').allTextContents()).map((s) => Number(s.slice(1)));
  expect(seqs.length).toBeGreaterThan(5);
  expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
  await gov.filters.getByLabel('Actor').fill('bob');
  await gov.filters.getByLabel('Actor').press('Enter');
  await expect(gov.entries.first()).toContainText('identity.unlocked');
  for (const meta of await gov.entries.locator('.audit-item-meta').allTextContents()) expect(meta).toContain('· bob ·');
  await gov.entries.first().click();
  await expect(gov.details).toContainText('Previous hash');
  await expect(gov.details).toContainText('Payload digest');
  await expect(gov.details).toContainText('signed');
  await expect(gov.details.getByRole('definition').filter({ hasText: GROUPED })).toHaveCount(1);
  await expect(gov.details.getByLabel('Details JSON')).toContainText('"name": "bob"');
  await gov.filters.getByRole('button', { name: 'Clear filters' }).click();
  await gov.filters.getByLabel('Action').selectOption('identity.');
  await expect(gov.entries.first()).toContainText('identity.');
  for (const meta of await gov.entries.locator('.audit-item-meta').allTextContents()) expect(meta).toMatch(/^identity\./);
  const firstSeq = await gov.entries.first().locator('.audit-seq').textContent();
  await gov.timeline.focus();
  await gov.entries.first().click();
  await app.page.keyboard.press('ArrowDown');
  await expect(gov.entries.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(gov.details).not.toContainText(`${firstSeq} `);

  // Verify now: green, with the count of entries.
  await app.page.getByRole('button', { name: 'Verify now' }).click();
  await expect(gov.verifyResult).toContainText(/^Intact: \d+ entries, checked at /);
  await expect(gov.verifyResult).toHaveClass(/audit-verify-ok/);
  await screenshotThemes(app.page, '87-gov-audit');

  // Save checkpoint: a signed head in a file.
  await app.page.getByRole('button', { name: 'Save checkpoint…' }).click();
  const cp = gov.dialog('Save a checkpoint');
  const file = await cp.getByLabel('Save to').inputValue();
  await cp.getByRole('button', { name: 'Save checkpoint' }).click();
  await expect(gov.dialog('Checkpoint saved')).toContainText('Signed by');
  await screenshot(app.page, '88-gov-checkpoint');
  await gov.dialog('Checkpoint saved').getByRole('button', { name: 'Done' }).click();
  expect(path.dirname(file)).toBe(path.join(app.server.workspace, 'exports'));
  const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { format: string; seq: number };
  expect(saved.format).toBe('data-sanitizer/checkpoint@1');
  expect(saved.seq).toBeGreaterThan(5);
  // The same name again: "Replace X?", and Keep writes nothing.
  await app.page.getByRole('button', { name: 'Save checkpoint…' }).click();
  await cp.getByLabel('Save to').fill(file);
  await cp.getByRole('button', { name: 'Save checkpoint' }).click();
  await expect(cp.getByText(`Replace “${path.basename(file)}”?`)).toBeVisible();
  await cp.getByRole('button', { name: 'Keep it' }).click();
  await expect(cp.getByLabel('Save to')).toHaveValue(file);
  await cp.getByRole('button', { name: 'Cancel' }).click();
  expect((JSON.parse(fs.readFileSync(file, 'utf8')) as { seq: number }).seq).toBe(saved.seq);
});
