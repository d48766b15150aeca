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
import { screenshotThemes } from './actions/screenshot-themes';
import { typeAlias } from './actions/type-alias';
import { DiffPage } from './pages/diff-page';
import { PolicyPage } from './pages/policy-page';
import { callApi } from './support/api';
import { writeFile } from './support/files';
import { expect, test } from './support/fixtures';
import { MESSY_CSV } from './support/messy';

test('builds, previews, saves, exports and runs a policy', async ({ app, server }) => {
  // The steward writes the policy signed (an edit without an identity can never be approved).
  await callApi(server, 'identity.create', { name: 'steward', passphrase: 'steward passphrase', roles: ['steward'] });
  writeFile(server.files, 'messy.csv', MESSY_CSV);
  await importFile(app, 'messy.csv');
  const policy = new PolicyPage(app.page);
  // The view tabs (Data, Profile, Personal data, Policy) move with the arrow keys, Home and End.
  await policy.dataTab.focus();
  await app.page.keyboard.press('ArrowLeft');
  await expect(policy.tab).toHaveAttribute('aria-selected', 'true');
  await expect(policy.tab).toBeFocused();
  await app.page.keyboard.press('Home');
  await expect(policy.dataTab).toHaveAttribute('aria-selected', 'true');
  await app.page.keyboard.press('End');
  await expect(policy.tab).toHaveAttribute('aria-selected', 'true');
  await app.page.keyboard.press('ArrowRight');
  await expect(policy.dataTab).toHaveAttribute('aria-selected', 'true');
  await openPolicyTab(policy);
  await expect(app.page.getByRole('heading', { name: 'Build a cleaning policy' })).toBeVisible();
  await screenshotThemes(app.page, '40-policy-empty');

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
  await policy.steps.getByRole('button', { name: 'Add step' }).click();
  await expect(app.page.getByRole('menu', { name: 'Step types' }).getByRole('group', { name: 'Values', exact: true })).toContainText('Category aliases');
  await screenshotThemes(app.page, '41-policy-add-step-menu');
  await app.page.keyboard.press('Escape');
  await addStep(policy, 'Category aliases');
  await expect(policy.button('Run')).toBeDisabled();
  await expect(policy.blocked).toContainText('Fix step 9 (Category aliases) › map: the alias map is empty (and 1 more).');
  await expect(policy.editor.getByText('Category aliases needs the columns it applies to')).toBeVisible();
  await expect(policy.editor.getByText('the alias map is empty')).toBeVisible();
  await screenshotThemes(app.page, '41-policy-invalid-step');
  await chooseColumns(policy, ['city']);
  await typeAlias(policy, ['london', 'LONDON'], 'London');
  await typeAlias(policy, ['boston', 'Bostn'], 'Boston');
  await expect(policy.button('Run')).toBeEnabled();
  await expect(policy.stepCounts('category-aliases')).toHaveText('4 cells');
  await policy.editor.getByRole('list', { name: 'Aliases' }).scrollIntoViewIfNeeded();
  await screenshotThemes(app.page, '42-policy-alias-map');

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
  await app.page.keyboard.press('Control+y');
  await expect(mode).toHaveValue('upper');
  await policy.button('Undo').click();
  await expect(mode).toHaveValue('lower');

  // Reorder with the keyboard: Alt+↑ moves the case step above the aliases, Alt+↓ back.
  await policy.step('change-case').getByRole('button', { name: /Change case/ }).focus();
  await app.page.keyboard.press('Alt+ArrowUp');
  await expect(policy.steps.locator('li').nth(8)).toHaveAttribute('data-step-id', 'change-case');
  await app.page.keyboard.press('Alt+ArrowDown');
  await expect(policy.steps.locator('li').nth(9)).toHaveAttribute('data-step-id', 'change-case');

  // A step that fails on every value it meets: the failures are reported (examples on expand),
  // and a row filter narrows them down. Then it goes again.
  await addStep(policy, 'Dates to ISO-8601');
  await chooseColumns(policy, ['name']);
  await expect(policy.stepCounts('dates-to-iso-8601')).toContainText('7 failed');
  await policy.editor.getByText(/^7 values could not be handled/).click();
  await expect(policy.editor.getByRole('cell', { name: '“Ada Lovelace”' })).toBeVisible();
  await policy.editor.getByRole('button', { name: 'Add a row filter' }).click();
  await policy.editor.getByRole('combobox', { name: 'Condition 1 column' }).selectOption('city');
  await policy.editor.getByRole('textbox', { name: 'Condition 1 value' }).fill('London');
  // After the aliases every London row reads "London": rows 1, 2 and 3.
  await expect(policy.stepCounts('dates-to-iso-8601')).toContainText('3 failed');
  await policy.editor.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await screenshotThemes(app.page, '42-policy-failures');
  await policy.step('dates-to-iso-8601').hover();
  await policy.step('dates-to-iso-8601').getByRole('button', { name: 'Remove dates-to-iso-8601' }).click();
  await expect(policy.step('dates-to-iso-8601')).toHaveCount(0);

  await expect(policy.previewTotals).toContainText('→ 7 rows');
  await policy.step('category-aliases').getByRole('button', { name: /Category aliases/ }).click();
  await screenshotThemes(app.page, '42-policy-editor');

  await savePolicy(policy, 'Messy cleaning', 'City aliases and lower-case status', 1, () => screenshotThemes(app.page, '43-policy-save'));
  await expect(app.toast('Saved “Messy cleaning” version 1')).toBeVisible();
  await expect(policy.name).toHaveValue('Messy cleaning');

  // Approved (by API: the governance screens have their own spec), v1 is ACTIVE and never changes:
  // an edit makes it unsaved, and saving gives version 2 of the same policy, a DRAFT.
  const list = (await callApi(server, 'policy.list', {})) as { policyId: string; name: string }[];
  const policyId = list.find((p) => p.name === 'Messy cleaning')?.policyId ?? '';
  await callApi(server, 'policy.transition', { policyId, version: 1, action: 'submit', reason: 'ready for review' });
  await callApi(server, 'identity.create', { name: 'approver', passphrase: 'approver passphrase', roles: ['approver'], activate: false });
  await callApi(server, 'identity.unlock', { name: 'approver', passphrase: 'approver passphrase' });
  await callApi(server, 'policy.transition', { policyId, version: 1, action: 'approve', reason: 'looks right' });
  await callApi(server, 'identity.unlock', { name: 'steward', passphrase: 'steward passphrase' });
  await policy.step('change-case').getByRole('checkbox', { name: 'Step change-case on' }).uncheck();
  await expect(policy.state).toHaveText('Unsaved changes');
  await expect(policy.stepCounts('change-case')).toHaveText('0 cells');
  await policy.step('change-case').getByRole('checkbox', { name: 'Step change-case on' }).check();
  await expect(policy.state).toHaveText('Saved · v1');
  await policy.editor.getByRole('textbox', { name: 'Step id' }).fill('');
  await expect(policy.blocked).toContainText('a step id is 1–64 letters');
  await app.page.keyboard.press('Control+z');
  await expect(policy.state).toHaveText('Saved · v1');
  await policy.step('standard.nfc').hover();
  await policy.step('standard.nfc').getByRole('button', { name: 'Remove standard.nfc' }).click();
  await savePolicy(policy, 'Messy cleaning', 'Without NFC', 2);

  // The saved policy, any version, from "Start from".
  await policy.toolbar.getByRole('button', { name: 'Start from' }).click();
  await app.page.getByRole('menu', { name: 'Start from' }).getByRole('menuitem', { name: /^Saved policy…/ }).click();
  const saved = app.dialog('Open a saved policy');
  await saved.getByRole('option', { name: /Messy cleaning/ }).click();
  await saved.getByRole('combobox', { name: 'Version' }).selectOption('1');
  await screenshotThemes(app.page, '43-policy-open-saved');
  await saved.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(saved).toBeHidden();
  await expect(policy.step('standard.nfc')).toBeVisible();
  await expect(policy.state).toHaveText('Saved · v1');
  // Opening replaced the draft as one edit: Undo brings version 2's draft back.
  await policy.button('Undo').click();
  await expect(policy.step('standard.nfc')).toHaveCount(0);
  await expect(policy.state).toHaveText('Saved · v2');

  // Export the recipe and read it back.
  await policy.button('Export recipe…').click();
  const exportDialog = app.dialog('Export recipe');
  const recipe = path.join(server.workspace, 'exports', 'messy-cleaning.policy.json');
  await expect(exportDialog.getByRole('textbox', { name: 'Save to' })).toHaveValue(recipe);
  await screenshotThemes(app.page, '44-recipe-export');
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(app.toast('Recipe exported')).toBeVisible();
  // Exporting it again asks "Replace X?" (no Overwrite checkbox); Replace writes it.
  await policy.button('Export recipe…').click();
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(exportDialog.getByText('Replace “messy-cleaning.policy.json”?')).toBeVisible();
  await exportDialog.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(exportDialog).toBeHidden();
  const doc = JSON.parse(fs.readFileSync(recipe, 'utf8')) as { name: string; version: number; steps: { id: string; type: string; columns?: { names?: string[] }; params: Record<string, unknown> }[] };
  expect(doc.name).toBe('Messy cleaning');
  expect(doc.version).toBe(2);
  expect(doc.steps.map((s) => s.id)).toEqual([
    'standard.trim',
    'standard.collapse-whitespace',
    'standard.missing-tokens',
    'standard.email',
    'standard.numbers',
    'standard.dates',
    'standard.exact-duplicates',
    'category-aliases',
    'change-case',
  ]);
  expect(doc.steps[7]).toMatchObject({ type: 'category_aliases', columns: { names: ['city'] }, params: { map: [{ from: ['london', 'LONDON'], to: 'London' }, { from: ['boston', 'Bostn'], to: 'Boston' }] } });
  expect(doc.steps[8]).toMatchObject({ type: 'change_case', columns: { names: ['status'] }, params: { mode: 'lower' } });

  await runPolicy(app, policy, 2);
  const diff = new DiffPage(app.page);
  await expect(diff.stamp).toBeVisible();
  await expect(app.page.getByTestId('run-facts')).toContainText('Messy cleaning v2');
  await expect(app.rowCount).toHaveText('7 rows');

  // The editor fits a small window too (the cleaned version is open now; its preview reruns).
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await openPolicyTab(policy);
  await expect(policy.stepCounts('category-aliases')).toHaveText('0 cells');
  await screenshotThemes(app.page, '49-policy-1024x700');
});
