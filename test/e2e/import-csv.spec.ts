// Importing a CSV through the in-app file browser, and seeing its rows in the grid.
import { screenshot } from './actions/screenshot';
import { chooseInFileBrowser } from './actions/choose-in-file-browser';
import { PEOPLE_CSV, writeFile } from './support/files';
import { expect, test } from './support/fixtures';

test('imports a CSV chosen in the in-app file browser and shows its rows', async ({ app, server }) => {
  writeFile(server.files, 'people.csv', PEOPLE_CSV);
  writeFile(server.files, 'notes.pdf', '%PDF-1.4 not data');
  await expect(app.page.getByRole('heading', { name: 'Import a file to start' })).toBeVisible();
  await expect(app.sidebar.getByText('No datasets yet.')).toBeVisible();
  await screenshot(app.page, '01-empty-workspace');

  await app.importButton.click();
  await chooseInFileBrowser(app, 'people.csv', async (browser) => {
    await expect(browser.getByRole('option', { name: 'notes.pdf' })).toHaveCount(0);
    await screenshot(app.page, '02-file-browser');
  });

  const preview = app.dialog('Import people.csv');
  const table = preview.getByRole('table', { name: 'Preview of the first rows' });
  await expect(table.getByRole('columnheader', { name: /^name/ })).toBeVisible();
  await expect(table.getByRole('cell', { name: 'Grace Hopper' })).toBeVisible();
  await expect(preview.getByRole('combobox', { name: /^Delimiter/ })).toHaveValue(',');
  await screenshot(app.page, '03-import-preview');
  await preview.getByRole('button', { name: 'Import', exact: true }).click();

  await expect(app.datasetHeader.getByRole('heading', { name: 'people.csv' })).toBeVisible();
  await expect(app.page.getByTestId('dataset-shape')).toHaveText('8 rows × 5 columns');
  await expect(app.grid.getByRole('gridcell', { name: 'Margaret Hamilton' })).toBeVisible();
  await expect(app.columnHeader('city')).toBeVisible();
  expect(await app.visibleRowIds()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  await expect(app.datasetButton('people.csv')).toBeVisible();
  await screenshot(app.page, '04-dataset-open');
});
