// The policy editor end to end: a messy CSV, a policy built from the standard preset plus typed
// category aliases and a change of case, live preview counts, validation, undo/redo, save, recipe
// export and a run that opens the cleaned version.
import fs from 'node:fs';
import path from 'node:path';
import { addStep } from './actions/add-step';
import { chooseColumns } from './actions/choose-columns';
import { importFile } from './actions/import-file';
import { openPolicyTab } from './actions/open-policy-tab';
import { runPolicy } from './actions/run-policy';
import { savePolicy } from './actions/save-policy';
import { screenshot } from './actions/screenshot';
import { typeAlias } from './actions/type-alias';
import { DiffPage } from './pages/diff-page';
import { PolicyPage } from './pages/policy-page';
import { writeFile } from './support/files';
import { expect, test } from './support/fixtures';
import { MESSY_CSV } from './support/messy';

test('builds, previews, saves, exports and runs a policy', async ({ app, server }) => {
  writeFile(server.files, 'messy.csv', MESSY_CSV);
  await importFile(app, 'messy.csv');
  const policy = new PolicyPage(app.page);
  await openPolicyTab(policy);
  await expect(app.page.getByRole('heading', { name: 'Build a cleaning policy' })).toBeVisible();
  await screenshot(app.page, '40-policy-empty');

  await app.page.getByRole('button', { name: /Start from the standard preset/ }).click();
  await expect(policy.step('standard.trim')).toBeVisible();
  // Live preview: trim fixes 3 cells ("  Ada Lovelace ", "ADA@Example.org ", "boston "), missing
  // tokens 3 (N/A, -, N/A), the duplicate of row 2 goes.
  await expect(policy.stepCounts('standard.trim')).toHaveText('3 cells');
  await expect(policy.stepCounts('standard.missing-tokens')).toHaveText('3 cells');
  await expect(policy.stepCounts('standard.exact-duplicates')).toHaveText('−1 row');
  await expect(policy.previewBar).toContainText('Preview on all 8 rows');

  // A category-aliases step: invalid until it names its columns and has a map, and the toolbar
  // says why Run is unavailable.
  await addStep(policy, 'Category aliases');
  await expect(policy.button('Run')).toBeDisabled();
  await expect(policy.blocked).toContainText('Fix step 9 (Category aliases) › map: the alias map is empty (and 1 more).');
  await expect(policy.editor.getByText('Category aliases needs the columns it applies to')).toBeVisible();
  await expect(policy.editor.getByText('the alias map is empty')).toBeVisible();
  await screenshot(app.page, '41-policy-invalid-step');
  await chooseColumns(policy, ['city']);
  await typeAlias(policy, ['london', 'LONDON'], 'London');
  await typeAlias(policy, ['boston', 'Bostn'], 'Boston');
  await expect(policy.button('Run')).toBeEnabled();
  await expect(policy.stepCounts('category-aliases')).toHaveText('4 cells');

  await addStep(policy, 'Change case');
  await chooseColumns(policy, ['status']);
  await expect(policy.stepCounts('change-case')).toHaveText('3 cells');
  await expect(policy.editor.getByTestId('step-stats')).toContainText('3 cells changed');
  await expect(policy.editor.getByRole('table', { name: 'First changes' })).toContainText('“Active”');

  // Undo and redo an edit (keys and buttons): upper case, back to lower, upper again.
  const mode = policy.editor.getByRole('combobox', { name: 'Case' });
  await mode.selectOption('upper');
  // Upper case changes every status but ACTIVE (and the missing one).
  await expect(policy.stepCounts('change-case')).toHaveText('5 cells');
  await app.page.keyboard.press('Control+z');
  await expect(mode).toHaveValue('lower');
  await expect(policy.stepCounts('change-case')).toHaveText('3 cells');
  await app.page.keyboard.press('Control+Shift+z');
  await expect(mode).toHaveValue('upper');
  await policy.button('Undo').click();
  await expect(mode).toHaveValue('lower');
  await expect(policy.button('Redo')).toBeEnabled();

  // Reorder with the keyboard: Alt+↑ moves the case step above the aliases, Alt+↓ back.
  await policy.step('change-case').getByRole('button', { name: /Change case/ }).focus();
  await app.page.keyboard.press('Alt+ArrowUp');
  await expect(policy.steps.locator('li').nth(8)).toHaveAttribute('data-step-id', 'change-case');
  await app.page.keyboard.press('Alt+ArrowDown');
  await expect(policy.steps.locator('li').nth(9)).toHaveAttribute('data-step-id', 'change-case');

  await expect(policy.previewTotals).toContainText('→ 7 rows');
  await policy.step('category-aliases').getByRole('button', { name: /Category aliases/ }).click();
  await screenshot(app.page, '42-policy-editor');
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(app.page, '42-policy-editor-dark');
  await app.page.emulateMedia({ colorScheme: 'light' });

  await savePolicy(policy, 'Messy cleaning', 'City aliases and lower-case status', 1, () => screenshot(app.page, '43-policy-save'));
  await expect(app.toast('Saved “Messy cleaning” version 1')).toBeVisible();

  // Export the recipe and read it back.
  await policy.button('Export recipe…').click();
  const exportDialog = app.dialog('Export recipe');
  const recipe = path.join(server.workspace, 'exports', 'messy-cleaning.policy.json');
  await expect(exportDialog.getByRole('textbox', { name: 'Save to' })).toHaveValue(recipe);
  await screenshot(app.page, '44-recipe-export');
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(app.toast('Recipe exported')).toBeVisible();
  const doc = JSON.parse(fs.readFileSync(recipe, 'utf8')) as { name: string; version: number; steps: { id: string; type: string; columns?: { names?: string[] }; params: Record<string, unknown> }[] };
  expect(doc.name).toBe('Messy cleaning');
  expect(doc.version).toBe(1);
  expect(doc.steps.map((s) => s.id)).toEqual([
    'standard.trim',
    'standard.collapse-whitespace',
    'standard.nfc',
    'standard.missing-tokens',
    'standard.email',
    'standard.numbers',
    'standard.dates',
    'standard.exact-duplicates',
    'category-aliases',
    'change-case',
  ]);
  expect(doc.steps[8]).toMatchObject({ type: 'category_aliases', columns: { names: ['city'] }, params: { map: [{ from: ['london', 'LONDON'], to: 'London' }, { from: ['boston', 'Bostn'], to: 'Boston' }] } });
  expect(doc.steps[9]).toMatchObject({ type: 'change_case', columns: { names: ['status'] }, params: { mode: 'lower' } });

  await runPolicy(app, policy, 2);
  const diff = new DiffPage(app.page);
  await expect(diff.stamp).toBeVisible();
  await expect(app.page.getByTestId('run-facts')).toContainText('Messy cleaning v1');
  await expect(app.rowCount).toHaveText('7 rows');
});
