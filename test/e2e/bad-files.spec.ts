// Bad input gets a clear message naming the file and the reason; ragged rows offer Pad, Skip
// and Cancel, and each choice does what it says.
import { chooseInFileBrowser } from './actions/choose-in-file-browser';
import { screenshot } from './actions/screenshot';
import { writeFile } from './support/files';
import { expect, test } from './support/fixtures';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4, 5]);
const RAGGED = ['a,b,c', '1,2,3', '4,5', '6,7,8', '9,10,11,12', '13,14,15', ''].join('\n');

test('a binary file renamed .csv is refused with a message naming the file', async ({ app, server }) => {
  writeFile(server.files, 'photo.csv', PNG);
  await app.importButton.click();
  await chooseInFileBrowser(app, 'photo.csv');
  const dialog = app.dialog(/photo\.csv/);
  await expect(dialog.getByRole('heading')).toHaveText('This file cannot be imported: photo.csv');
  await expect(dialog.getByText(/photo\.csv is not a data file we can import: it looks like a PNG image/)).toBeVisible();
  await expect(dialog.getByRole('definition').filter({ hasText: /files\/photo\.csv$/ })).toBeVisible();
  await screenshot(app.page, '12-bad-file-error');
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  await expect(dialog).toBeHidden();
  await expect(app.sidebar.getByText('No datasets yet.')).toBeVisible();
});

const RAGGED_CASES = [
  { choice: 'Pad', rows: '5 rows × 4 columns', ids: [1, 2, 3, 4, 5] },
  { choice: 'Skip', rows: '3 rows × 3 columns', ids: [1, 3, 5] },
  { choice: 'Cancel', rows: null, ids: [] },
] as const;

for (const c of RAGGED_CASES) {
  test(`ragged rows: the error shows the count and first lines; ${c.choice} does what it says`, async ({ app, server }) => {
    writeFile(server.files, 'ragged.csv', RAGGED);
    await app.importButton.click();
    await chooseInFileBrowser(app, 'ragged.csv');
    await app.dialog('Import ragged.csv').getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = app.dialog(/ragged\.csv: some rows have the wrong number of fields/);
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText(/2 rows have a different number of fields than the header \(3\); the first is line 3/)).toBeVisible();
    const lines = dialog.getByRole('table', { name: 'Offending lines' });
    await expect(lines.getByRole('row')).toHaveCount(2);
    await expect(lines.getByRole('row').first()).toContainText('Line 3');
    await expect(lines.getByRole('row').first()).toContainText('4,5');
    if (c.choice === 'Pad') await screenshot(app.page, '13-ragged-rows');
    await dialog.getByRole('button', { name: c.choice, exact: true }).click();
    await expect(dialog).toBeHidden();
    if (c.rows === null) {
      await expect(app.sidebar.getByText('No datasets yet.')).toBeVisible();
      return;
    }
    await expect(app.page.getByTestId('dataset-shape')).toHaveText(c.rows, { timeout: 60_000 });
    await expect.poll(() => app.visibleRowIds()).toEqual([...c.ids]);
  });
}
