// In the selected step's editor, picks columns by header name (toggle chips).
import { expect } from '@playwright/test';
import type { PolicyPage } from '../pages/policy-page';

export async function chooseColumns(policy: PolicyPage, headers: string[]): Promise<void> {
  const chips = policy.editor.getByRole('group', { name: 'Columns by name' });
  for (const h of headers) {
    const chip = chips.getByRole('button', { name: h, exact: true });
    await chip.click();
    await expect(chip).toHaveAttribute('aria-pressed', 'true');
  }
}
