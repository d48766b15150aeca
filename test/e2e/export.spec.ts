// The export dialog writes the file it says it wrote, under the workspace's exports folder by
// default, with formulas escaped unless asked otherwise; CSV options (delimiter, quoting,
// encoding, BOM) appear for CSV only and reach the bytes; an existing file is replaced only after
// "Replace X?"; the Personal data tab exports the findings with masked previews only.
import fs from 'node:fs';
import path from 'node:path';
import { importFile } from './actions/import-file';
import { openExport } from './actions/open-export';
import { scanPii } from './actions/scan-pii';
import { screenshot } from './actions/screenshot';
import { PiiPage } from './pages/pii-page';
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

  // Exporting again to the same file asks first; keeping it changes nothing.
  const again = await openExport(app, 'sheet.csv');
  await again.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(again.getByText('Replace “sheet.csv”?')).toBeVisible();
  await expect(again.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await screenshot(app.page, '92-export-replace');
  await again.getByRole('button', { name: 'Keep it' }).click();
  await expect(again.getByRole('textbox', { name: 'Save to' })).toHaveValue(target);
  expect(fs.readFileSync(target, 'utf8')).toBe(text);
  // JSONL to a new name needs no question.
  await again.getByRole('radio', { name: /^JSONL/ }).check();
  await expect(again.getByRole('group', { name: 'CSV options' })).toBeHidden();
  await again.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(app.dialog('Export complete').getByTestId('export-path')).toHaveText(path.join(server.workspace, 'exports', 'sheet.jsonl'));
  const lines = fs.readFileSync(path.join(server.workspace, 'exports', 'sheet.jsonl'), 'utf8').trim().split('\n');
  expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
    { name: 'Ada', formula: '=1+1' },
    { name: 'Alan', formula: 'plain' },
  ]);
});

test('CSV options reach the bytes; an existing file is replaced after the question', async ({ app, server }) => {
  writeFile(server.files, 'people.csv', 'name,city\n"Zoë, Jr.",Zürich\nBo,"Oslo; Norway"\n');
  await importFile(app, 'people.csv');
  const dialog = await openExport(app, 'people.csv');
  const options = dialog.getByRole('group', { name: 'CSV options' });
  await expect(options).toBeVisible();
  const bom = options.getByRole('checkbox', { name: 'Byte-order mark (BOM)' });
  // Defaults: comma, quote when needed, UTF-8 without a BOM.
  await expect(options.getByRole('combobox', { name: 'Delimiter' })).toHaveValue('comma');
  await expect(options.getByRole('combobox', { name: 'Quoting' })).toHaveValue('minimal');
  await expect(options.getByRole('combobox', { name: 'Encoding' })).toHaveValue('utf-8');
  await expect(bom).not.toBeChecked();
  // The keyboard reaches every option in order from the format choice.
  await dialog.getByRole('radio', { name: /^CSV/ }).focus();
  await app.page.keyboard.press('Tab');
  await expect(options.getByRole('combobox', { name: 'Delimiter' })).toBeFocused();
  await app.page.keyboard.press('Tab');
  await expect(options.getByRole('combobox', { name: 'Quoting' })).toBeFocused();
  await app.page.keyboard.press('Tab');
  await expect(options.getByRole('combobox', { name: 'Encoding' })).toBeFocused();
  await app.page.keyboard.press('Tab');
  await expect(bom).toBeFocused();

  // Windows-1252 has no BOM; UTF-16LE has one by default; "Other…" takes one character.
  await options.getByRole('combobox', { name: 'Encoding' }).selectOption('windows-1252');
  await expect(bom).toBeDisabled();
  await options.getByRole('combobox', { name: 'Encoding' }).selectOption('utf-16le');
  await expect(bom).toBeChecked();
  await options.getByRole('combobox', { name: 'Delimiter' }).selectOption('other');
  await options.getByRole('textbox', { name: 'Character' }).fill('"');
  await expect(options.getByRole('alert')).toContainText('Type one character');
  await options.getByRole('combobox', { name: 'Delimiter' }).selectOption('semicolon');
  await options.getByRole('combobox', { name: 'Quoting' }).selectOption('all');
  await screenshot(app.page, '92-export-csv-options');

  // The file exists already: the question, then Replace sends force.
  const target = path.join(server.workspace, 'exports', 'people.csv');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, 'keep me?');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByText('Replace “people.csv”?')).toBeVisible();
  expect(fs.readFileSync(target, 'utf8')).toBe('keep me?');
  await dialog.getByRole('button', { name: 'Replace' }).click();
  await expect(app.dialog('Export complete').getByTestId('export-path')).toHaveText(target, { timeout: 60_000 });
  const bytes = fs.readFileSync(target);
  expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
  expect(bytes.subarray(2).toString('utf16le')).toBe('"name";"city"\n"Zoë, Jr.";"Zürich"\n"Bo";"Oslo; Norway"\n');
});

test('the Personal data tab exports the findings: masked previews, never the found text', async ({ app, server }) => {
  writeFile(server.files, 'contacts.csv', ['id,email', ...Array.from({ length: 12 }, (_, i) => `${i + 1},person${i + 1}@example.org`), ''].join('\n'));
  await importFile(app, 'contacts.csv');
  const pii = new PiiPage(app.page);
  await scanPii(pii);
  await app.datasetHeader.getByRole('button', { name: 'Export findings…' }).click();
  const dialog = app.dialog('Export findings');
  await expect(dialog).toBeVisible();
  const target = path.join(server.workspace, 'exports', 'contacts-v1-findings.csv');
  await expect(dialog.getByRole('textbox', { name: 'Save to' })).toHaveValue(target);
  await screenshot(app.page, '92-export-findings');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(app.dialog('Export complete').getByTestId('export-path')).toHaveText(target, { timeout: 60_000 });
  const text = fs.readFileSync(target, 'utf8');
  const lines = text.trim().split('\n');
  expect(lines[0]).toBe('row_id,column,entity,start,end,confidence,recogniser,preview,decision');
  expect(lines).toHaveLength(13);
  expect(lines[1]).toMatch(/^1,email,EMAIL,0,\d+,[0-9.]+,email,p\*+@\*+\.org,$/);
  expect(text).not.toContain('example.org');
  expect(text).not.toContain('person1');
});
