// The near-duplicate step in the policy editor: added from the menu, kept-record choice validated
// (newest needs its column), live preview counts per survivorship, the step's notes (digests) and
// a run that writes the version without the duplicates.
import { importFile } from './actions/import-file';
import { openPolicyTab } from './actions/open-policy-tab';
import { runPolicy } from './actions/run-policy';
import { screenshotThemes } from './actions/screenshot-themes';
import { PolicyPage } from './pages/policy-page';
import { writeFile } from './support/files';
import { expect, test } from './support/fixtures';
import { NEAR_CSV } from '../support/near-people';

test('a near-duplicate step: survivorship choices previewed, validated and run', async ({ app, server }) => {
  writeFile(server.files, 'people.csv', NEAR_CSV);
  await importFile(app, 'people.csv');
  const policy = new PolicyPage(app.page);
  await openPolicyTab(policy);
  // The empty editor's own "Add step" menu.
  await app.page.getByRole('button', { name: 'Add step' }).click();
  await app.page.getByRole('menu', { name: 'Step types' }).getByRole('menuitem', { name: /^Remove near-duplicate rows/ }).click();
  await expect(policy.editor.getByRole('heading', { name: 'Remove near-duplicate rows', level: 2 })).toBeVisible();
  // Every column is compared by default (updated too); the four planted duplicates still go.
  await expect(policy.stepCounts('remove-near-duplicate-rows')).toContainText('−4 rows');
  const notes = policy.editor.getByRole('list', { name: 'Notes' });
  await expect(notes).toContainText(/match model sha256:[0-9a-f]{64}/);
  await expect(notes).toContainText('keeping the most complete record of each');

  const keep = policy.editor.getByRole('combobox', { name: 'Keep' });
  await keep.selectOption('newest');
  await expect(policy.button('Run')).toBeDisabled();
  await expect(policy.editor.getByText(/keeping the newest record needs newestColumn/)).toBeVisible();
  await policy.editor.getByRole('textbox', { name: 'Newest by column' }).fill('updated');
  await expect(policy.button('Run')).toBeEnabled();
  await expect(notes).toContainText('keeping the newest record of each');
  await expect(policy.stepCounts('remove-near-duplicate-rows')).toContainText('−4 rows');

  await keep.selectOption('merge');
  await expect(policy.editor.getByRole('textbox', { name: 'Newest by column' })).toBeHidden();
  // Row 5's blank city is filled from its duplicate.
  await expect(policy.stepCounts('remove-near-duplicate-rows')).toContainText('1 cell');
  const changes = policy.editor.getByRole('table', { name: 'First changes' });
  await expect(changes).toContainText('Bath');
  // A removed row names the record kept in its place.
  await expect(changes.getByRole('row', { name: /^61 row removed/ })).toContainText(/duplicate of row 5( \(p 0\.\d{3}\))?/);
  await notes.scrollIntoViewIfNeeded();
  await screenshotThemes(app.page, '60-policy-near-duplicates');

  await runPolicy(app, policy, 2);
  await expect(app.page.getByText(/60\s+rows/).first()).toBeVisible();
});
