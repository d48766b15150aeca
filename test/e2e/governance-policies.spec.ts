// The policy lifecycle screens end to end: alice (admin, steward, approver) saves a policy in the
// editor and submits it; the approval queue refuses her own version in words; bob (approver) sees
// the diff and the preview counts, rejects with a reason; alice edits and resubmits; bob approves
// and exports the signed approval; the history shows every transition with its reason and signer;
// a new DRAFT over the ACTIVE version, a refused edit while in review, a refused submit by bob,
// and retiring the ACTIVE version.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { addStep } from './actions/add-step';
import { chooseColumns } from './actions/choose-columns';
import { importFile } from './actions/import-file';
import { openPolicyTab } from './actions/open-policy-tab';
import { screenshot } from './actions/screenshot';
import { screenshotThemes } from './actions/screenshot-themes';
import { PolicyPage } from './pages/policy-page';
import { writeFile } from './support/files';
import { expect, test } from './support/fixtures';
import { callApi } from './support/api';
import type { AppServer } from './support/server';
import { MESSY_CSV } from './support/messy';

const PASS = { alice: 'alice passphrase 1', bob: 'bob passphrase 22' } as const;

const call = callApi;

/** Switches the acting identity (its passphrase) and refreshes the shown governance tab. */
async function actAs(page: Page, server: AppServer, who: keyof typeof PASS): Promise<void> {
  await call(server, 'identity.unlock', { name: who, passphrase: PASS[who] });
  await page.getByRole('region', { name: 'Governance' }).getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(page.getByTestId('acting-as')).toContainText(`Acting as ${who}`);
}

function governance(page: Page) {
  const region = page.getByRole('region', { name: 'Governance' });
  return {
    region,
    tab: (name: string) => region.getByRole('tablist', { name: 'Governance views' }).getByRole('tab', { name }),
    list: region.getByRole('table', { name: 'Policies' }),
    history: region.getByRole('list', { name: 'Version history' }),
    version: (v: number) => region.getByRole('list', { name: 'Version history' }).getByRole('listitem', { name: new RegExp(`^Version ${v},`) }),
    queue: region.getByRole('list', { name: 'Approval queue' }),
  };
}

async function transition(page: Page, title: RegExp, reason: string, confirm: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
  await dialog.getByRole('button', { name: confirm, exact: true }).click();
  await expect(dialog).toBeHidden();
}

async function saveFromEditor(policy: PolicyPage, summary: string, outcome: RegExp): Promise<void> {
  await policy.button('Save…').click();
  const dialog = policy.page.getByRole('dialog', { name: 'Save policy' });
  await expect(dialog.getByTestId('save-outcome')).toHaveText(outcome);
  await dialog.getByRole('textbox', { name: 'What changed' }).fill(summary);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('steward submits, approver rejects, steward resubmits, approver approves; history, diff, refusals, retire', async ({ app, server }) => {
  const page = app.page;
  const gov = governance(page);
  await call(server, 'identity.create', { name: 'alice', passphrase: PASS.alice, roles: ['steward', 'approver'], activate: true });
  await call(server, 'identity.create', { name: 'bob', passphrase: PASS.bob, roles: ['approver'], activate: false });

  // Before any policy: both tabs say what to do.
  await page.getByRole('banner').getByRole('button', { name: 'Governance', exact: true }).click();
  await expect(gov.region.getByRole('heading', { name: 'No policies yet' })).toBeVisible();
  await screenshot(page, 'gov-pol-00-policies-empty');
  await gov.tab('Policies').press('ArrowRight');
  await expect(gov.tab('Approvals')).toHaveAttribute('aria-selected', 'true');
  await expect(gov.region.getByRole('heading', { name: 'Nothing waits for approval' })).toBeVisible();
  await screenshot(page, 'gov-pol-00-approvals-empty');
  await gov.tab('Policies').click();

  // Alice builds a policy from the standard preset in the editor and saves it: a DRAFT.
  writeFile(server.files, 'messy.csv', MESSY_CSV);
  await importFile(app, 'messy.csv');
  const policy = new PolicyPage(page);
  await openPolicyTab(policy);
  await page.getByRole('button', { name: /Start from the standard preset/ }).click();
  await expect(policy.stepCounts('standard.trim')).toHaveText('3 cells');
  await policy.button('Save…').click();
  const save = page.getByRole('dialog', { name: 'Save policy' });
  await save.getByRole('textbox', { name: 'Name' }).fill('Customer cleaning');
  await save.getByRole('textbox', { name: 'What changed' }).fill('The standard preset');
  await save.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(save).toBeHidden();
  await expect(page.getByTestId('policy-lifecycle-state')).toHaveText('Draft');
  await screenshot(page, 'gov-pol-01-editor-draft');

  // Open in Governance: the list (state, owner) and the detail with version 1.
  await policy.toolbar.getByRole('button', { name: 'Open in Governance' }).click();
  await expect(gov.list.getByRole('row', { name: /Customer cleaning/ })).toContainText('alice');
  await expect(gov.list.getByRole('row', { name: /Customer cleaning/ })).toContainText('Draft');
  await expect(gov.version(1)).toContainText('alice');
  await expect(gov.region.getByRole('region', { name: 'Changes from version 0 to version 1' })).toContainText('steps added');
  await screenshotThemes(page, 'gov-pol-02-policy-draft');

  // Submit for review, with the keyboard: the reason is required (at least 3 characters).
  await gov.version(1).getByRole('button', { name: 'Submit for review…' }).focus();
  await page.keyboard.press('Enter');
  const submit = page.getByRole('dialog', { name: /Submit for review “Customer cleaning” version 1/ });
  await expect(submit.getByRole('textbox', { name: 'Reason' })).toBeFocused();
  await page.keyboard.type('ok');
  await submit.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(submit.getByText('Required: give a reason (at least 3 characters).')).toBeVisible();
  await screenshot(page, 'gov-pol-03-submit-reason-required');
  await page.keyboard.type(' — the standard preset for the customer table');
  await page.keyboard.press('Control+Enter');
  await expect(submit).toBeHidden();
  await expect(page.getByTestId('policy-detail-state')).toHaveText('In review');
  await expect(gov.version(1)).toContainText('Submitted');
  await expect(gov.version(1)).toContainText('“ok — the standard preset for the customer table”');

  // The queue, as alice: her own version, refused in words; Approve is unavailable.
  await gov.tab('Approvals').click();
  await expect(gov.queue).toContainText('You cannot approve this');
  await expect(gov.region.getByRole('note')).toContainText('approver alice authored version 1');
  await expect(gov.region.getByRole('button', { name: 'Approve…' })).toBeDisabled();
  await screenshotThemes(page, 'gov-pol-04-queue-own-refused');

  // Bob: the diff against nothing active (all added), the preview counts per step; he rejects.
  await actAs(page, server, 'bob');
  await expect(gov.queue).not.toContainText('You cannot approve this');
  await expect(gov.region.getByRole('region', { name: 'Changes against the active version' })).toContainText('steps added');
  const impact = gov.region.getByRole('table', { name: 'Preview counts per step' });
  await expect(impact.getByRole('row', { name: /trim/i })).toContainText('3');
  await expect(impact).toContainText('Total');
  await impact.scrollIntoViewIfNeeded();
  await screenshotThemes(page, 'gov-pol-05-queue-approver');
  await gov.region.getByRole('button', { name: 'Reject…' }).click();
  await transition(page, /Reject “Customer cleaning” version 1/, 'Status must be lower case as well', 'Reject');
  await expect(gov.region.getByRole('heading', { name: 'Nothing waits for approval' })).toBeVisible();

  // Bob may not submit (he is no steward): the guard, in words, in the dialog.
  await gov.tab('Policies').click();
  await expect(page.getByTestId('policy-detail-state')).toHaveText('Draft');
  await expect(gov.version(1)).toContainText('“Status must be lower case as well”');
  await gov.version(1).getByRole('button', { name: 'Submit for review…' }).click();
  const refused = page.getByRole('dialog', { name: /Submit for review/ });
  await refused.getByRole('textbox', { name: 'Reason' }).fill('Trying anyway');
  await refused.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(refused.getByRole('alert')).toContainText('Refused');
  await expect(refused.getByRole('alert')).toContainText('bob holds approver; a version is submitted for review by steward or admin');
  await screenshot(page, 'gov-pol-06-submit-refused');
  await refused.getByRole('button', { name: 'Cancel' }).click();

  // Alice edits (a revision of the DRAFT version 1) and resubmits.
  await actAs(page, server, 'alice');
  await page.getByRole('banner').getByRole('button', { name: 'Governance', exact: true }).click();
  await openPolicyTab(policy);
  await addStep(policy, 'Change case');
  await chooseColumns(policy, ['status']);
  await saveFromEditor(policy, 'Status in lower case', /new revision of the DRAFT version 1/);
  await policy.toolbar.getByRole('button', { name: 'Open in Governance' }).click();
  await gov.version(1).getByRole('button', { name: 'Submit for review…' }).click();
  await transition(page, /Submit for review/, 'Status is lower case now', 'Submit');

  // Bob approves: ACTIVE; the history shows every transition with its reason and signer.
  await gov.tab('Approvals').click();
  await actAs(page, server, 'bob');
  await gov.region.getByRole('button', { name: 'Approve…' }).click();
  await transition(page, /Approve “Customer cleaning” version 1/, 'Checked the diff and the preview counts', 'Approve');
  await gov.tab('Policies').click();
  await expect(page.getByTestId('policy-detail-state')).toHaveText('Active');
  const v1 = gov.version(1);
  for (const text of ['Submitted', 'Rejected', 'Approved', '“Status must be lower case as well”', '“Status is lower case now”', '“Checked the diff and the preview counts”', 'by bob', 'by alice']) {
    await expect(v1).toContainText(text);
  }
  await expect(gov.list.getByRole('row', { name: /Customer cleaning/ })).toContainText('v1');
  await screenshotThemes(page, 'gov-pol-07-policy-active-history');

  // The signed approval, written where the user chooses.
  await v1.getByRole('button', { name: 'Export approval…' }).click();
  const exp = page.getByRole('dialog', { name: /Export the approval/ });
  const approvalFile = path.join(server.files, 'customer-cleaning-v1.approval.json');
  await exp.getByRole('textbox', { name: 'Save to' }).fill(approvalFile);
  await screenshot(page, 'gov-pol-08-export-approval');
  await exp.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(exp).toBeHidden();
  const approval = JSON.parse(fs.readFileSync(approvalFile, 'utf8')) as { format: string; approver: { name: string }; policy: { version: number }; reason: string };
  expect([approval.format, approval.approver.name, approval.policy.version, approval.reason]).toEqual(['data-sanitizer/approval@1', 'bob', 1, 'Checked the diff and the preview counts']);

  // Alice edits the ACTIVE policy: saving says it makes a new DRAFT version 2; the diff shows it.
  await actAs(page, server, 'alice');
  await page.getByRole('banner').getByRole('button', { name: 'Governance', exact: true }).click();
  await openPolicyTab(policy);
  await expect(page.getByTestId('policy-lifecycle-state')).toHaveText('Active');
  await policy.step('change-case').click();
  await policy.editor.getByRole('combobox', { name: 'Case' }).selectOption('upper');
  await saveFromEditor(policy, 'Status in upper case', /Version 1 is ACTIVE and stays as it is: saving creates a new DRAFT version 2/);
  await expect(page.getByTestId('policy-lifecycle-state')).toHaveText('Draft');
  await policy.toolbar.getByRole('button', { name: 'Open in Governance' }).click();
  const diff = gov.region.getByRole('region', { name: 'Changes from version 1 to version 2' });
  await expect(diff).toContainText('1 step changed');
  await expect(diff).toContainText('“lower”');
  await expect(diff).toContainText('“upper”');
  await diff.scrollIntoViewIfNeeded();
  await screenshotThemes(page, 'gov-pol-09-diff-v1-v2');

  // While version 2 is in review the editor refuses to save, and says why.
  await gov.version(2).getByRole('button', { name: 'Submit for review…' }).click();
  await transition(page, /Submit for review “Customer cleaning” version 2/, 'Upper case after all', 'Submit');
  await page.getByRole('banner').getByRole('button', { name: 'Governance', exact: true }).click();
  await openPolicyTab(policy);
  await expect(page.getByTestId('policy-lifecycle-state')).toHaveText('In review');
  await policy.button('Save…').click();
  const blocked = page.getByRole('dialog', { name: 'Save policy' });
  await expect(blocked.getByTestId('save-outcome')).toHaveText(/Version 2 is in review: it cannot be changed/);
  await expect(blocked.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await screenshot(page, 'gov-pol-10-save-refused-in-review');
  await page.keyboard.press('Escape');

  // Alice (admin) retires the ACTIVE version 1.
  await policy.toolbar.getByRole('button', { name: 'Open in Governance' }).click();
  await gov.version(1).getByRole('button', { name: 'Retire…' }).click();
  await transition(page, /Retire “Customer cleaning” version 1/, 'Superseded by the review of version 2', 'Retire');
  await expect(gov.version(1)).toContainText('Retired');
  await expect(gov.version(1)).toContainText('“Superseded by the review of version 2”');
  await screenshot(page, 'gov-pol-11-retired');
});
