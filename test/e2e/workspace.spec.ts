// Workspaces: create a new one from the menu (its datasets are its own), find the first in
// the recent list and switch back; the activity panel shows the log of the open one.
import path from 'node:path';
import { importFile } from './actions/import-file';
import { screenshot } from './actions/screenshot';
import { PEOPLE_CSV, writeFile } from './support/files';
import { expect, test } from './support/fixtures';

test('creates a second workspace, switches back through the recent list, and shows activity', async ({ app, server }) => {
  writeFile(server.files, 'people.csv', PEOPLE_CSV);
  await importFile(app, 'people.csv');

  await app.activityButton.click();
  const activity = app.page.getByRole('complementary', { name: 'Activity' });
  await expect(activity.getByText('Imported people.csv as d1')).toBeVisible();
  await expect(activity.getByText('Workspace opened')).toBeVisible();
  await screenshot(app.page, '17-activity');
  await activity.getByRole('button', { name: 'Close activity' }).click();

  await app.workspaceButton.click();
  const menu = app.page.getByRole('menu', { name: 'Workspace' });
  await expect(menu.getByText(server.workspace)).toBeVisible();
  await screenshot(app.page, '18-workspace-menu');
  await menu.getByRole('menuitem', { name: 'New workspace…' }).click();

  const dialog = app.dialog('New workspace');
  await dialog.getByRole('textbox', { name: 'Location' }).fill(server.files);
  await dialog.getByRole('textbox', { name: 'Folder name' }).fill('second');
  await screenshot(app.page, '19-new-workspace');
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.workspaceButton).toHaveAccessibleName('Workspace: second');
  await expect(app.sidebar.getByText('No datasets yet.')).toBeVisible();
  await expect(app.page.getByRole('heading', { name: 'Import a file to start' })).toBeVisible();

  await app.workspaceButton.click();
  await app.page.getByRole('menuitem', { name: new RegExp(`^${path.basename(server.workspace)}`) }).click();
  await expect(app.workspaceButton).toHaveAccessibleName(`Workspace: ${path.basename(server.workspace)}`);
  await expect(app.datasetButton('people.csv')).toBeVisible();
});
