// Creates a workspace from the top bar's menu (location + folder name) and waits for it to open.
import { expect } from '@playwright/test';
import type { AppPage } from '../pages/app-page';

export async function createWorkspace(app: AppPage, location: string, name: string, beforeCreate?: () => Promise<void>): Promise<void> {
  await app.workspaceButton.click();
  await app.page.getByRole('menu', { name: 'Workspace' }).getByRole('menuitem', { name: 'New workspace…' }).click();
  const dialog = app.dialog('New workspace');
  await dialog.getByRole('textbox', { name: 'Location' }).fill(location);
  await dialog.getByRole('textbox', { name: 'Folder name' }).fill(name);
  await beforeCreate?.();
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.workspaceButton).toHaveAccessibleName(`Workspace: ${name}`);
}
