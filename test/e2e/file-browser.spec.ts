// The in-app file browser by keyboard: arrows, type-to-find, Enter into a folder or on a file,
// Backspace up; breadcrumbs; folders first; other files only on request.
import fs from 'node:fs';
import path from 'node:path';
import { openFileBrowser } from './actions/open-file-browser';
import { screenshot } from './actions/screenshot';
import { PEOPLE_CSV, writeFile } from './support/files';
import { expect, test } from './support/fixtures';

test('navigates folders and picks a file with the keyboard alone', async ({ app, server }) => {
  const deeper = path.join(server.files, 'reports', '2024');
  fs.mkdirSync(deeper, { recursive: true });
  fs.mkdirSync(path.join(server.files, 'archive'));
  writeFile(server.files, 'zeta.csv', PEOPLE_CSV);
  writeFile(server.files, 'readme.md', '# not data');
  writeFile(deeper, 'q1 sales.csv', PEOPLE_CSV);
  writeFile(deeper, 'q2 sales.csv', PEOPLE_CSV);

  const browser = await openFileBrowser(app);
  const list = browser.getByRole('listbox');
  await expect(list.getByRole('option')).toHaveText(['archive', 'reports', 'zeta.csv'].map((n) => new RegExp(`^${n}`)));
  await browser.getByRole('checkbox', { name: 'Show all files' }).check();
  await expect(list.getByRole('option', { name: /^readme\.md/ })).toBeVisible();
  await browser.getByRole('checkbox', { name: 'Show all files' }).uncheck();

  await list.focus();
  await list.press('r');
  await expect(list.getByRole('option', { name: /^reports/ })).toHaveAttribute('aria-selected', 'true');
  await list.press('Enter');
  await expect(list).toHaveAccessibleName(/reports$/);
  await list.press('Enter');
  await expect(list).toHaveAccessibleName(/2024$/);
  await expect(browser.getByRole('navigation', { name: 'Folder path' }).getByRole('button')).toHaveText(['files', 'reports', '2024']);
  await list.press('ArrowDown');
  await expect(list.getByRole('option', { name: /^q2 sales\.csv/ })).toHaveAttribute('aria-selected', 'true');
  await screenshot(app.page, '28-file-browser-keyboard');

  await list.press('Backspace');
  await expect(list).toHaveAccessibleName(/reports$/);
  // Going up selects the folder we came from.
  await expect(list.getByRole('option', { name: /^2024/ })).toHaveAttribute('aria-selected', 'true');
  await list.press('Enter');
  await list.press('q');
  await expect(list.getByRole('option', { name: /^q1 sales\.csv/ })).toHaveAttribute('aria-selected', 'true');
  await list.press('Enter');
  await expect(browser).toBeHidden();
  await expect(app.dialog('Import q1 sales.csv')).toBeVisible();
});
