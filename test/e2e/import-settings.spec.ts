// The preview's settings: a changed setting re-previews at once, and the import uses it; an
// Excel workbook offers its sheets.
import ExcelJS from 'exceljs';
import path from 'node:path';
import { chooseInFileBrowser } from './actions/choose-in-file-browser';
import { screenshot } from './actions/screenshot';
import { writeFile } from './support/files';
import { expect, test } from './support/fixtures';

test('changing the delimiter and header re-previews, and the import follows the preview', async ({ app, server }) => {
  writeFile(server.files, 'semi.csv', 'code;label\nA1;x,y\nB2;z\n');
  await app.importButton.click();
  await chooseInFileBrowser(app, 'semi.csv');
  const preview = app.dialog('Import semi.csv');
  const table = preview.getByRole('table', { name: 'Preview of the first rows' });
  await expect(preview.getByRole('combobox', { name: /^Delimiter/ })).toHaveValue(';');
  await expect(table.getByRole('columnheader')).toHaveText(['#', /^code/, /^label/]);

  await preview.getByRole('combobox', { name: /^Delimiter/ }).selectOption({ label: 'Comma  ,' });
  await expect(table.getByRole('columnheader')).toHaveText(['#', /^code;label/]);
  await expect(preview.getByText('changed', { exact: true })).toBeVisible();

  // Settings that cannot read the file say why, in place, and Import waits for better ones.
  await preview.getByRole('combobox', { name: /^Format/ }).selectOption('json');
  await expect(preview.getByRole('alert')).toContainText('These settings do not work for this file');
  await expect(preview.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await screenshot(app.page, '31-preview-settings-error');
  await preview.getByRole('combobox', { name: /^Format/ }).selectOption('csv');
  await expect(preview.getByRole('alert')).toBeHidden();

  await preview.getByRole('combobox', { name: /^Delimiter/ }).selectOption({ label: 'Semicolon  ;' });
  await preview.getByRole('checkbox', { name: 'First row holds the column names' }).uncheck();
  await expect(table.getByRole('cell', { name: 'code', exact: true })).toBeVisible();
  await preview.getByRole('checkbox', { name: 'First row holds the column names' }).check();
  await expect(table.getByRole('cell', { name: 'code', exact: true })).toHaveCount(0);
  await preview.getByRole('textbox', { name: 'Dataset name' }).fill('Codes');
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(app.datasetHeader.getByRole('heading', { name: 'Codes' })).toBeVisible();
  await expect(app.page.getByTestId('dataset-shape')).toHaveText('2 rows × 2 columns');
  await expect(app.grid.getByRole('gridcell', { name: 'x,y' })).toBeVisible();
});

test('an Excel workbook offers its sheets; the chosen one is imported', async ({ app, server }) => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Summary').addRows([['note'], ['see the other sheet']]);
  wb.addWorksheet('Patients 2024').addRows([
    ['patient', 'ward', 'age'],
    ['P-001', 'North', 71],
    ['P-002', 'South', 45],
    ['P-003', 'North', 88],
  ]);
  await wb.xlsx.writeFile(path.join(server.files, 'clinic.xlsx'));

  await app.importButton.click();
  await chooseInFileBrowser(app, 'clinic.xlsx');
  const preview = app.dialog('Import clinic.xlsx');
  const sheet = preview.getByRole('combobox', { name: /^Sheet/ });
  await expect(sheet).toHaveValue('Summary');
  await sheet.selectOption('Patients 2024');
  const table = preview.getByRole('table', { name: 'Preview of the first rows' });
  await expect(table.getByRole('cell', { name: 'P-003' })).toBeVisible();
  await screenshot(app.page, '29-preview-xlsx-sheet');
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(app.page.getByTestId('dataset-shape')).toHaveText('3 rows × 3 columns');
  await expect(app.columnHeader('ward')).toBeVisible();
  await expect(app.datasetHeader.getByText('xlsx', { exact: true })).toBeVisible();
});
