// Saves the draft from the toolbar: name and a summary of the edit, then waits for "Saved · vN".
import { expect } from '@playwright/test';
import type { PolicyPage } from '../pages/policy-page';

export async function savePolicy(policy: PolicyPage, name: string, summary: string, version: number, beforeSave?: () => Promise<void>): Promise<void> {
  await policy.button('Save…').click();
  const dialog = policy.page.getByRole('dialog', { name: 'Save policy' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('textbox', { name: 'What changed' }).fill(summary);
  await beforeSave?.();
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(policy.state).toHaveText(`Saved · v${version}`);
}
