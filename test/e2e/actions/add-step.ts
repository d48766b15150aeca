// Adds a step from the "Add step" menu (grouped step types) and waits for its editor.
import { expect } from '@playwright/test';
import type { PolicyPage } from '../pages/policy-page';

export async function addStep(policy: PolicyPage, label: string): Promise<void> {
  await policy.steps.getByRole('button', { name: 'Add step' }).click();
  await policy.page.getByRole('menu', { name: 'Step types' }).getByRole('menuitem', { name: new RegExp(`^${label}`) }).click();
  await expect(policy.editor.getByRole('heading', { name: label, level: 2 })).toBeVisible();
}
