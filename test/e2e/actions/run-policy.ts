// Runs the draft from the toolbar and waits for the new version to open in the Data tab.
import { expect } from '@playwright/test';
import type { AppPage } from '../pages/app-page';
import type { PolicyPage } from '../pages/policy-page';

export async function runPolicy(app: AppPage, policy: PolicyPage, version: number): Promise<void> {
  await policy.button('Run').click();
  await expect(policy.dataTab).toHaveAttribute('aria-selected', 'true', { timeout: 120_000 });
  await expect(app.datasetHeader.getByText(`v${version}`, { exact: true })).toBeVisible();
}
