// A 1M-row file: the import shows progress, the grid reaches the last row (the scroll position
// is mapped past the browser's height cap), and keyboard navigation keeps up.
import { pressInGrid } from './actions/go-to-row';
import { chooseInFileBrowser } from './actions/choose-in-file-browser';
import { screenshot } from './actions/screenshot';
import { customer, writeBigCsv } from './support/files';
import { expect, test } from './support/fixtures';

const ROWS = 1_000_000;

test('scrolls to the last row of a 1M-row file and shows its row id', async ({ app, server }) => {
  await writeBigCsv(server.files, 'customers-1m.csv', ROWS);
  await app.importButton.click();
  await chooseInFileBrowser(app, 'customers-1m.csv');
  const preview = app.dialog('Import customers-1m.csv');
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  const progress = app.dialog('Importing customers-1m.csv');
  await expect(progress.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  await screenshot(app.page, '09-import-progress');
  await expect(app.datasetHeader.getByRole('heading', { name: 'customers-1m.csv' })).toBeVisible({ timeout: 150_000 });
  await expect(app.rowCount).toHaveText('1,000,000 rows');

  await pressInGrid(app, 'Control+End');
  await expect(app.grid.getByRole('rowheader', { name: '1000000', exact: true })).toBeVisible();
  await expect(app.grid.getByRole('gridcell', { name: customer(ROWS).email })).toBeVisible();
  await expect(app.visibleRange).toHaveText(/–1,000,000$/);
  await screenshot(app.page, '10-last-row-of-1m');

  // Halfway down the scrollbar is halfway through the rows, although 1M rows × 28 px is taller
  // than any element the browser can scroll.
  await app.grid.evaluate((el) => {
    el.scrollTop = (el.scrollHeight - el.clientHeight) / 2;
  });
  // Rows show as placeholders while their window loads, so both bounds are checked on the same
  // rendering, retried until it settles.
  await expect(async () => {
    const [first] = await app.visibleRowIds();
    expect(first).toBeGreaterThan(499_000);
    expect(first).toBeLessThan(501_000);
  }).toPass();

  await pressInGrid(app, 'Control+Home');
  await expect.poll(() => app.visibleRowIds().then((ids) => ids[0])).toBe(1);
  // PageDown moves by the rows in view (how many depends on the window's height and what sits
  // above the grid, such as the first-run identity prompt): a page of at least ten rows.
  await app.grid.press('PageDown');
  await expect(app.page.getByText(/^Row \d+ · id \d+ · customer_id$/)).toHaveText(/^Row ([1-9]\d) · id \1 · customer_id$/);
  await app.grid.press('End');
  await app.grid.press('Enter');
  const inspector = app.page.getByRole('complementary', { name: 'Cell inspector' });
  await expect(inspector.getByText('signup_date')).toBeVisible();
  await screenshot(app.page, '11-cell-inspector');
});
