// Filtering: the filter box builds a view of matching rows; Escape returns to every row.
import { filterRows } from './actions/filter-rows';
import { importFile } from './actions/import-file';
import { screenshot } from './actions/screenshot';
import { PEOPLE_CSV, writeFile } from './support/files';
import { expect, test } from './support/fixtures';

test('filters rows across columns, shows the count, and clears with Escape', async ({ app, server }) => {
  writeFile(server.files, 'people.csv', PEOPLE_CSV);
  await importFile(app, 'people.csv');

  await app.page.keyboard.press('Control+f');
  await expect(app.filterBox).toBeFocused();
  await filterRows(app, 'boston');
  await expect.poll(() => app.visibleRowIds()).toEqual([5, 7]);
  await expect(app.rowCount).toHaveText('2 of 8 rows');
  await screenshot(app.page, '07-filtered');

  await filterRows(app, 'nobody-has-this');
  await expect(app.grid.getByText('No rows match “nobody-has-this”.')).toBeVisible();
  await expect(app.rowCount).toHaveText('0 of 8 rows');
  await screenshot(app.page, '08-filter-no-match');

  await app.filterBox.press('Escape');
  await expect(app.filterBox).toHaveValue('');
  await expect(app.rowCount).toHaveText('8 rows');
  await expect.poll(() => app.visibleRowIds()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
});
