// Jumps to the next (F8) or previous (Shift+F8) change from the selected cell.
import type { AppPage } from '../pages/app-page';

export async function nextChange(app: AppPage, direction: 'next' | 'previous' = 'next'): Promise<void> {
  await app.grid.focus();
  await app.page.keyboard.press(direction === 'next' ? 'F8' : 'Shift+F8');
}
