// Types into the filter box and waits for the filtered view (or the plain table) to show.
import { expect } from '@playwright/test';
import type { AppPage } from '../pages/app-page';

export async function filterRows(app: AppPage, text: string): Promise<void> {
  await app.filterBox.fill(text);
  if (text.trim() === '') await expect(app.page.getByText(/^Filtered:/)).toHaveCount(0);
  else await expect(app.page.getByText(`Filtered: “${text}”`)).toBeVisible({ timeout: 60_000 });
  await expect(app.grid).toHaveAttribute('aria-busy', 'false');
}
