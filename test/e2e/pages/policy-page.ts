// The Policy tab as a page object: its toolbar, steps list, the selected step's editor and the
// preview bar, found by role and accessible name.
import type { Locator, Page } from '@playwright/test';

export class PolicyPage {
  constructor(readonly page: Page) {}

  get tab(): Locator {
    return this.page.getByRole('tablist', { name: 'Dataset views' }).getByRole('tab', { name: 'Policy' });
  }
  get dataTab(): Locator {
    return this.page.getByRole('tablist', { name: 'Dataset views' }).getByRole('tab', { name: 'Data', exact: true });
  }
  get toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Policy' });
  }
  get name(): Locator {
    return this.toolbar.getByRole('textbox', { name: 'Policy name' });
  }
  get state(): Locator {
    return this.page.getByTestId('policy-state');
  }
  button(name: string | RegExp): Locator {
    return this.toolbar.getByRole('button', { name });
  }
  get blocked(): Locator {
    return this.page.locator('#pe-blocked');
  }
  get steps(): Locator {
    return this.page.getByRole('region', { name: 'Steps' });
  }
  /** A step's row in the list, by its id. */
  step(id: string): Locator {
    return this.steps.locator(`li[data-step-id="${id}"]`);
  }
  /** The counts the preview shows on a step's row (e.g. "4 cells"). */
  stepCounts(id: string): Locator {
    return this.step(id).getByTestId('step-counts');
  }
  /** The selected step's editor. */
  get editor(): Locator {
    return this.page.locator('section.pe-detail');
  }
  get previewBar(): Locator {
    return this.page.getByRole('group', { name: 'Preview' });
  }
  get previewTotals(): Locator {
    return this.page.getByTestId('preview-totals');
  }
}
