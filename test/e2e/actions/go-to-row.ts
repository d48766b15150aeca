// Keyboard navigation in the grid: focus it, then press a key (e.g. Control+End).
import type { AppPage } from '../pages/app-page';

export async function pressInGrid(app: AppPage, key: string): Promise<void> {
  await app.grid.focus();
  await app.grid.press(key);
}
