// `npm run test:e2e`: finds a Chromium (CHROMIUM_PATH, the system's, or Playwright's own —
// installed where the network allows), builds the app, and runs the Playwright suite against
// browser mode. With no browser to be had it fails and says what to install; it never skips.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function onPath(name) {
  const dirs = (process.env.PATH ?? '').split(path.delimiter);
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const d of dirs) for (const e of exts) {
    const p = path.join(d, name + e);
    if (fs.existsSync(p)) return p;
  }
  return null;
}

function playwrightsOwn() {
  try {
    const { chromium } = require('playwright-core');
    const p = chromium.executablePath();
    return p && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

function systemBrowser() {
  const given = process.env.CHROMIUM_PATH;
  if (given) {
    if (fs.existsSync(given)) return given;
    console.error(`e2e: CHROMIUM_PATH is set to ${given}, which does not exist.`);
    process.exit(1);
  }
  const fixed = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
  for (const p of fixed) if (fs.existsSync(p)) return p;
  for (const n of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome']) {
    const p = onPath(n);
    if (p) return p;
  }
  return playwrightsOwn();
}

function findBrowser() {
  const found = systemBrowser();
  if (found) return found;
  console.log('e2e: no Chromium or Chrome found; trying "npx playwright install chromium"…');
  const r = spawnSync(npx, ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  const own = r.status === 0 ? playwrightsOwn() : null;
  if (own) return own;
  console.error(
    [
      'e2e: no browser to run the end-to-end tests in, and Playwright could not download one (no network?).',
      'Install one of these, then run "npm run test:e2e" again:',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium        (gives /usr/bin/chromium)',
      '  Fedora:         sudo dnf install -y chromium',
      '  macOS:          install Google Chrome, or: brew install --cask chromium',
      '  Windows:        install Google Chrome',
      '  any OS, online: npx playwright install chromium',
      'or point CHROMIUM_PATH at a Chromium/Chrome executable.',
    ].join('\n'),
  );
  process.exit(1);
}

const browser = findBrowser();
console.log(`e2e: using ${browser}`);
const build = spawnSync(npx, ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('e2e: the build failed; see above.');
  process.exit(build.status ?? 1);
}
const run = spawnSync(npx, ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: browser },
});
process.exit(run.status ?? 1);
