// The "Cluster values" dialog as a page object: its controls and clusters by role and name.
import { expect, type Locator } from '@playwright/test';
import type { AppPage } from './app-page';

export class ClusterDialogPage {
  readonly root: Locator;

  constructor(readonly app: AppPage) {
    this.root = app.dialog('Cluster values');
  }

  get column(): Locator {
    return this.root.getByRole('combobox', { name: 'Column' });
  }
  get method(): Locator {
    return this.root.getByRole('combobox', { name: 'Method' });
  }
  field(name: string | RegExp): Locator {
    return this.root.getByRole('spinbutton', { name });
  }
  get runButton(): Locator {
    return this.root.getByRole('button', { name: /^Run( again)?$/ });
  }
  get acceptButton(): Locator {
    return this.root.getByRole('button', { name: /^Accept/ });
  }
  get summary(): Locator {
    return this.root.getByTestId('cluster-summary');
  }
  get results(): Locator {
    return this.root.getByRole('region', { name: 'Results' });
  }
  cluster(n: number): Locator {
    return this.root.getByRole('group', { name: new RegExp(`^Cluster ${n}:`) });
  }
  mergeBox(n: number): Locator {
    return this.cluster(n).getByRole('checkbox', { name: `Merge cluster ${n}` });
  }
  newValue(n: number): Locator {
    return this.cluster(n).getByRole('textbox', { name: `New value for cluster ${n}` });
  }
  /** A value's button in a cluster: “value”, N rows. */
  value(n: number, value: string): Locator {
    return this.cluster(n).getByRole('button', { name: new RegExp(`^“${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”, `) });
  }
  /** Runs the chosen method and waits for its results. */
  async run(): Promise<void> {
    await this.runButton.click();
    await expect(this.results).toBeVisible({ timeout: 60_000 });
    await expect(this.runButton).toBeEnabled();
  }
}
