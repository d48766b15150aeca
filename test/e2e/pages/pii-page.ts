// The open dataset's Personal data tab as a page object: its views (columns, findings, operators,
// risk), the column classification table, the findings grid and the selected finding's panel,
// found by role and accessible name.
import type { Locator, Page } from '@playwright/test';

export class PiiPage {
  constructor(readonly page: Page) {}

  get tab(): Locator {
    return this.page.getByRole('tablist', { name: 'Dataset views' }).getByRole('tab', { name: 'Personal data' });
  }
  get pane(): Locator {
    return this.page.getByRole('region', { name: 'Personal data' });
  }
  view(name: 'Columns' | 'Findings' | 'Operators' | 'Risk'): Locator {
    return this.pane.getByRole('tablist', { name: 'Personal data views' }).getByRole('tab', { name, exact: true });
  }
  get scanButton(): Locator {
    return this.pane.getByRole('button', { name: 'Scan for personal data' });
  }
  get caveat(): Locator {
    return this.pane.getByRole('note', { name: 'Caveat' });
  }
  get columns(): Locator {
    return this.pane.getByRole('table', { name: 'Column classification' });
  }
  /** The classification table's row of a column (its row header is the column's header). */
  columnRow(header: string): Locator {
    return this.columns.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: header, exact: true }) });
  }
  columnDetail(header: string): Locator {
    return this.pane.getByRole('region', { name: `Column ${header}` });
  }
  get chart(): Locator {
    return this.pane.getByRole('img', { name: /^Share of values and confidence per column/ });
  }
  get findings(): Locator {
    return this.pane.getByRole('grid', { name: 'Findings' });
  }
  get findingRows(): Locator {
    return this.findings.getByRole('row').filter({ has: this.page.getByRole('gridcell') });
  }
  get finding(): Locator {
    return this.pane.getByRole('complementary', { name: /^Finding \d+ of / });
  }
  get trace(): Locator {
    return this.finding.getByRole('table', { name: 'Decision trace' });
  }
  filter(name: 'Column' | 'Entity'): Locator {
    return this.pane.getByRole('toolbar', { name: 'Findings filter' }).getByRole('combobox', { name });
  }
  values(name: 'Masked' | 'Show values'): Locator {
    return this.pane.getByRole('radiogroup', { name: 'Values' }).getByRole('radio', { name });
  }
  get operators(): Locator {
    return this.pane.getByRole('table', { name: 'Operators' });
  }
  operator(entity: string): Locator {
    return this.operators.getByRole('combobox', { name: `Operator for ${entity}` });
  }
  get riskForm(): Locator {
    return this.pane.getByRole('form', { name: 'Risk settings' });
  }
  quasi(header: string): Locator {
    return this.riskForm.getByRole('checkbox', { name: new RegExp(`^${header}\\b`) });
  }
  get scannedAt(): Locator {
    return this.page.getByTestId('pii-scanned-at');
  }
}
