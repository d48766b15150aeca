// In the in-app file browser: go to the test's fixtures folder (a browse root) and pick a file.
import { expect, type Locator } from '@playwright/test';
import type { AppPage } from '../pages/app-page';

export async function chooseInFileBrowser(app: AppPage, fileName: string, before?: (browser: Locator) => Promise<void>): Promise<void> {
  const browser = app.dialog('Import a file');
  await expect(browser).toBeVisible();
  await browser.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'files' }).click();
  const list = browser.getByRole('listbox');
  await expect(list).toHaveAccessibleName(/files$/);
  await before?.(browser);
  await list.getByRole('option', { name: fileName }).click();
  await browser.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(browser).toBeHidden();
}
