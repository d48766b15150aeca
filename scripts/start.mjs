#!/usr/bin/env node
// `npm start` (desktop) and `npm run serve` (--browser): builds the app, makes sure Electron's
// binary is there (running electron's own installer when it is not), and starts the desktop
// window, or browser mode, with one clear line saying why, when the desktop cannot start.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decideStart, electronBinary, electronFailedToStart, installEnv, parseStartArgs } from './start-plan.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const INSTALL_TIMEOUT_MS = 10 * 60_000;

const HELP = `Usage: npm start [-- OPTIONS]      desktop app (browser mode where Electron cannot start)
       npm run serve [-- OPTIONS]  browser mode

  --workspace DIR  open this workspace (default: the per-user default workspace)
  --create         create the workspace folder if it does not exist
  --root DIR       browser mode: also show DIR in the in-app file browser (repeatable)
  --port N         browser mode: listen on port N (default: a random free port)
  --no-build       skip "electron-vite build" (when out/ is already up to date)
`;

const say = (line) => process.stderr.write(`start: ${line}\n`);

function build() {
  const bin = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  say('building (electron-vite build)…');
  const r = spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    say(`the build failed (exit ${r.status ?? r.signal}); see the output above.`);
    process.exit(1);
  }
}

function electronDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function findElectron() {
  const dir = electronDir();
  if (!dir) return null;
  const probe = {
    readFile: (p) => (fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : null),
    exists: (p) => fs.existsSync(p),
  };
  return electronBinary(dir, probe, process.env, process.platform);
}

function installElectron() {
  const dir = electronDir();
  if (!dir) return;
  say('the Electron binary is missing; running electron\'s own installer (node node_modules/electron/install.js)…');
  const r = spawnSync(process.execPath, [path.join(dir, 'install.js')], {
    cwd: dir,
    env: installEnv(process.env),
    stdio: 'inherit',
    timeout: INSTALL_TIMEOUT_MS,
  });
  if (r.error) say(`the Electron installer did not finish: ${r.error.message}`);
  else if (r.status !== 0) say(`the Electron installer failed (exit ${r.status ?? r.signal}).`);
}

/** Runs a child with the terminal, passing Ctrl-C and termination on; resolves when it exits. */
function run(command, args, env = process.env) {
  const started = Date.now();
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => {
    const done = (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ code, signal, elapsedMs: Date.now() - started });
    };
    child.once('error', (err) => {
      say(`${path.basename(command)} could not be started: ${err.message}`);
      done(127, null);
    });
    child.once('exit', done);
  });
}

async function browserMode(serveArgs) {
  const r = await run(process.execPath, [path.join(root, 'out', 'main', 'serve.js'), ...serveArgs]);
  process.exit(r.code ?? (r.signal === 'SIGINT' ? 130 : 1));
}

async function main() {
  const args = parseStartArgs(process.argv.slice(2));
  if (args.help) return void process.stdout.write(HELP);
  if (args.unknown.length > 0) {
    process.stderr.write(`start: unknown option ${args.unknown.join(' ')}\n\n${HELP}`);
    process.exit(2);
  }
  if (args.build || !fs.existsSync(path.join(root, 'out', 'main', 'index.js'))) build();

  const state = {
    browser: args.browser,
    platform: process.platform,
    env: process.env,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    binaryPresent: findElectron() !== null,
    installAttempted: false,
  };
  let decision = decideStart(state);
  if (decision.action === 'install') {
    installElectron();
    decision = decideStart({ ...state, binaryPresent: findElectron() !== null, installAttempted: true });
  }
  const binary = findElectron();
  if (decision.action === 'electron' && binary) {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    const r = await run(binary, [root, ...args.electronArgs], env);
    if (!electronFailedToStart(r.code, r.signal, r.elapsedMs)) process.exit(r.code ?? 0);
    say(`Electron exited at start (${r.signal ?? `exit ${r.code}`}); starting browser mode instead.`);
    return browserMode(args.serveArgs);
  }
  if (decision.action === 'browser' && decision.reason) say(`${decision.reason} Starting browser mode instead.`);
  return browserMode(args.serveArgs);
}

main().catch((err) => {
  say(`failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
