// Workspaces: each has its own datasets; new ones are created from the menu, earlier ones are
// reopened from the recent list; the activity panel shows the open workspace's log.
import path from 'node:path';
import { createWorkspace } from './actions/create-workspace';
import { importFile } from './actions/import-file';
import { screenshot } from './actions/screenshot';
import { PEOPLE_CSV, writeFile } from './support/files';
import { expect, test } from './support/fixtures';

test('creates workspaces, switches back through the recent list, and shows activity', async ({ app, server }) => {
  writeFile(server.files, 'people.csv', PEOPLE_CSV);
  await importFile(app, 'people.csv');

  await app.activityButton.click();
  const activity = app.page.getByRole('complementary', { name: 'Activity' });
  await expect(activity.getByText('Imported people.csv as d1')).toBeVisible();
  await expect(activity.getByText('Workspace opened')).toBeVisible();
  await screenshot(app.page, '17-activity');
  await activity.getByRole('button', { name: 'Close activity' }).click();

  await app.workspaceButton.click();
  await expect(app.page.getByRole('menu', { name: 'Workspace' }).getByText(server.workspace)).toBeVisible();
  await screenshot(app.page, '18-workspace-menu');
  await app.workspaceButton.click();

  await createWorkspace(app, server.files, 'second', () => screenshot(app.page, '19-new-workspace'));
  await expect(app.sidebar.getByText('No datasets yet.')).toBeVisible();
  await expect(app.page.getByRole('heading', { name: 'Import a file to start' })).toBeVisible();
  await importFile(app, 'people.csv');

  await createWorkspace(app, server.files, 'third');
  await expect(app.sidebar.getByText('No datasets yet.')).toBeVisible();

  await app.workspaceButton.click();
  const menu = app.page.getByRole('menu', { name: 'Workspace' });
  await expect(menu.getByRole('menuitem', { name: new RegExp(`^${path.basename(server.workspace)}`) })).toBeVisible();
  await menu.getByRole('menuitem', { name: /^second/ }).click();
  await expect(app.workspaceButton).toHaveAccessibleName('Workspace: second');
  await expect(app.datasetButton('people.csv')).toBeVisible();
});
