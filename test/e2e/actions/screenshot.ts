// Saves a named screenshot under test-results/screens/ (kept as an artifact to look at).
import path from 'node:path';
import type { Page } from '@playwright/test';

export const SCREENS_DIR = path.resolve('test-results/screens');

export async function screenshot(page: Page, name: string): Promise<void> {
  // Let transitions (dialog fade-in, progress widths) settle so the picture shows the steady state.
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), animations: 'disabled' });
}
