// Clicks a column header to move its sort one step (asc → desc → none) and waits for the
// view job to finish (the header's aria-sort then says where it is).
import { expect } from '@playwright/test';
import type { AppPage } from '../pages/app-page';

export async function sortByColumn(app: AppPage, header: string, expected: 'ascending' | 'descending' | 'none'): Promise<void> {
  const col = app.columnHeader(header);
  // The header's own button (the other one opens the column menu).
  await col.getByRole('button', { name: header, exact: true }).click();
  await expect(col).toHaveAttribute('aria-sort', expected, { timeout: 60_000 });
  await expect(app.grid).toHaveAttribute('aria-busy', 'false');
}
