// The open dataset's Duplicates tab as a page object: its views (setup, overview, clusters,
// review), the roles and rules tables, the counts, the cluster list and the review queue, found
// by role and accessible name.
import type { Locator, Page } from '@playwright/test';

export class DedupePage {
  constructor(readonly page: Page) {}

  get tab(): Locator {
    return this.page.getByRole('tablist', { name: 'Dataset views' }).getByRole('tab', { name: 'Duplicates' });
  }
  get pane(): Locator {
    return this.page.getByRole('region', { name: 'Duplicates' });
  }
  view(name: 'Setup' | 'Overview' | 'Clusters' | 'Review'): Locator {
    return this.pane.getByRole('tablist', { name: 'Duplicate views' }).getByRole('tab', { name: new RegExp(`^${name}`) });
  }
  get countButton(): Locator {
    return this.pane.getByRole('button', { name: /^Count (candidate pairs|again)$/ });
  }
  get findButton(): Locator {
    return this.pane.getByRole('button', { name: 'Find duplicates' });
  }
  get roles(): Locator {
    return this.pane.getByRole('table', { name: 'Column roles' });
  }
  role(header: string): Locator {
    return this.roles.getByRole('combobox', { name: `Role of ${header}` });
  }
  get rules(): Locator {
    return this.pane.getByRole('table', { name: 'Blocking rules' });
  }
  get ruleBoxes(): Locator {
    return this.rules.getByRole('checkbox');
  }
  get candidateTotal(): Locator {
    return this.page.getByTestId('dd-candidate-total');
  }
  field(name: 'Match threshold' | 'Review from' | 'Review below'): Locator {
    return this.pane.getByRole('textbox', { name });
  }
  get counts(): Locator {
    return this.pane.getByRole('region', { name: 'Counts' });
  }
  /** A figure of the overview's counts, by its label. */
  figure(label: string): Locator {
    return this.counts.locator('div').filter({ has: this.page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).getByRole('definition');
  }
  get clusterList(): Locator {
    return this.pane.getByRole('grid', { name: 'Clusters' });
  }
  get clusterRows(): Locator {
    return this.clusterList.getByRole('row').filter({ has: this.page.getByRole('gridcell') });
  }
  /** The list's clusters whose members include every one of these row numbers. */
  clustersWith(...rows: number[]): Locator {
    let found = this.clusterRows;
    for (const r of rows) found = found.filter({ has: this.page.locator('.dd-crows', { hasText: new RegExp(`(^rows |, )${r}(,|$| )`) }) });
    return found;
  }
  /** The list's cluster of exactly these rows. */
  clusterOf(...rows: number[]): Locator {
    return this.clusterRows.filter({ has: this.page.locator('.dd-crows', { hasText: new RegExp(`^rows ${rows.join(', ')}$`) }) });
  }
  get cluster(): Locator {
    return this.pane.getByRole('complementary', { name: /^Cluster \d+ of / });
  }
  get review(): Locator {
    return this.pane.getByRole('region', { name: 'Review queue' });
  }
  get reviewProgress(): Locator {
    return this.review.getByRole('status', { name: 'Review progress' });
  }
  get decision(): Locator {
    return this.page.getByTestId('dd-decision');
  }
  get ranAt(): Locator {
    return this.page.getByTestId('dedupe-ran-at');
  }
}
