// The app as a page object: every part found by role and accessible name, as a user (or a
// screen reader) finds it.
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppServer } from '../support/server';

export class AppPage {
  constructor(
    readonly page: Page,
    readonly server: AppServer,
  ) {}

  async ready(): Promise<void> {
    await expect(this.importButton).toBeVisible();
    await expect(this.page.getByRole('button', { name: /^Workspace:/ })).toBeVisible();
  }

  get topBar(): Locator {
    return this.page.getByRole('banner');
  }
  get importButton(): Locator {
    return this.topBar.getByRole('button', { name: 'Import', exact: true });
  }
  get workspaceButton(): Locator {
    return this.topBar.getByRole('button', { name: /^Workspace:/ });
  }
  get jobsButton(): Locator {
    return this.topBar.getByRole('button', { name: /^Jobs/ });
  }
  get activityButton(): Locator {
    return this.topBar.getByRole('button', { name: 'Activity' });
  }
  get sidebar(): Locator {
    return this.page.getByRole('navigation', { name: 'Datasets' });
  }
  datasetButton(name: string | RegExp): Locator {
    return this.sidebar.getByRole('button', { name: typeof name === 'string' ? new RegExp(`^${escape(name)},`) : name });
  }
  get datasetHeader(): Locator {
    return this.page.getByRole('region', { name: 'Dataset' });
  }
  get grid(): Locator {
    return this.page.getByRole('grid', { name: 'Dataset rows' });
  }
  get filterBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Filter rows' });
  }
  get rowCount(): Locator {
    return this.page.getByTestId('row-count');
  }
  get visibleRange(): Locator {
    return this.page.getByTestId('visible-range');
  }
  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }
  columnHeader(header: string): Locator {
    return this.grid.getByRole('columnheader', { name: header, exact: true });
  }
  /** Row headers (row ids) of the rendered rows, top to bottom. */
  async visibleRowIds(): Promise<number[]> {
    const texts = await this.grid.getByRole('rowheader').allTextContents();
    return texts.filter((t) => /^\d+$/.test(t.trim())).map((t) => Number(t.trim()));
  }
  /** Cell texts of one column for the rendered rows, in row order. */
  async columnTexts(colIndex: number): Promise<string[]> {
    return this.grid.locator(`[role="gridcell"][aria-colindex="${colIndex + 2}"]`).allTextContents();
  }
  toast(title: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: title }).or(this.page.getByRole('alert').filter({ hasText: title }));
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
