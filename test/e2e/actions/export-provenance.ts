// Exports the open version's provenance from the dataset header and returns the written path.
import { expect } from '@playwright/test';
import type { DiffPage } from '../pages/diff-page';

export async function exportProvenance(diff: DiffPage, format: 'CSV' | 'Parquet', beforeExport?: () => Promise<void>): Promise<string> {
  await diff.page.getByRole('region', { name: 'Dataset' }).getByRole('button', { name: 'Export provenance…' }).click();
  const dialog = diff.page.getByRole('dialog', { name: 'Export provenance' });
  await dialog.getByRole('radio', { name: new RegExp(`^${format}`) }).check();
  await beforeExport?.();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const done = diff.page.getByRole('dialog', { name: 'Export complete' });
  const path = (await done.getByTestId('export-path').textContent({ timeout: 60_000 })) ?? '';
  await done.getByRole('button', { name: 'Done' }).click();
  await expect(done).toBeHidden();
  return path.trim();
}
