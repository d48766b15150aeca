// Opens a recipe file into the policy editor: Start from → Recipe file…, then the in-app file
// browser (browser mode) on the test's fixtures folder.
import { expect } from '@playwright/test';
import type { PolicyPage } from '../pages/policy-page';

export async function chooseRecipe(policy: PolicyPage, fileName: string): Promise<void> {
  await policy.toolbar.getByRole('button', { name: 'Start from' }).click();
  await policy.page.getByRole('menu', { name: 'Start from' }).getByRole('menuitem', { name: /^Recipe file…/ }).click();
  const browser = policy.page.getByRole('dialog', { name: 'Open a recipe file' });
  await browser.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'files' }).click();
  await browser.getByRole('listbox').getByRole('option', { name: fileName }).click();
  await browser.getByRole('button', { name: 'Open recipe', exact: true }).click();
  await expect(browser).toBeHidden();
}
