// Sorting by a column: each header click runs a view job, and the order follows asc → desc → none.
import { importFile } from './actions/import-file';
import { screenshot } from './actions/screenshot';
import { sortByColumn } from './actions/sort-by-column';
import { PEOPLE_CSV, writeFile } from './support/files';
import { expect, test } from './support/fixtures';

test('sorts by a column through a view job: ascending, descending, then back to file order', async ({ app, server }) => {
  writeFile(server.files, 'people.csv', PEOPLE_CSV);
  await importFile(app, 'people.csv');
  expect(await app.visibleRowIds()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

  await sortByColumn(app, 'age', 'ascending');
  await expect.poll(() => app.visibleRowIds()).toEqual([1, 2, 4, 8, 5, 3, 6, 7]);
  await expect(app.page.getByText('Sorted by age (ascending)')).toBeVisible();
  await screenshot(app.page, '05-sorted-ascending');

  await sortByColumn(app, 'age', 'descending');
  await expect.poll(() => app.visibleRowIds()).toEqual([7, 6, 3, 5, 8, 4, 2, 1]);
  expect(await app.columnTexts(3)).toEqual(['87', '86', '85', '84', '81', '72', '41', '36']);

  await sortByColumn(app, 'age', 'none');
  await expect.poll(() => app.visibleRowIds()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  await expect(app.page.getByText(/^Sorted by/)).toHaveCount(0);

  // Text columns sort as text, case-insensitively.
  await sortByColumn(app, 'name', 'ascending');
  await expect.poll(() => app.columnTexts(1)).toEqual([
    'Ada Lovelace', 'Alan Turing', 'Barbara Liskov', 'Donald Knuth', 'Edsger Dijkstra', 'Grace Hopper', 'Ken Thompson', 'Margaret Hamilton',
  ]);

  // The sorts ran as jobs, listed in the jobs tray.
  await app.jobsButton.click();
  const tray = app.page.getByRole('region', { name: 'Jobs' });
  await expect(tray.getByText('Sort people.csv (v1)').first()).toBeVisible();
  await expect(tray.getByText(/^Import people\.csv/)).toBeVisible();
  await screenshot(app.page, '06-jobs-tray');
});
