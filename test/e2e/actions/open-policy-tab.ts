// Switches the open dataset to its Policy tab.
import { expect } from '@playwright/test';
import type { PolicyPage } from '../pages/policy-page';

export async function openPolicyTab(policy: PolicyPage): Promise<void> {
  await policy.tab.click();
  await expect(policy.tab).toHaveAttribute('aria-selected', 'true');
  await expect(policy.toolbar).toBeVisible();
}
