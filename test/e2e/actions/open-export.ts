// Opens the export dialog of the open dataset from its header.
import { expect, type Locator } from '@playwright/test';
import type { AppPage } from '../pages/app-page';

export async function openExport(app: AppPage, datasetName: string): Promise<Locator> {
  await app.datasetHeader.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.dialog(`Export “${datasetName}”`);
  await expect(dialog).toBeVisible();
  return dialog;
}
