// The network guard itself: a request to anything but the loopback server is seen (and aborted
// before it leaves the machine), so every other test would fail on one.
import { expect, test } from './support/fixtures';

test('the guard records a request to another host', async ({ app, offsiteRequests }) => {
  // A navigation, because the page's CSP already stops fetches, images and scripts elsewhere.
  // 192.0.2.1 is TEST-NET-1 (never routed); the guard aborts the request anyway.
  await app.page.evaluate(`location.href = 'http://192.0.2.1/probe'`);
  await expect.poll(() => [...offsiteRequests]).toContain('http://192.0.2.1/probe');
  // This test's own request; the fixture's final check must still pass for it.
  offsiteRequests.length = 0;
});
