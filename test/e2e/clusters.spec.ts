// Cluster values from a column header: fingerprint and Levenshtein suggestions on known messy
// variants, picking and typing the new value, the counts, and accepting the alias map.
import { importFile } from './actions/import-file';
import { openClusterValues } from './actions/open-cluster-values';
import { screenshot } from './actions/screenshot';
import { screenshotThemes } from './actions/screenshot-themes';
import { PolicyPage } from './pages/policy-page';
import { writeFile } from './support/files';
import { expect, test } from './support/fixtures';
import { MESSY_CITIES } from '../support/messy-values';

const HEADER = 'City 🏙️';
const CITIES = MESSY_CITIES;
const CSV = [`id,${HEADER}`, ...CITIES.map((c, i) => `${i + 1},"${c}"`)].join('\n') + '\n';

test('suggests clusters, edits the new value and accepts the aliases', async ({ app, server }) => {
  writeFile(server.files, 'cities.csv', CSV);
  await importFile(app, 'cities.csv');

  // The column menu opens from the keyboard, and Escape gives focus back to its chevron.
  await app.columnHeader(HEADER).getByRole('button', { name: HEADER, exact: true }).focus();
  await app.page.keyboard.press('Alt+ArrowDown');
  const menu = app.page.getByRole('menu', { name: `Column ${HEADER}` });
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await screenshot(app.page, '40-column-menu');
  await app.page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(app.columnHeader(HEADER).getByRole('button', { name: `Column actions for ${HEADER}` })).toBeFocused();

  const dialog = await openClusterValues(app, HEADER, 'keyboard');
  await expect(dialog.column).toHaveValue(/^c\d+$/);
  await expect(dialog.column.locator('option:checked')).toHaveText(HEADER);
  await screenshot(app.page, '41-cluster-dialog');

  // Fingerprint: case and edge spaces only.
  await dialog.run();
  await expect(dialog.results).toContainText('2 clusters');
  await expect(dialog.cluster(1).getByRole('button')).toHaveText([/New York\s*5/, /new york·\s*2/, /NEW YORK\s*1/]);
  await expect(dialog.cluster(2).getByRole('button')).toHaveText([/Paris\s*3/, /paris\s*3/]);
  await expect(dialog.newValue(1)).toHaveValue('New York');
  await expect(dialog.acceptButton).toBeDisabled();
  await dialog.mergeBox(1).check();
  await expect(dialog.summary).toHaveText('1 of 2 clusters · 3 rows would change');

  // Levenshtein, radius 1, blocks of 3: "New-York" and "Pariss" join.
  await dialog.method.selectOption({ label: 'Nearest neighbour (Levenshtein)' });
  await expect(dialog.field('Radius (edits)')).toHaveValue('1');
  await dialog.field('Block (characters)').fill('3');
  await dialog.run();
  await expect(dialog.cluster(1).getByRole('button', { name: /rows?$/ })).toHaveCount(4);
  await expect(dialog.value(1, 'New-York')).toBeVisible();
  await expect(dialog.value(2, 'Pariss')).toBeVisible();
  await expect(dialog.summary).toHaveText('2 clusters · none ticked to merge');

  // Clicking a value makes it the new value (and ticks the cluster); typing overrides it.
  await dialog.value(1, 'NEW YORK').click();
  await expect(dialog.value(1, 'NEW YORK')).toHaveAttribute('aria-pressed', 'true');
  await expect(dialog.newValue(1)).toHaveValue('NEW YORK');
  await expect(dialog.mergeBox(1)).toBeChecked();
  await expect(dialog.summary).toHaveText('1 of 2 clusters · 8 rows would change');
  await dialog.newValue(1).fill('New York City');
  await expect(dialog.value(1, 'NEW YORK')).toHaveAttribute('aria-pressed', 'false');
  // ↓ from a merge box goes to the next cluster's; Space ticks it.
  await dialog.mergeBox(1).focus();
  await app.page.keyboard.press('ArrowDown');
  await expect(dialog.mergeBox(2)).toBeFocused();
  await app.page.keyboard.press('Space');
  await expect(dialog.mergeBox(2)).toBeChecked();
  await expect(dialog.summary).toHaveText('2 of 2 clusters · 13 rows would change');
  await expect(dialog.acceptButton).toHaveText('Accept 2 clusters');
  await screenshotThemes(app.page, '42-cluster-results');

  // An empty new value cannot be accepted.
  await dialog.newValue(2).fill('');
  await expect(dialog.cluster(2)).toContainText('Give the new value');
  await expect(dialog.acceptButton).toBeDisabled();
  await dialog.value(2, 'Paris').click();

  // Accepting adds a category-aliases step for the column to the draft policy, and shows it.
  await dialog.acceptButton.click();
  await expect(dialog.root).toBeHidden();
  await expect(app.toast(`6 aliases added for “${HEADER}”`)).toContainText('A Category aliases step with 2 clusters');
  const policy = new PolicyPage(app.page);
  await expect(policy.tab).toHaveAttribute('aria-selected', 'true');
  await expect(policy.step('category-aliases')).toBeVisible();
  await expect(policy.editor.getByRole('textbox', { name: 'Canonical value of alias 1' })).toHaveValue('New York City');
  await expect(policy.editor.getByRole('textbox', { name: 'Canonical value of alias 2' })).toHaveValue('Paris');
  await expect(policy.editor.getByRole('list', { name: 'Aliases' })).toContainText('New-York');
  await expect(policy.blocked).toBeHidden();
  await screenshot(app.page, '44-cluster-aliases-in-policy');

  // Accepting clusters of the same column again merges them into that step: still one step.
  await policy.dataTab.click();
  const again = await openClusterValues(app, HEADER);
  await again.run();
  await again.mergeBox(2).check();
  await again.acceptButton.click();
  await expect(app.toast(`1 alias added for “${HEADER}”`)).toContainText('Merged into the column\'s Category aliases step');
  await expect(policy.steps.locator('li[data-step-id]')).toHaveCount(1);
  await expect(policy.editor.getByRole('textbox', { name: 'Canonical value of alias 2' })).toHaveValue('Paris');
});
