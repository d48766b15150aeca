// Turns "Changed rows only" on or off and waits for the grid to show the rows it asked for.
import { expect } from '@playwright/test';
import type { AppPage } from '../pages/app-page';
import type { DiffPage } from '../pages/diff-page';

export async function toggleChangedRows(app: AppPage, diff: DiffPage, on: boolean): Promise<void> {
  await diff.changedRowsOnly.setChecked(on);
  const state = app.page.getByRole('group', { name: 'Grid status' }).getByText('Changed rows only');
  if (on) await expect(state).toBeVisible({ timeout: 60_000 });
  else await expect(state).toHaveCount(0);
  await expect(app.grid).toHaveAttribute('aria-busy', 'false');
}
