// The Duplicates tab: import a small table of people with known duplicates (exact copies, typos,
// case, a missing e-mail, swapped day and month, swapped names, a three-record cluster and
// look-alike relatives), count the candidate pairs, correct the setup (record id column, a bad
// threshold refused), find duplicates, read the overview, open a cluster, review pairs with the
// keyboard (accept, reject, skip, undo) and run again to see the decisions used — photographed
// at 1280×800 (light and dark) and 1024×700.
import { importFile } from './actions/import-file';
import { screenshot } from './actions/screenshot';
import { screenshotThemes } from './actions/screenshot-themes';
import { DedupePage } from './pages/dedupe-page';
import { writeBigCsv, writeFile } from './support/files';
import { expect, test } from './support/fixtures';

const PEOPLE = [
  ['Olivia', 'Bennett', '1984-03-12', 'olivia.bennett@mail.test', 'LS6 2AB', 'Leeds'],
  ['Harry', 'Clarke', '1979-11-02', 'harry.clarke@mail.test', 'M14 5TQ', 'Manchester'],
  ['Amelia', 'Hughes', '1991-07-25', 'amelia.h@mail.test', 'B15 2TT', 'Birmingham'],
  ['George', 'Patel', '1966-01-30', 'gpatel@mail.test', 'LE1 7RH', 'Leicester'],
  ['Isla', 'Murray', '2000-09-14', 'isla.murray@mail.test', 'EH3 9DR', 'Edinburgh'],
  ['Jack', 'Robinson', '1988-05-05', 'jack.rob@mail.test', 'NG7 2RD', 'Nottingham'],
  ['Sophie', 'Walker', '1975-12-19', 'sophie.walker@mail.test', 'BS8 1TH', 'Bristol'],
  ['Noah', 'Evans', '1993-02-28', 'noah.evans@mail.test', 'CF10 3AT', 'Cardiff'],
  ['Grace', 'Thompson', '1982-08-08', 'grace.t@mail.test', 'YO1 7HH', 'York'],
  ['Oscar', 'Wright', '1970-04-21', 'oscar.wright@mail.test', 'OX1 3BG', 'Oxford'],
  ['Freya', 'Mitchell', '1997-10-03', 'freya.m@mail.test', 'CB2 1TN', 'Cambridge'],
  ['Leo', 'Turner', '1964-06-17', 'leo.turner@mail.test', 'S10 2TN', 'Sheffield'],
  ['Ava', 'Phillips', '1989-03-09', 'ava.phillips@mail.test', 'L1 8JQ', 'Liverpool'],
  ['Charlie', 'Campbell', '1958-11-23', 'c.campbell@mail.test', 'G12 8QQ', 'Glasgow'],
  ['Mia', 'Parker', '1995-01-11', 'mia.parker@mail.test', 'BN1 1EE', 'Brighton'],
  ['Alfie', 'Edwards', '1981-07-07', 'alfie.e@mail.test', 'NE1 7RU', 'Newcastle'],
  ['Ella', 'Collins', '1973-02-14', 'ella.collins@mail.test', 'PL4 8AA', 'Plymouth'],
  ['Thomas', 'Stewart', '1968-09-30', 't.stewart@mail.test', 'AB24 3FX', 'Aberdeen'],
  ['Lily', 'Morris', '1999-12-01', 'lily.morris@mail.test', 'EX4 4QJ', 'Exeter'],
  ['Arthur', 'Rogers', '1986-04-04', 'arthur.rogers@mail.test', 'BA2 7AY', 'Bath'],
  // Relatives: same family name and address, another person.
  ['Emily', 'Bennett', '1987-06-22', 'emily.bennett@mail.test', 'LS6 2AB', 'Leeds'],
  ['William', 'Clarke', '1981-11-02', 'will.clarke@mail.test', 'M14 5TQ', 'Manchester'],
  ['Poppy', 'Hughes', '1991-07-25', 'poppy.hughes@mail.test', 'B15 2TT', 'Birmingham'],
  ['Henry', 'Wood', '1977-03-03', 'henry.wood@mail.test', 'SW1A 1AA', 'London'],
  // Duplicates of rows 5 and 12 (exact), 1, 2, 3, 4, 6, 7, 9 (twice), 10, 15 and 8.
  ['Isla', 'Murray', '2000-09-14', 'isla.murray@mail.test', 'EH3 9DR', 'Edinburgh'],
  ['Leo', 'Turner', '1964-06-17', 'leo.turner@mail.test', 'S10 2TN', 'Sheffield'],
  ['Olivia', 'Benett', '1984-03-12', 'olivia.bennett@mail.test', 'LS6 2AB', 'Leeds'],
  ['Harry', 'Clark', '1979-11-02', '', 'M14 5TQ', 'Manchester'],
  ['amelia', 'hughes', '1991-07-25', 'AMELIA.H@MAIL.TEST', 'B15 2TT', 'Birmingham'],
  ['George', 'Patel', '1966-01-03', 'gpatel@mail.test', 'LE1 7RH', 'Leicester'],
  ['Jack', 'Robinson', '1988-05-05', 'jackr@work.test', 'NG7 2RD', 'Nottingham'],
  ['Sophie', 'Walkr', '1975-12-19', 'sophie.walker@mail.test', 'BS8 1TH', 'Bristol'],
  ['Grace', 'Thomson', '1982-08-08', 'grace.t@mail.test', 'YO1 7HH', 'York'],
  ['Grace', 'Thompson', '1982-08-08', '', 'YO1 7HH', ''],
  ['Oscar', 'Wright', '1970-12-04', 'oscar.wright@mail.test', 'OX1 3BG', 'Oxford'],
  ['Mia', 'Parker', '', 'mia.parker@mail.test', 'BN1 1EE', 'Brighton'],
  ['Evans', 'Noah', '1993-02-28', 'noah.evans@mail.test', 'CF10 3AT', 'Cardiff'],
];
// The id column counts from 101, so a row number (1–37) is never mistaken for an id.
const CSV = ['id,first_name,last_name,dob,email,postcode,city', ...PEOPLE.map((p, i) => [101 + i, ...p].join(',')), ''].join('\n');

test('finds duplicates, browses clusters and reviews pairs with the keyboard', async ({ app, server }) => {
  const dd = new DedupePage(app.page);
  writeFile(server.files, 'people.csv', CSV);
  await importFile(app, 'people.csv');
  await app.toast('Imported people.csv').getByRole('button', { name: 'Dismiss notification' }).click();

  // Before a run: the setup invites to count pairs or run straight away.
  await dd.tab.click();
  await expect(dd.view('Setup')).toHaveAttribute('aria-selected', 'true');
  await expect(dd.pane.getByText(/compares the 37 rows without any configuration/)).toBeVisible();
  await screenshot(app.page, '70-dedupe-setup-empty');

  // Count the candidate pairs: the inferred roles, with their reasons, and the rules' counts.
  await dd.countButton.click();
  await expect(dd.roles).toBeVisible({ timeout: 60_000 });
  await expect(dd.role('email')).toHaveValue('email');
  await expect(dd.role('dob')).toHaveValue('date');
  await expect(dd.role('last_name')).toHaveValue('family_name');
  await expect(dd.ruleBoxes.first()).toBeVisible();
  await expect(dd.candidateTotal).toContainText(/distinct candidate pairs from \d+ rules?/);
  // The id column names the records and is never compared.
  await dd.pane.getByRole('combobox', { name: 'Record id column' }).selectOption({ label: 'id' });
  await expect(dd.role('id')).toBeDisabled();
  await expect(dd.roles.getByRole('row', { name: /^id / })).toContainText('The record id column: reported, never compared.');
  await expect(dd.candidateTotal).toContainText('count again');
  await dd.countButton.click();
  await expect(dd.candidateTotal).toContainText(/distinct candidate pairs/, { timeout: 60_000 });
  await screenshotThemes(app.page, '71-dedupe-setup-counted');

  // A threshold out of range is refused with the reason, before anything runs.
  await dd.field('Match threshold').fill('1.5');
  await dd.findButton.click();
  await expect(dd.pane.getByText('The threshold must be less than 1')).toBeVisible();
  await expect(dd.field('Match threshold')).toHaveAttribute('aria-invalid', 'true');
  await dd.field('Review from').fill('0.9');
  await dd.field('Review below').fill('0.2');
  await expect(dd.pane.getByText('The review band’s lower bound must be below its upper bound')).toBeVisible();
  await screenshot(app.page, '72-dedupe-setup-invalid');
  // A wide review band (the model is sure of most pairs), so the queue has pairs on both sides of the threshold.
  await dd.field('Match threshold').fill('0.9');
  await dd.field('Review from').fill('0.001');
  await dd.field('Review below').fill('0.9999');
  await expect(dd.field('Match threshold')).not.toHaveAttribute('aria-invalid', 'true');

  // Find duplicates: the overview's figures and charts.
  await dd.findButton.click();
  await expect(dd.counts).toBeVisible({ timeout: 60_000 });
  await expect(dd.view('Overview')).toHaveAttribute('aria-selected', 'true');
  await expect(dd.ranAt).toContainText('Ran just now');
  await expect(dd.figure('Rows')).toHaveText('37');
  // The two copies, and amelia hughes (row 29), equal to row 3 once case is normalised.
  await expect(dd.figure('Exact duplicates')).toHaveText('3 rows');
  const clusters = Number((await dd.figure('Clusters').innerText()).split(/\s/)[0]);
  expect(clusters).toBeGreaterThanOrEqual(10);
  await expect(dd.pane.getByRole('img', { name: /^Clusters by size: size 2 / })).toBeVisible();
  await expect(dd.pane.getByRole('img', { name: /^Scored pairs by match probability: / })).toBeVisible();
  await expect(dd.pane.getByRole('img', { name: /^Candidate pairs per blocking rule: / })).toBeVisible();
  await expect(dd.pane.getByRole('table', { name: 'Weights per comparison level' })).toBeVisible();
  await expect(dd.pane.getByRole('region', { name: 'Reproducibility' })).toContainText('0 used');
  await screenshotThemes(app.page, '73-dedupe-overview');
  await dd.pane.getByRole('region', { name: 'Match model' }).scrollIntoViewIfNeeded();
  await screenshot(app.page, '73-dedupe-overview-model');

  // The cluster browser: Grace Thompson's three records side by side, what differs highlighted.
  await dd.view('Clusters').click();
  await expect(dd.clusterRows.first()).toBeVisible();
  await expect(dd.clusterRows).toHaveCount(clusters);
  const grace = dd.clusterOf(9, 33, 34);
  await expect(grace).toContainText('3');
  await grace.click();
  await expect(dd.cluster).toContainText('3 records');
  const members = dd.cluster.getByRole('table', { name: 'Members of the cluster of 3' });
  await expect(members.getByRole('columnheader')).toHaveText(['Column', 'Row 9', 'Row 33', 'Row 34']);
  await expect(members.getByRole('row', { name: /^last_name \(differs\)/ })).toBeVisible();
  await expect(members.getByRole('row', { name: /^dob / })).not.toContainText('(differs)');
  await dd.cluster.getByRole('button', { name: 'Show their score' }).click();
  await expect(dd.cluster.getByRole('img', { name: /^Match weight by comparison: prior / })).toBeVisible();
  await screenshotThemes(app.page, '74-dedupe-clusters');
  // The keyboard moves through the list.
  await dd.clusterList.focus();
  await app.page.keyboard.press('Home');
  await expect(dd.clusterRows.first()).toHaveAttribute('aria-selected', 'true');
  await app.page.keyboard.press('ArrowDown');
  await expect(dd.clusterRows.nth(1)).toHaveAttribute('aria-selected', 'true');

  // The review queue: accept with A, reject with R, skip with S, undo with U.
  await dd.view('Review').click();
  await expect(dd.review).toBeFocused();
  await expect(dd.reviewProgress).toContainText(/\d+ of \d+ decided/);
  const total = Number((await dd.reviewProgress.innerText()).match(/of (\d+) decided/)![1]);
  expect(total).toBeGreaterThanOrEqual(4);
  await expect(dd.reviewProgress).toContainText(`0 of ${total} decided`);
  await expect(dd.review.getByRole('img', { name: /^Match weight by comparison: prior / })).toBeVisible();
  const firstPair = await pairRows(dd);
  await screenshotThemes(app.page, '75-dedupe-review');
  await app.page.keyboard.press('a');
  await expect(dd.reviewProgress).toContainText(`1 of ${total} decided`);
  await expect(dd.decision).toHaveText('Undecided');
  await expect.poll(() => pairRows(dd)).not.toEqual(firstPair);
  const secondPair = await pairRows(dd);
  await app.page.keyboard.press('r');
  await expect(dd.reviewProgress).toContainText(`2 of ${total} decided`);
  // Back to the first two: their decisions show at once.
  await app.page.keyboard.press('ArrowLeft');
  await expect(dd.review).toContainText(`Pair 2 of ${total}`);
  await expect(dd.decision).toHaveText('Rejected: different records');
  await app.page.keyboard.press('ArrowLeft');
  await expect(dd.review).toContainText(`Pair 1 of ${total}`);
  await expect(dd.decision).toHaveText('Accepted: the same record');
  expect(await pairRows(dd)).toEqual(firstPair);
  await screenshot(app.page, '76-dedupe-review-decided');
  // Skip moves on without deciding; a third decision, then U undoes it (and only it).
  await app.page.keyboard.press('ArrowRight');
  await app.page.keyboard.press('ArrowRight');
  await expect(dd.review).toContainText(`Pair 3 of ${total}`);
  const third = await pairRows(dd);
  await app.page.keyboard.press('s');
  await expect.poll(() => pairRows(dd)).not.toEqual(third);
  await expect(dd.decision).toHaveText('Undecided');
  await app.page.keyboard.press('a');
  await expect(dd.reviewProgress).toContainText(`3 of ${total} decided`);
  await app.page.keyboard.press('u');
  await expect(dd.reviewProgress).toContainText(`2 of ${total} decided`);
  await expect(dd.decision).toHaveText('Undecided');
  await expect(dd.view('Review')).toContainText(String(total - 2));

  // Run again: the two decisions are used, and the accepted pair is in one cluster.
  await app.page.getByRole('button', { name: 'Find again' }).click();
  await expect(dd.view('Overview')).toHaveAttribute('aria-selected', 'true', { timeout: 60_000 });
  await expect(dd.pane.getByRole('region', { name: 'Reproducibility' })).toContainText('2 used', { timeout: 60_000 });
  await expect(dd.pane.getByRole('table', { name: 'Weights per comparison level' })).toBeVisible();
  await dd.view('Clusters').click();
  await expect(dd.clustersWith(...firstPair)).toHaveCount(1);
  // The rejected pair shares a cluster only through others (a chain), never by itself.
  await expect(dd.clusterOf(...secondPair)).toHaveCount(0);
  await expect(dd.clustersWith(...secondPair).filter({ hasNotText: 'chained' })).toHaveCount(0);
  await screenshot(app.page, '77-dedupe-rerun-clusters');

  // The smaller window.
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await dd.view('Review').click();
  await screenshot(app.page, '78-dedupe-review-1024');
  await dd.view('Overview').click();
  await screenshot(app.page, '79-dedupe-overview-1024');
});

/** The row numbers of the pair on screen, from the side-by-side table's headings. */
async function pairRows(dd: DedupePage): Promise<[number, number]> {
  const heads = await dd.review.getByRole('table', { name: /^Rows \d+ and \d+ side by side$/ }).getByRole('columnheader').allInnerTexts();
  const ids = heads.slice(1).map((h) => Number(h.replace(/\D/g, '')));
  return [ids[0]!, ids[1]!];
}

test.describe(() => {
  test.use({ serverEnv: { SANITIZER_TEST_HOLD_JOBS: 'dedupe' } });

  test('cancelling a duplicate search leaves no run behind', async ({ app, server }) => {
    const dd = new DedupePage(app.page);
    // The server holds duplicate searches until cancelled (HOLD_ENV in jobs.ts).
    await writeBigCsv(server.files, 'customers.csv', 2_000);
    await importFile(app, 'customers.csv');
    await dd.tab.click();
    await dd.findButton.click();
    // The job's progress and Cancel show above the pane while it runs.
    const progress = dd.pane.getByRole('status', { name: 'Finding duplicates' });
    await expect(progress).toBeVisible();
    await expect(dd.findButton).toBeDisabled();
    await screenshot(app.page, '70-dedupe-running');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect(progress).toBeHidden({ timeout: 60_000 });
    await expect(dd.pane.getByRole('alert')).toHaveCount(0);
    await dd.view('Overview').click();
    await expect(dd.pane.getByRole('heading', { name: 'No duplicate search yet' })).toBeVisible();
    // Nothing was stored: a reload shows no run either.
    await app.page.reload();
    await app.ready();
    await app.datasetButton('customers.csv').click();
    await dd.tab.click();
    await expect(dd.view('Setup')).toHaveAttribute('aria-selected', 'true');
    await expect(dd.ranAt).toHaveCount(0);
    await app.jobsButton.click();
    await expect(app.page.getByRole('region', { name: 'Jobs' }).getByText('Cancelled')).toBeVisible();
  });
});

test('a header-only table says there is nothing to compare, instead of offering a search that fails', async ({ app, server }) => {
  const dd = new DedupePage(app.page);
  writeFile(server.files, 'header-only.csv', 'id,first_name,last_name,email\n');
  await importFile(app, 'header-only.csv');
  await dd.tab.click();
  await expect(dd.pane.getByRole('heading', { name: 'Nothing to compare' })).toBeVisible();
  await expect(dd.pane.getByText('This version has no rows, only a header: duplicates need at least two records.')).toBeVisible();
  await expect(dd.countButton).toHaveCount(0);
  await expect(dd.findButton).toHaveCount(0);
  await expect(dd.pane.getByRole('alert')).toHaveCount(0);
  await screenshot(app.page, '70-dedupe-header-only');
});
