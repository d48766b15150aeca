// Imports a file from the fixtures folder the way a user does in browser mode: Import → file
// browser → preview → Import, then waits for the dataset to open.
import { expect } from '@playwright/test';
import type { AppPage } from '../pages/app-page';
import { chooseInFileBrowser } from './choose-in-file-browser';

export async function importFile(app: AppPage, fileName: string): Promise<void> {
  await app.importButton.click();
  await chooseInFileBrowser(app, fileName);
  const preview = app.dialog(`Import ${fileName}`);
  await expect(preview.getByRole('table', { name: 'Preview of the first rows' })).toBeVisible();
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(app.datasetHeader.getByRole('heading', { name: fileName })).toBeVisible({ timeout: 120_000 });
}
