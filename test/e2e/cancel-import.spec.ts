// Cancelling an import of a big file: the job stops and no dataset appears.
import { chooseInFileBrowser } from './actions/choose-in-file-browser';
import { screenshot } from './actions/screenshot';
import { writeBigCsv } from './support/files';
import { expect, test } from './support/fixtures';

test.describe(() => {
  test.use({ serverEnv: { SANITIZER_TEST_HOLD_JOBS: 'import' } });

  test('cancelling an import leaves no dataset behind', async ({ app, server }) => {
    // The server holds imports until cancelled (HOLD_ENV in jobs.ts): no file has to outlast the click.
    await writeBigCsv(server.files, 'huge.csv', 2_000);
    await app.importButton.click();
    await chooseInFileBrowser(app, 'huge.csv');
    await app.dialog('Import huge.csv').getByRole('button', { name: 'Import', exact: true }).click();
    const progress = app.dialog('Importing huge.csv');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect(app.toast('Import cancelled')).toBeVisible({ timeout: 60_000 });
    await expect(progress).toBeHidden();
    await expect(app.sidebar.getByText('No datasets yet.')).toBeVisible();

    // Still nothing after a reload (the workspace itself has no dataset).
    await app.page.reload();
    await app.ready();
    await expect(app.sidebar.getByText('No datasets yet.')).toBeVisible();
    await app.jobsButton.click();
    await expect(app.page.getByRole('region', { name: 'Jobs' }).getByText('Cancelled')).toBeVisible();
    await screenshot(app.page, '32-jobs-after-cancel');
  });
});
