// `npm run check`: the typecheck and lint side by side (each is single-threaded; CI has 2 cores),
// their output kept apart, failing when either fails.
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(script) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (out += b));
    child.on('close', (code) => resolve({ script, code: code ?? 1, out }));
  });
}

const results = await Promise.all([run('typecheck'), run('lint')]);
for (const r of results) {
  process.stdout.write(`== ${r.script}: ${r.code === 0 ? 'ok' : `FAILED (exit ${r.code})`}\n${r.out}`);
}
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
