// Runs the open dataset's profile from its Profile tab and waits for the overview of columns.
import { expect } from '@playwright/test';
import type { ProfilePage } from '../pages/profile-page';

export async function runProfile(profile: ProfilePage): Promise<void> {
  await profile.tab('Profile').click();
  await profile.pane.getByRole('button', { name: 'Profile this dataset' }).click();
  await expect(profile.overview).toBeVisible({ timeout: 60_000 });
  await expect(profile.computedAt).toContainText('Profiled just now');
}
