// The diff view as a page object: the changes toolbar, the steps panel, changed cells and the
// inspector's before → after.
import type { Locator, Page } from '@playwright/test';

export class DiffPage {
  constructor(readonly page: Page) {}

  get bar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Changes' });
  }
  get summary(): Locator {
    return this.page.getByTestId('diff-summary');
  }
  get changedRowsOnly(): Locator {
    return this.bar.getByRole('switch', { name: 'Changed rows only' });
  }
  get panel(): Locator {
    return this.page.getByRole('complementary', { name: 'Changes by step' });
  }
  /** A step's button in the panel, by its label. */
  panelStep(label: string | RegExp): Locator {
    return this.panel.getByRole('list', { name: 'Steps of the run' }).getByRole('button', { name: label });
  }
  panelColumn(header: string | RegExp): Locator {
    return this.panel.getByRole('list', { name: 'Changed columns' }).getByRole('button', { name: header });
  }
  /** Grid cells the run changed (highlighted). */
  get changedCells(): Locator {
    return this.page.getByRole('grid', { name: 'Dataset rows' }).locator('[role="gridcell"].is-changed');
  }
  get inspector(): Locator {
    return this.page.getByRole('complementary', { name: 'Cell inspector' });
  }
  get before(): Locator {
    return this.inspector.getByTestId('change-before');
  }
  get after(): Locator {
    return this.inspector.getByTestId('change-after');
  }
  get stamp(): Locator {
    return this.page.getByRole('region', { name: 'Dataset' }).getByText('UNAPPROVED', { exact: true });
  }
}
