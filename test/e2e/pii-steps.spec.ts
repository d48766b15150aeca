// De-identification in the policy editor end to end: a preset for cards, then a De-identify step
// whose operator per entity is chosen in its form (a hash too short is refused, naming the entity
// and field), run, and the diff's inspector showing the masked value the ledger keeps — never the
// e-mail address itself.
import { addStep } from './actions/add-step';
import { importFile } from './actions/import-file';
import { openPolicyTab } from './actions/open-policy-tab';
import { runPolicy } from './actions/run-policy';
import { screenshotThemes } from './actions/screenshot-themes';
import { DiffPage } from './pages/diff-page';
import { PolicyPage } from './pages/policy-page';
import { writeFile } from './support/files';
import { expect, test } from './support/fixtures';

const PEOPLE = 'email,name,notes\nann@example.org,Ann Lee,card 4111 1111 1111 1111 on file\nbob@x.org,Bob Stone,nothing to see\n';

test('a de-identification step built in the editor, run, and shown masked in the diff', async ({ app, server }) => {
  writeFile(server.files, 'people.csv', PEOPLE);
  await importFile(app, 'people.csv');
  const policy = new PolicyPage(app.page);
  await openPolicyTab(policy);
  await app.page.getByRole('button', { name: /Start from the pci preset/ }).click();
  await expect(policy.stepCounts('pci.card-spans')).toHaveText('1 cell');

  await addStep(policy, 'De-identify');
  // A new step starts with a type token for e-mails: the e-mail column is replaced.
  await expect(policy.stepCounts('de-identify')).toHaveText('2 cells');
  await policy.editor.getByRole('combobox', { name: 'EMAIL: operator' }).selectOption('hash');
  const length = policy.editor.getByRole('textbox', { name: 'EMAIL: hash length' });
  await length.fill('4');
  await expect(policy.editor.getByText(/EMAIL › length/)).toBeVisible();
  await expect(policy.button('Run')).toBeDisabled();
  await screenshotThemes(app.page, '60-policy-deidentify-step');
  await length.fill('12');
  await expect(policy.button('Run')).toBeEnabled();

  await runPolicy(app, policy, 2);
  const diff = new DiffPage(app.page);
  await app.grid.getByRole('gridcell').first().click();
  await app.page.getByRole('group', { name: 'Grid status' }).getByRole('button', { name: 'Inspector' }).click();
  await expect(diff.before).toHaveText('“a***@***.org”');
  await expect(diff.after).toHaveText(/^“[0-9a-f]{12}”$/);
  await expect(diff.inspector).toContainText('Before (masked');
  await expect(diff.inspector).not.toContainText('ann@example.org');
  await screenshotThemes(app.page, '61-diff-deidentified');
});
