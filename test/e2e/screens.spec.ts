// The screens not covered elsewhere, photographed for review: hostile and long headers, narrow
// windows, the dark theme, the delete confirmation and the error details.
import { importFile } from './actions/import-file';
import { screenshot } from './actions/screenshot';
import { PEOPLE_CSV, writeFile } from './support/files';
import { expect, test } from './support/fixtures';

const LONG = 'A very long column header that explains in great detail what the column holds and why';
const HOSTILE_CSV = [
  `id,,name,Name,"say ""hi""","a,b;c",😀 emoji,"""; DROP TABLE x; --",${LONG},name`,
  `1,blank header,Ada,ADA,"quote ""q""",x;y,🙂,drop,${'long text '.repeat(40)},dup`,
  `2,,Alan,ALAN,,,,,short,`,
  '',
].join('\n');

test('hostile and long headers show exactly as imported', async ({ app, server }) => {
  writeFile(server.files, 'hostile.csv', HOSTILE_CSV);
  await importFile(app, 'hostile.csv');
  for (const h of ['(blank)', 'Name', 'say "hi"', 'a,b;c', '😀 emoji', '"; DROP TABLE x; --', LONG]) {
    await expect(app.columnHeader(h)).toHaveCount(1);
  }
  await expect(app.columnHeader('name')).toHaveCount(2);
  await expect(app.page.getByRole('status', { name: 'Import warnings' })).toBeVisible();
  await screenshot(app.page, '20-hostile-headers');
  await app.page.getByRole('button', { name: 'Dismiss import warnings' }).click();
  await expect(app.page.getByRole('status', { name: 'Import warnings' })).toBeHidden();

  await app.grid.getByRole('gridcell', { name: /^long text/ }).click();
  await app.grid.press('Enter');
  await expect(app.page.getByRole('complementary', { name: 'Cell inspector' }).getByText(LONG)).toBeVisible();
  await screenshot(app.page, '21-inspector-long-text');
});

for (const size of [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
]) {
  test(`the main screens fit a ${size.width}×${size.height} window`, async ({ app, server }) => {
    await app.page.setViewportSize(size);
    writeFile(server.files, 'people.csv', PEOPLE_CSV);
    await importFile(app, 'people.csv');
    await screenshot(app.page, `22-grid-${size.width}x${size.height}`);
    await app.importButton.click();
    await app.dialog('Import a file').getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'files' }).click();
    await app.dialog('Import a file').getByRole('option', { name: 'people.csv' }).dblclick();
    await expect(app.dialog('Import people.csv').getByRole('cell', { name: 'Ada Lovelace' })).toBeVisible();
    await screenshot(app.page, `23-preview-${size.width}x${size.height}`);
    await app.page.keyboard.press('Escape');
    await expect(app.dialog('Import people.csv')).toBeHidden();
    // The grid fits: its right edge is inside the window and the status bar is on screen.
    const box = await app.grid.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(size.width);
    await expect(app.rowCount).toBeInViewport();
  });
}

test('dark theme, delete confirmation and error details', async ({ app, server }) => {
  await app.page.emulateMedia({ colorScheme: 'dark' });
  writeFile(server.files, 'people.csv', PEOPLE_CSV);
  await importFile(app, 'people.csv');
  await screenshot(app.page, '24-dark-grid');
  await app.page.emulateMedia({ colorScheme: 'light' });

  await app.datasetButton('people.csv').hover();
  await app.sidebar.getByRole('button', { name: 'Delete dataset people.csv' }).click();
  const confirm = app.dialog('Delete “people.csv”?');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await screenshot(app.page, '25-delete-confirm');
  await confirm.getByRole('button', { name: 'Delete dataset' }).click();
  await expect(confirm).toBeHidden();
  await expect(app.sidebar.getByText('No datasets yet.')).toBeVisible();
  await expect(app.toast('Dataset deleted')).toBeVisible();

  // A failed call shows a clear message, with the details one click away: a folder that is not
  // a workspace, picked in the in-app browser's folder mode.
  await app.workspaceButton.click();
  await app.page.getByRole('menuitem', { name: 'Open workspace…' }).click();
  const picker = app.dialog('Open a workspace folder');
  await picker.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'files' }).click();
  await expect(picker.getByRole('listbox')).toHaveAccessibleName(/files$/);
  await screenshot(app.page, '26-folder-picker');
  await picker.getByRole('button', { name: 'Open workspace' }).click();
  const toast = app.page.getByRole('alert').filter({ hasText: 'The workspace could not be opened' });
  await expect(toast).toContainText('is not a Data Sanitizer workspace');
  await toast.getByRole('button', { name: 'Details' }).click();
  await expect(app.page.getByRole('dialog').getByText(/Error code WORKSPACE_INCOMPATIBLE/)).toBeVisible();
  await screenshot(app.page, '27-error-details');
  await app.page.keyboard.press('Escape');

  await app.topBar.getByRole('button', { name: 'About Data Sanitizer' }).click();
  const about = app.dialog('About Data Sanitizer');
  await expect(about.getByText('DuckDB')).toBeVisible();
  await expect(about.getByText('Browser mode (local server)')).toBeVisible();
  await screenshot(app.page, '33-about');
});
