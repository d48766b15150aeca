// The governance area's identity, settings and audit screens as a page object: role locators only.
import type { Locator, Page } from '@playwright/test';

export class GovernancePage {
  constructor(readonly page: Page) {}

  get openButton(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: 'Governance' });
  }
  /** The top-bar chip: "Acting as NAME (roles)…" or "Acting as OSUSER, unsigned…". */
  get chip(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: /^Acting as / });
  }
  get firstRun(): Locator {
    return this.page.getByRole('region', { name: 'First identity' });
  }
  tab(name: 'Identities' | 'Audit log' | 'Settings'): Locator {
    return this.page.getByRole('tablist', { name: 'Governance views' }).getByRole('tab', { name });
  }
  get identities(): Locator {
    return this.page.getByRole('table', { name: 'Identities' });
  }
  identityRow(name: string): Locator {
    return this.identities.getByRole('row', { name, exact: true });
  }
  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }
  get timeline(): Locator {
    return this.page.getByRole('listbox', { name: 'Audit log entries, newest first' });
  }
  get entries(): Locator {
    return this.timeline.getByRole('option');
  }
  get details(): Locator {
    return this.page.getByRole('complementary', { name: 'Entry details' });
  }
  get filters(): Locator {
    return this.page.getByRole('form', { name: 'Filter the audit log' });
  }
  get verifyResult(): Locator {
    return this.page.getByTestId('audit-verify-result');
  }

  /** Fills the create dialog (name, passphrase twice, roles) and submits it. */
  async fillCreate(dialog: Locator, name: string, pass: string, again: string, roles: string[] = []): Promise<void> {
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Passphrase', { exact: true }).fill(pass);
    await dialog.getByLabel('Passphrase again').fill(again);
    for (const r of roles) await dialog.getByRole('checkbox', { name: r }).check();
    await dialog.getByRole('button', { name: 'Create identity' }).click();
  }

  /** Opens the switch dialog from the chip, picks `name` and types `pass`. */
  async switchTo(name: string, pass: string): Promise<Locator> {
    await this.chip.click();
    const d = this.dialog('Switch identity');
    await d.getByRole('radio', { name: new RegExp(`^${name}\\b`) }).check();
    await d.getByLabel(`Passphrase of ${name}`).fill(pass);
    await d.getByRole('button', { name: 'Switch', exact: true }).click();
    return d;
  }
}
