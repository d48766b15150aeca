// The Profile tab: import a CSV, switch tabs by keyboard, run the profile, read the figures of a
// numeric, a date and a text column, sort and move through the overview by keyboard, see the
// cached profile again after a reload — in light and dark, with no CSP violation from the charts;
// and a 1M-row profile showing its progress, cancelled, leaving no profile behind.
import { runProfile } from './actions/run-profile';
import { importFile } from './actions/import-file';
import { screenshot } from './actions/screenshot';
import { ProfilePage } from './pages/profile-page';
import { writeBigCsv, writeFile } from './support/files';
import { expect, test } from './support/fixtures';
import { PROFILE_KNOWN_CSV } from '../support/messy-values';

const CSV = PROFILE_KNOWN_CSV;

test('profiles a dataset and shows each column’s figures', async ({ app, server }) => {
  const violations: string[] = [];
  app.page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const profile = new ProfilePage(app.page);
  writeFile(server.files, 'known.csv', CSV);
  await importFile(app, 'known.csv');
  await app.toast('Imported known.csv').getByRole('button', { name: 'Dismiss notification' }).click();

  // The tabs: Data first; arrow keys move between them.
  await expect(profile.tab('Data')).toHaveAttribute('aria-selected', 'true');
  await profile.tab('Data').focus();
  await app.page.keyboard.press('ArrowRight');
  await expect(profile.tab('Profile')).toHaveAttribute('aria-selected', 'true');
  await expect(profile.tab('Profile')).toBeFocused();
  await expect(profile.pane.getByRole('heading', { name: 'No profile yet' })).toBeVisible();
  await screenshot(app.page, '40-profile-empty');

  await runProfile(profile);
  await expect(profile.pane.getByText('16 rows × 6 columns')).toBeVisible();
  await expect(profile.pane.getByText('Every figure covers every row.')).toBeVisible();
  await expect(profile.overview.getByRole('row')).toHaveCount(7);

  // A numeric column held as text: its counts, quantiles and outliers.
  await profile.row(2, 'amount').click();
  const amount = profile.detail('amount');
  await expect(amount.getByText('imported as text; most values are decimal')).toBeVisible();
  await expect(profile.figure(amount, 'Counts', 'Nulls')).toHaveText(/^Nulls\s*1\s*6\.3 %$/);
  await expect(profile.figure(amount, 'Counts', 'Distinct')).toContainText('15');
  await expect(profile.figure(amount, 'Counts', 'Failing type')).toContainText('2');
  await expect(profile.figure(amount, 'Range and quantiles', 'Minimum')).toHaveText(/-50$/);
  await expect(profile.figure(amount, 'Range and quantiles', 'Median')).toHaveText(/4\.5$/);
  await expect(profile.figure(amount, 'Range and quantiles', 'Maximum')).toHaveText(/100$/);
  await expect(profile.figure(amount, 'Outliers', 'Below the low fence')).toContainText('< -4.9375');
  await expect(profile.figure(amount, 'Outliers', 'Above the high fence')).toContainText('> 14.5625');
  await expect(amount.getByRole('list', { name: 'Values failing the type' })).toContainText('N/A');
  await expect(amount.getByRole('img', { name: /^Histogram of/ })).toBeVisible();
  await screenshot(app.page, '41-profile-numeric');

  // The keyboard moves the selection: the next column is the date column.
  await profile.overview.focus();
  await app.page.keyboard.press('ArrowDown');
  const joined = profile.detail('joined');
  await expect(profile.figure(joined, 'Range and quantiles', 'Median')).toHaveText(/2024-01-07$/);
  await expect(profile.figure(joined, 'Range and quantiles', 'Maximum')).toHaveText(/2024-01-16$/);
  await expect(profile.row(3, 'joined')).toHaveAttribute('aria-selected', 'true');

  // A text column: top values, patterns and its anomalies.
  await profile.row(4, 'name').click();
  const name = profile.detail('name');
  await expect(name.getByRole('img', { name: /^Top values: Dora 2, Eve 2/ })).toBeVisible();
  await expect(name.getByRole('table', { name: 'Patterns' }).getByRole('row').nth(1)).toContainText('Aaa');
  await expect(profile.figure(name, 'Whitespace', 'Leading or trailing')).toContainText('2');
  await expect(name.getByRole('region', { name: 'Near-identical values' })).toContainText('4 groups; 7 rows differ');
  await expect(name.getByRole('region', { name: 'Case variants' })).toContainText('1 group; 2 rows differ');
  await screenshot(app.page, '42-profile-text');
  await name.getByRole('region', { name: 'Near-identical values' }).scrollIntoViewIfNeeded();
  await screenshot(app.page, '43-profile-text-anomalies');

  // Sorting: most failing values first (amount and joined tie at 2; column order breaks the tie).
  await profile.sortButton('Failing').click();
  await expect(profile.overview.getByRole('columnheader', { name: 'Failing' })).toHaveAttribute('aria-sort', 'descending');
  await expect(profile.overview.getByRole('row').nth(1)).toHaveAccessibleName(/^2 amount /);
  await expect(profile.overview.getByRole('row').nth(3)).toHaveAccessibleName(/^6 flag /);

  await app.page.emulateMedia({ colorScheme: 'dark' });
  await profile.row(2, 'amount').click();
  await screenshot(app.page, '44-profile-dark-numeric');
  await profile.row(4, 'name').click();
  await screenshot(app.page, '45-profile-dark-text');
  await app.page.emulateMedia({ colorScheme: 'light' });

  // The profile is cached: after a reload the tab shows it at once, with when it was computed.
  await app.page.reload();
  await app.datasetButton('known.csv').click();
  await profile.tab('Profile').click();
  await expect(profile.overview).toBeVisible();
  await expect(profile.computedAt).toContainText('Profiled just now');
  await expect(profile.runButton).toHaveText('Profile again');
  await screenshot(app.page, '46-profile-cached');

  expect(violations, 'no Content-Security-Policy violation').toEqual([]);
});

test.describe(() => {
  test.use({ serverEnv: { SANITIZER_TEST_HOLD_JOBS: 'profile' } });

  test('a long profile shows its progress and can be cancelled, leaving no profile', async ({ app, server }) => {
    const profile = new ProfilePage(app.page);
    // The server holds profile jobs until cancelled (HOLD_ENV in jobs.ts), so no file has to be
    // big enough to outlast the click.
    await writeBigCsv(server.files, 'customers-2k.csv', 2_000);
    await importFile(app, 'customers-2k.csv');
    await app.toast('Imported customers-2k.csv').getByRole('button', { name: 'Dismiss notification' }).click();
    await profile.tab('Profile').click();
    await profile.pane.getByRole('button', { name: 'Profile this dataset' }).click();
    const progress = profile.pane.getByRole('status', { name: 'Profiling' });
    await expect(progress.getByRole('progressbar', { name: 'Profile progress' })).toBeVisible();
    await screenshot(app.page, '47-profile-progress');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect(profile.pane.getByRole('heading', { name: 'No profile yet' })).toBeVisible({ timeout: 60_000 });
    await expect(profile.overview).toBeHidden();
    // Nothing was cached: after a reload there is still no profile.
    await app.page.reload();
    await app.datasetButton('customers-2k.csv').click();
    await profile.tab('Profile').click();
    await expect(profile.pane.getByRole('heading', { name: 'No profile yet' })).toBeVisible();
  });
});
