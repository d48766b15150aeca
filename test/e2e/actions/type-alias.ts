// Adds one alias to the selected category-aliases step: its variants (typed, Enter after each)
// and the canonical value they become.
import type { PolicyPage } from '../pages/policy-page';

export async function typeAlias(policy: PolicyPage, variants: string[], canonical: string): Promise<void> {
  const rows = policy.editor.getByRole('list', { name: 'Aliases' }).getByRole('listitem');
  const n = await rows.count();
  await policy.editor.getByRole('button', { name: 'Add alias' }).click();
  const box = policy.editor.getByRole('textbox', { name: `Variants of alias ${n + 1}` });
  for (const v of variants) {
    await box.fill(v);
    await box.press('Enter');
  }
  await policy.editor.getByRole('textbox', { name: `Canonical value of alias ${n + 1}` }).fill(canonical);
}
