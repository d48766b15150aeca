// The export dialog writes the file it says it wrote, under the workspace's exports folder by
// default, with formulas escaped unless asked otherwise.
import fs from 'node:fs';
import path from 'node:path';
import { importFile } from './actions/import-file';
import { openExport } from './actions/open-export';
import { screenshot } from './actions/screenshot';
import { writeFile } from './support/files';
import { expect, test } from './support/fixtures';

test('exports the open dataset to CSV and reports the path', async ({ app, server }) => {
  writeFile(server.files, 'sheet.csv', 'name,formula\nAda,=1+1\nAlan,plain\n');
  await importFile(app, 'sheet.csv');
  const dialog = await openExport(app, 'sheet.csv');
  const target = path.join(server.workspace, 'exports', 'sheet.csv');
  await expect(dialog.getByRole('textbox', { name: 'Save to' })).toHaveValue(target);
  await expect(dialog.getByRole('checkbox', { name: 'Escape spreadsheet formulas' })).toBeChecked();
  await dialog.getByRole('radio', { name: /^Parquet/ }).check();
  await expect(dialog.getByRole('textbox', { name: 'Save to' })).toHaveValue(path.join(server.workspace, 'exports', 'sheet.parquet'));
  await dialog.getByRole('radio', { name: /^CSV/ }).check();
  await screenshot(app.page, '15-export-dialog');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();

  const done = app.dialog('Export complete');
  await expect(done.getByTestId('export-path')).toHaveText(target, { timeout: 60_000 });
  await screenshot(app.page, '16-export-done');
  const text = fs.readFileSync(target, 'utf8');
  expect(text.split(/\r?\n/)[0]).toBe('name,formula');
  expect(text).toContain("'=1+1");
  await done.getByRole('button', { name: 'Done' }).click();
  await expect(done).toBeHidden();

  // Exporting again to the same file without "Overwrite" is refused, with the reason in place.
  const again = await openExport(app, 'sheet.csv');
  await again.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(again.getByRole('alert')).toContainText(/exists/i);
  await screenshot(app.page, '30-export-already-exists');
  await again.getByRole('checkbox', { name: 'Overwrite the file if it exists' }).check();
  await again.getByRole('radio', { name: /^JSONL/ }).check();
  await again.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(app.dialog('Export complete').getByTestId('export-path')).toHaveText(path.join(server.workspace, 'exports', 'sheet.jsonl'));
  const lines = fs.readFileSync(path.join(server.workspace, 'exports', 'sheet.jsonl'), 'utf8').trim().split('\n');
  expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
    { name: 'Ada', formula: '=1+1' },
    { name: 'Alan', formula: 'plain' },
  ]);
});
