// Opens the in-app file browser from the top bar and goes to the test's fixtures folder.
import { expect, type Locator } from '@playwright/test';
import type { AppPage } from '../pages/app-page';

export async function openFileBrowser(app: AppPage): Promise<Locator> {
  await app.importButton.click();
  const browser = app.dialog('Import a file');
  await browser.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'files' }).click();
  await expect(browser.getByRole('listbox')).toHaveAccessibleName(/files$/);
  return browser;
}
