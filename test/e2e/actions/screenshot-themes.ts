// Photographs a screen in the light theme and again in the dark one (`<name>-dark`).
import type { Page } from '@playwright/test';
import { screenshot } from './screenshot';

export async function screenshotThemes(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}
