// The diff view end to end: a recipe whose column names differ only in case is mapped onto a
// messy CSV, run, and the new version shows its changed cells, the steps panel, next change,
// changed rows only; the cleaned data and the provenance are exported and read back.
import fs from 'node:fs';
import { chooseRecipe } from './actions/choose-recipe';
import { exportProvenance } from './actions/export-provenance';
import { importFile } from './actions/import-file';
import { nextChange } from './actions/next-change';
import { openExport } from './actions/open-export';
import { openPolicyTab } from './actions/open-policy-tab';
import { runPolicy } from './actions/run-policy';
import { screenshotThemes } from './actions/screenshot-themes';
import { toggleChangedRows } from './actions/toggle-changed-rows';
import { DiffPage } from './pages/diff-page';
import { PolicyPage } from './pages/policy-page';
import { writeFile } from './support/files';
import { expect, test } from './support/fixtures';
import { CLEANED_CSV, MESSY_CSV } from './support/messy';

/** The standard preset's steps, then aliases and case on columns named "City" and "Status". */
const RECIPE = {
  format: 'data-sanitizer/policy',
  formatVersion: 1,
  name: 'Messy recipe',
  description: '',
  version: 3,
  author: 'someone else',
  createdAt: '2026-01-02T03:04:05.000Z',
  edits: [],
  steps: [
    { id: 'standard.trim', type: 'trim', params: {} },
    { id: 'standard.collapse-whitespace', type: 'collapse_whitespace', params: {} },
    { id: 'standard.nfc', type: 'normalize_unicode', params: { form: 'NFC' } },
    { id: 'standard.missing-tokens', type: 'missing_tokens' },
    { id: 'standard.email', type: 'standardize_email', columns: { detected: ['email'] }, params: {} },
    { id: 'standard.numbers', type: 'coerce_number', columns: { detected: ['number'] } },
    { id: 'standard.dates', type: 'coerce_date', columns: { detected: ['date'] } },
    { id: 'standard.exact-duplicates', type: 'dedupe_exact', params: {} },
    { id: 'city-aliases', type: 'category_aliases', columns: { names: ['City'] }, params: { map: [{ from: ['london', 'LONDON'], to: 'London' }, { from: ['boston', 'Bostn'], to: 'Boston' }] } },
    { id: 'status-case', type: 'change_case', columns: { names: ['Status'] }, params: { mode: 'lower' } },
  ],
};

test('a recipe mapped onto new data, run, inspected as a diff and exported', async ({ app, server }) => {
  writeFile(server.files, 'messy.csv', MESSY_CSV);
  writeFile(server.files, 'messy-recipe.json', JSON.stringify(RECIPE, null, 2));
  await importFile(app, 'messy.csv');
  const policy = new PolicyPage(app.page);
  await openPolicyTab(policy);
  await chooseRecipe(policy, 'messy-recipe.json');

  // The recipe names "City" and "Status"; the data has "city" and "status": suggested, applied.
  const mapping = app.dialog('Map columns');
  await expect(mapping.getByRole('combobox', { name: 'Column for “City”' })).toHaveValue('city');
  await expect(mapping.getByRole('combobox', { name: 'Column for “Status”' })).toHaveValue('status');
  await expect(mapping.getByRole('row', { name: /City/ })).toContainText('city-aliases');
  await screenshotThemes(app.page, '45-column-mapping');
  await mapping.getByRole('button', { name: 'Apply mapping' }).click();
  await expect(mapping).toBeHidden();
  await expect(policy.stepCounts('city-aliases')).toHaveText('4 cells');
  await expect(policy.name).toHaveValue('Messy recipe');

  await runPolicy(app, policy, 2);
  const diff = new DiffPage(app.page);
  await expect(diff.stamp).toBeVisible();
  await expect(app.page.getByTestId('run-facts')).toContainText('Messy recipe v3');
  // The run changed 16 cells of the 7 rows left (19 ledger entries: two cells changed twice, and
  // row 5 was changed before it was removed as a duplicate).
  await expect(diff.summary).toHaveText('16 cells in 7 rows · 1 row removed');
  await expect(diff.changedCells).toHaveCount(16);
  // Row id 7's city (the 6th row shown): trimmed, then aliased; the hover text says both.
  await expect(app.grid.locator('#gcell-5-2')).toHaveAttribute('title', /“boston ” → “Boston”\nTrim \(standard.trim\), confidence 1.0\nCategory aliases \(city-aliases\), confidence 1.0/);
  await expect(diff.panelStep(/Category aliases/)).toContainText('4 cells');
  await expect(diff.panelStep(/Remove exact duplicate rows/)).toContainText('1 row removed');

  // Next change from the first cell: row 1's name (trimmed), then its amount.
  await app.grid.getByRole('gridcell').first().click();
  await nextChange(app);
  await expect(diff.before).toHaveText('“  Ada Lovelace ”');
  await expect(diff.after).toHaveText('“Ada Lovelace”');
  await expect(diff.inspector).toContainText('standard.trim');
  await expect(diff.inspector).toContainText('confidence 1.0');
  await nextChange(app);
  await expect(diff.before).toHaveText('“london”');
  await screenshotThemes(app.page, '46-diff-view');

  // Only the aliases' changes: 4 highlighted cells; next change walks them; changed rows only
  // leaves the 4 rows they are in.
  await diff.panelStep(/Category aliases/).click();
  await expect(diff.panelStep(/Category aliases/)).toHaveAttribute('aria-pressed', 'true');
  await expect(diff.changedCells).toHaveCount(4);
  await nextChange(app);
  await expect(diff.before).toHaveText('“LONDON”');
  await nextChange(app, 'previous');
  await expect(diff.before).toHaveText('“london”');
  await toggleChangedRows(app, diff, true);
  await expect(app.rowCount).toHaveText('4 of 7 rows');
  expect(await app.visibleRowIds()).toEqual([1, 3, 7, 8]);
  await nextChange(app);
  await expect(diff.before).toHaveText('“LONDON”');
  await screenshotThemes(app.page, '47-diff-changed-rows-only');
  await toggleChangedRows(app, diff, false);
  await expect(app.rowCount).toHaveText('7 rows');

  // The cleaned data through the existing export dialog.
  const dialog = await openExport(app, 'messy.csv');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const done = app.dialog('Export complete');
  const out = ((await done.getByTestId('export-path').textContent()) ?? '').trim();
  await done.getByRole('button', { name: 'Done' }).click();
  expect(fs.readFileSync(out, 'utf8').trim().split(/\r?\n/)).toEqual(CLEANED_CSV);

  // The provenance: one line per ledger entry, the removed row as kind "row" (after: the row it repeats).
  const prov = await exportProvenance(diff, 'CSV', () => screenshotThemes(app.page, '48-provenance-export'));
  const lines = fs.readFileSync(prov, 'utf8').trim().split(/\r?\n/);
  expect(lines[0]).toBe('row_id,kind,column,before,after,step_id,step,confidence,before_digest,before_preview');
  expect(lines).toHaveLength(1 + 19 + 1);
  expect(lines).toContain('1,cell,city,london,London,city-aliases,category_aliases,1.0,,');
  expect(lines).toContain('7,cell,city,boston ,boston,standard.trim,trim,1.0,,');
  expect(lines).toContain('3,cell,amount,N/A,,standard.missing-tokens,missing_tokens,1.0,,');
  expect(lines).toContain('5,row,,,2,standard.exact-duplicates,dedupe_exact,1.0,,');
  const parquet = await exportProvenance(diff, 'Parquet');
  expect(parquet.endsWith('.parquet')).toBe(true);
  expect(fs.readFileSync(parquet).subarray(0, 4).toString()).toBe('PAR1');
});
