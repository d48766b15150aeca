// The Personal data tab: import a small CSV of contacts (emails, phones, ZIP codes, birth dates,
// free-text notes with a phone inside), scan it, read the column classification and its chart,
// accept a column's class, open a finding and its explanation, show and mask values, reject a
// finding with the keyboard (kept after a reload), hand a de-identify step to the policy editor,
// and measure the re-identification risk (a suggestion added as policy steps) — photographed at 1280×800 and 1024×700, light and dark.
import { importFile } from './actions/import-file';
import { scanPii } from './actions/scan-pii';
import { screenshot } from './actions/screenshot';
import { screenshotThemes } from './actions/screenshot-themes';
import { PiiPage } from './pages/pii-page';
import { writeBigCsv, writeFile } from './support/files';
import { expect, test } from './support/fixtures';

const ROWS = 24;
const ZIPS = ['02139', '02139', '02139', '10001', '10001', '94103'];
function row(i: number): string {
  const notes = i === 3 ? 'Asked us to call back on +44 20 7946 0958 after 5pm' : i % 4 === 0 ? 'Prefers email; renewal due in spring' : 'No issues reported';
  return [
    i,
    `user${i}@example.org`,
    `+44 20 7946 ${String(1000 + i)}`,
    ZIPS[i % ZIPS.length],
    `19${50 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`,
    i % 2 === 0 ? 'F' : 'M',
    `"${notes}"`,
  ].join(',');
}
const CSV = ['id,email,phone,zip,birth_date,sex,notes', ...Array.from({ length: ROWS }, (_, i) => row(i + 1)), ''].join('\n');

test('scans a dataset for personal data, reviews findings and measures the risk', async ({ app, server }) => {
  const violations: string[] = [];
  app.page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const pii = new PiiPage(app.page);
  writeFile(server.files, 'contacts.csv', CSV);
  await importFile(app, 'contacts.csv');
  await app.toast('Imported contacts.csv').getByRole('button', { name: 'Dismiss notification' }).click();

  // Before a scan: the invitation.
  await pii.tab.click();
  await expect(pii.pane.getByRole('heading', { name: 'No scan yet' })).toBeVisible();
  await screenshot(app.page, '50-pii-empty');

  // The scan, then the column classification and the caveat.
  await scanPii(pii);
  await expect(pii.caveat).toContainText(/not detected/i);
  await expect(pii.columnRow('email')).toContainText('Email');
  await expect(pii.columnRow('email')).toContainText('100 %');
  await expect(pii.columnRow('phone')).toContainText('Phone');
  await expect(pii.columnRow('notes')).toContainText('free text');
  await expect(pii.columnRow('id')).toContainText('Not detected');
  await expect(pii.chart).toBeVisible();
  await expect(pii.chart).toHaveAttribute('aria-label', /email Email 100 %/);

  // Accept the email column's class from its detail; the keyboard moves to the phone column.
  await pii.columnRow('email').click();
  const email = pii.columnDetail('email');
  await expect(email).toContainText('Email, 100 % of 24 values');
  await email.getByRole('button', { name: /^Accept/ }).click();
  await expect(pii.columnRow('email')).toContainText('accepted');
  await expect(email.getByRole('button', { name: /^Accept/ })).toHaveAttribute('aria-pressed', 'true');
  await pii.pane.getByRole('region', { name: 'Columns and their classification' }).focus();
  await app.page.keyboard.press('ArrowDown');
  await expect(pii.columnRow('phone')).toHaveAttribute('aria-selected', 'true');
  await screenshotThemes(app.page, '51-pii-columns');

  // Findings: masked by default; the first one's explanation beside the grid.
  await pii.view('Findings').click();
  await expect(pii.findingRows.first()).toBeVisible();
  await expect(pii.values('Masked')).toHaveAttribute('aria-checked', 'true');
  const first = pii.findingRows.first();
  await expect(first).toContainText('Email');
  await expect(first).not.toContainText('user1@example.org');
  await expect(pii.finding).toContainText('Row 1, column email');
  await expect(pii.trace.getByRole('row', { name: /^Pattern / })).toBeVisible();
  await expect(pii.finding.getByText(/^Confidence/)).toBeVisible();
  await pii.values('Show values').click();
  await expect(first).toContainText('user1@example.org');
  await screenshotThemes(app.page, '52-pii-findings');

  // A span inside free text: the notes column's phone, highlighted in its sentence.
  await pii.filter('Column').selectOption({ label: 'notes' });
  await expect(pii.findingRows).toHaveCount(1);
  await expect(pii.finding.locator('mark')).toHaveText('+44 20 7946 0958');
  await expect(pii.finding).toContainText('Asked us to call back on +44 20 7946 0958 after 5pm');
  await screenshot(app.page, '53-pii-finding-free-text');

  // Reject a finding with R: its decision shows and the selection moves on; a reload keeps it.
  await pii.filter('Column').selectOption({ label: 'All columns' });
  await pii.values('Masked').click();
  await expect(pii.findingRows.nth(2)).toContainText('Postal code');
  await pii.findings.focus();
  await app.page.keyboard.press('ArrowDown');
  await expect(pii.findingRows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await app.page.keyboard.press('r');
  await expect(pii.findingRows.nth(1)).toContainText('rejected');
  await expect(pii.findingRows.nth(2)).toHaveAttribute('aria-selected', 'true');
  await app.page.keyboard.press('a');
  await expect(pii.findingRows.nth(2)).toContainText('accepted');
  await screenshot(app.page, '54-pii-findings-decided');
  await app.page.reload();
  await app.datasetButton('contacts.csv').click();
  await pii.tab.click();
  await pii.view('Findings').click();
  await expect(pii.findingRows.nth(1)).toContainText('rejected');
  await expect(pii.findingRows.nth(2)).toContainText('accepted');
  await expect(pii.view('Findings')).toHaveAttribute('aria-selected', 'true');

  // Operators per entity: a de-identify step handed to the policy editor.
  await pii.view('Operators').click();
  await expect(pii.operator('Email')).toHaveValue('pseudonym');
  await pii.operator('Phone').selectOption('mask');
  await expect(pii.operators.getByRole('spinbutton', { name: 'Characters kept at the end of Phone' })).toHaveValue('4');
  await screenshotThemes(app.page, '55-pii-operators');
  await pii.pane.getByRole('button', { name: 'Add to policy and preview' }).click();
  await expect(app.page.getByRole('tablist', { name: 'Dataset views' }).getByRole('tab', { name: 'Policy' })).toHaveAttribute('aria-selected', 'true');
  await expect(app.page.getByRole('region', { name: 'Steps' })).toContainText('De-identify');
  // By default both: whole cells of the classified columns, then spans inside the free text.
  await expect(app.page.getByRole('region', { name: 'Steps' })).toContainText('deidentify-text');
  await screenshot(app.page, '56-pii-policy-step');

  // The risk panel: suggested quasi-identifiers ticked, k measured, suggestions listed.
  await pii.tab.click();
  await pii.view('Risk').click();
  await expect(pii.quasi('zip')).toBeChecked();
  await expect(pii.quasi('birth_date')).toBeChecked();
  await expect(pii.quasi('sex')).toBeChecked();
  await expect(pii.quasi('email')).not.toBeChecked();
  await pii.riskForm.getByRole('spinbutton', { name: 'Target k' }).fill('3');
  await pii.riskForm.getByRole('button', { name: 'Measure risk' }).click();
  const before = pii.pane.getByRole('region', { name: 'Version 1' });
  await expect(before).toBeVisible({ timeout: 60_000 });
  await expect(before.getByRole('definition').first()).toHaveText('1');
  await expect(pii.pane.getByRole('img', { name: /^Records per equivalence-class size/ })).toBeVisible();
  await expect(pii.pane.getByRole('region', { name: 'Suggestions' }).getByRole('listitem').first()).toBeVisible();
  await screenshotThemes(app.page, '57-pii-risk');
  await pii.pane.getByRole('region', { name: 'Suggestions' }).scrollIntoViewIfNeeded();
  await screenshot(app.page, '57-pii-risk-suggestions');
  // A suggestion the policy can express goes into it as steps (generalise, or drop a suppressed column).
  await pii.pane.getByRole('region', { name: 'Suggestions' }).getByRole('button', { name: 'Add to policy' }).and(app.page.locator(':enabled')).first().click();
  await expect(app.page.getByRole('region', { name: 'Steps' })).toContainText(/Drop columns|Generalise/);
  await pii.tab.click();
  await expect(pii.view('Risk')).toHaveAttribute('aria-selected', 'true');

  // The smaller window: the same screens at 1024×700.
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await screenshot(app.page, '58-pii-risk-1024');
  await pii.view('Columns').click();
  await screenshot(app.page, '59-pii-columns-1024');
  await pii.view('Findings').click();
  await expect(pii.finding).toBeVisible();
  await screenshotThemes(app.page, '60-pii-findings-1024');
  await pii.view('Operators').click();
  await screenshot(app.page, '61-pii-operators-1024');

  expect(violations, 'no Content-Security-Policy violation').toEqual([]);
});

test('nothing detected says so, and the views move with the keyboard', async ({ app, server }) => {
  const pii = new PiiPage(app.page);
  writeFile(server.files, 'readings.csv', ['sensor,reading', ...Array.from({ length: 30 }, (_, i) => `s${i % 3},${(i * 1.5).toFixed(1)}`), ''].join('\n'));
  await importFile(app, 'readings.csv');
  await app.toast('Imported readings.csv').getByRole('button', { name: 'Dismiss notification' }).click();
  await scanPii(pii);
  await expect(pii.columnRow('sensor')).toContainText('Not detected');
  await expect(pii.pane.getByText('No column holds detected personal data.')).toBeVisible();
  await expect(pii.pane.getByText('1 column scanned')).toBeVisible();
  await expect(pii.caveat).toContainText(/not detected/i);
  await expect(pii.caveat).toContainText('"reading"');
  // The views move with the arrow keys (wrapping), Home and End, and the moved-to view has focus.
  await pii.view('Columns').focus();
  for (const [key, view] of [['ArrowLeft', 'Risk'], ['ArrowRight', 'Columns'], ['End', 'Risk'], ['Home', 'Columns'], ['ArrowRight', 'Findings']] as const) {
    await app.page.keyboard.press(key);
    await expect(pii.view(view)).toHaveAttribute('aria-selected', 'true');
    await expect(pii.view(view)).toBeFocused();
  }
  await expect(pii.view('Findings')).toHaveAttribute('tabindex', '0');
  await expect(pii.view('Columns')).toHaveAttribute('tabindex', '-1');
  await expect(pii.pane.getByRole('heading', { name: 'No findings' })).toBeVisible();
  await screenshot(app.page, '62-pii-no-findings');
});

test.describe(() => {
  test.use({ serverEnv: { SANITIZER_TEST_HOLD_JOBS: 'pii' } });

  test('a long scan shows its progress and can be cancelled, keeping no scan', async ({ app, server }) => {
    const pii = new PiiPage(app.page);
    // The server holds scans until cancelled (HOLD_ENV in jobs.ts): no file has to outlast the click.
    await writeBigCsv(server.files, 'customers-2k.csv', 2_000);
    await importFile(app, 'customers-2k.csv');
    await app.toast('Imported customers-2k.csv').getByRole('button', { name: 'Dismiss notification' }).click();
    await pii.tab.click();
    await pii.view('Columns').click();
    await pii.scanButton.click();
    const progress = pii.pane.getByRole('status', { name: 'Scanning for personal data' });
    await expect(progress.getByRole('progressbar', { name: 'Scan progress' })).toBeVisible();
    await screenshot(app.page, '63-pii-scan-progress');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect(pii.pane.getByRole('heading', { name: 'No scan yet' })).toBeVisible({ timeout: 60_000 });
    await expect(progress).toBeHidden();
    // Nothing was kept: after a reload there is still no scan.
    await app.page.reload();
    await app.datasetButton('customers-2k.csv').click();
    await pii.tab.click();
    await expect(pii.pane.getByRole('heading', { name: 'No scan yet' })).toBeVisible();
  });
});
