// Scans the open dataset for personal data from its Personal data tab and waits for the columns.
import { expect } from '@playwright/test';
import type { PiiPage } from '../pages/pii-page';

export async function scanPii(pii: PiiPage): Promise<void> {
  await pii.tab.click();
  await pii.scanButton.click();
  await expect(pii.columns).toBeVisible({ timeout: 60_000 });
  await expect(pii.scannedAt).toContainText('Scanned just now');
}
