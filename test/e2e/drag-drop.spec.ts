// Drag-and-drop in browser mode: the dropped file streams into the workspace, then previews
// and imports like any other.
import { dropFile } from './actions/drop-file';
import { screenshot } from './actions/screenshot';
import { PEOPLE_CSV } from './support/files';
import { expect, test } from './support/fixtures';

test('a file dropped on the window is uploaded, previewed and imported', async ({ app, server }) => {
  await dropFile(app, 'dropped people.csv', PEOPLE_CSV, async () => {
    await expect(app.page.getByText('Drop to import')).toBeVisible();
    await screenshot(app.page, '14-drop-overlay');
  });
  const preview = app.dialog('Import dropped people.csv');
  await expect(preview.getByRole('cell', { name: 'Grace Hopper' })).toBeVisible();
  // The upload landed in the workspace's own temporary folder, not beside the user's files.
  await expect(preview.getByText(server.workspace, { exact: false }).first()).toBeVisible();
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(app.datasetHeader.getByRole('heading', { name: 'dropped people.csv' })).toBeVisible();
  await expect(app.page.getByTestId('dataset-shape')).toHaveText('8 rows × 5 columns');
  await expect.poll(() => app.visibleRowIds()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
});

test('a dropped file with ragged rows can be imported again with Pad', async ({ app }) => {
  await dropFile(app, 'ragged drop.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8\n');
  await app.dialog('Import ragged drop.csv').getByRole('button', { name: 'Import', exact: true }).click();
  const error = app.dialog(/ragged drop\.csv: some rows have the wrong number of fields/);
  await error.getByRole('button', { name: 'Pad', exact: true }).click();
  await expect(app.page.getByTestId('dataset-shape')).toHaveText('3 rows × 3 columns');
  await expect.poll(() => app.visibleRowIds()).toEqual([1, 2, 3]);
});
