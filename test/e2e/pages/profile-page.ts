// The open dataset's tabs and its Profile tab as a page object: the overview grid of columns and
// the detail panel of the selected one, found by role and accessible name.
import type { Locator, Page } from '@playwright/test';

export class ProfilePage {
  constructor(readonly page: Page) {}

  get tabs(): Locator {
    return this.page.getByRole('tablist', { name: 'Dataset views' });
  }
  tab(name: string): Locator {
    return this.tabs.getByRole('tab', { name, exact: true });
  }
  get pane(): Locator {
    return this.page.getByRole('region', { name: 'Profile' });
  }
  get overview(): Locator {
    return this.pane.getByRole('grid', { name: 'Columns' });
  }
  /** The overview's row of a column (its accessible name starts with the position and header). */
  row(position: number, header: string): Locator {
    return this.overview.getByRole('row', { name: new RegExp(`^${position} ${header} `) });
  }
  sortButton(label: string): Locator {
    return this.overview.getByRole('columnheader').getByRole('button', { name: label, exact: true });
  }
  detail(header: string): Locator {
    return this.pane.getByRole('complementary', { name: `Column ${header}` });
  }
  /** A named figure of the detail panel's table `table` (e.g. Counts → Nulls). */
  figure(detail: Locator, table: string, name: string): Locator {
    return detail.getByRole('table', { name: table }).getByRole('row', { name: new RegExp(`^${name} `) });
  }
  get runButton(): Locator {
    return this.page.getByRole('region', { name: 'Dataset' }).getByRole('button', { name: 'Profile again' });
  }
  get computedAt(): Locator {
    return this.page.getByTestId('profile-computed-at');
  }
}
