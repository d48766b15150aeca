// Opens "Cluster values…" from a column header's menu, by keyboard (Alt+↓ on the header) or by
// clicking the header's chevron.
import { expect } from '@playwright/test';
import { ClusterDialogPage } from '../pages/cluster-dialog';
import type { AppPage } from '../pages/app-page';

export async function openClusterValues(app: AppPage, header: string, by: 'mouse' | 'keyboard' = 'mouse'): Promise<ClusterDialogPage> {
  const col = app.columnHeader(header);
  if (by === 'keyboard') {
    await col.getByRole('button', { name: header, exact: true }).focus();
    await app.page.keyboard.press('Alt+ArrowDown');
  } else {
    await col.getByRole('button', { name: `Column actions for ${header}` }).click();
  }
  const menu = app.page.getByRole('menu', { name: `Column ${header}` });
  await expect(menu).toBeVisible();
  if (by === 'keyboard') {
    await app.page.keyboard.press('End');
    await expect(menu.getByRole('menuitem', { name: /^Cluster values…/ })).toBeFocused();
    await app.page.keyboard.press('Enter');
  } else {
    await menu.getByRole('menuitem', { name: /^Cluster values…/ }).click();
  }
  const dialog = new ClusterDialogPage(app);
  await expect(dialog.root).toBeVisible();
  return dialog;
}
