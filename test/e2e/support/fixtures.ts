// The shared e2e fixture: a fresh server and workspace per test, a fresh browser context, and a
// guard that fails the test if the page requests anything but its own loopback server.
import { test as base, expect, type Page } from '@playwright/test';
import { AppPage } from '../pages/app-page';
import { startServer, type AppServer } from './server';

interface Fixtures {
  /** Extra environment for this test's server: `test.use({ serverEnv: { … } })`. */
  serverEnv: Record<string, string>;
  server: AppServer;
  app: AppPage;
  /** Requests the page made to anything other than the loopback server. */
  offsiteRequests: string[];
}

export const test = base.extend<Fixtures>({
  serverEnv: [{}, { option: true }],
  server: async ({ serverEnv }, use) => {
    const server = await startServer(serverEnv);
    await use(server);
    await server.stop();
  },
  offsiteRequests: async ({ context, server }, use) => {
    const seen: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${server.origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      seen.push(url);
      return route.abort('blockedbyclient');
    });
    context.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith(`${server.origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:') && !seen.includes(url)) seen.push(url);
    });
    await use(seen);
    expect(seen, 'the page must make no request to anything but its loopback server').toEqual([]);
  },
  app: async ({ page, server, offsiteRequests }, use) => {
    void offsiteRequests;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    const app = new AppPage(page, server);
    await app.ready();
    await use(app);
    expect(errors, 'the page threw no uncaught errors').toEqual([]);
  },
});

export { expect, type Page };
