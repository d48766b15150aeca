// Browser-mode entry point: opens the workspace, serves the UI and API on 127.0.0.1 with a
// per-launch token, and prints the URL. `npm run serve` (and `npm start` without Electron).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AppError, toErrorInfo } from '../../shared/api/result';
import { Engine } from '../engine/engine';
import { startServer } from './http-server';

const HELP = `Usage: serve [--workspace DIR] [--create] [--root DIR]... [--port N] [--static DIR]

Starts Data Sanitizer in browser mode on 127.0.0.1 and prints the URL to open.
  --workspace DIR  open this workspace (default: the per-user default workspace)
  --create         create the workspace folder if it does not exist
  --root DIR       also let the in-app file browser show DIR (repeatable)
  --port N         listen on port N (default: a random free port)
  --static DIR     the built UI (default: found beside this program)
`;

function findStatic(given?: string): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = given ? [given] : [path.join(here, '../renderer'), path.join(here, '../../../out/renderer')];
  const found = candidates.find((c) => fs.existsSync(path.join(c, 'index.html')));
  if (!found) {
    throw new Error(`The built UI was not found (looked in ${candidates.join(', ')}). Run "npm run build" first.`);
  }
  return found;
}

function parsePort(given: string | undefined): number | undefined {
  if (given === undefined) return undefined;
  const n = Number(given);
  if (!/^\d+$/.test(given) || n > 65535) throw new AppError('INVALID_ARGUMENT', `--port ${given}: give a port number from 0 to 65535 (0 picks a free one).`);
  return n;
}

function parseCommandLine() {
  try {
    return parseArgs({
      options: {
        workspace: { type: 'string' },
        create: { type: 'boolean', default: false },
        root: { type: 'string', multiple: true, default: [] },
        port: { type: 'string' },
        static: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (err) {
    throw new AppError('INVALID_ARGUMENT', `${err instanceof Error ? err.message : String(err)}\n\n${HELP}`);
  }
}

async function main(): Promise<void> {
  const values = parseCommandLine();
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const port = parsePort(values.port);
  const staticDir = findStatic(values.static);
  const engine = await Engine.start({
    ...(values.workspace ? { workspaceDir: path.resolve(values.workspace) } : {}),
    create: values.create,
    processName: 'Data Sanitizer (browser mode)',
    roots: values.root,
    confineToRoots: true,
  });
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({ engine, staticDir, ...(port !== undefined ? { port } : {}) });
  } catch (err) {
    // Release the workspace (and its lock) before reporting, e.g. a port already in use.
    await engine.close();
    const m = err instanceof Error ? err.message : String(err);
    throw new AppError('INVALID_ARGUMENT', `Cannot listen on 127.0.0.1${port ? `:${port}` : ''}: ${m}`);
  }
  process.stdout.write(`Data Sanitizer is running in browser mode.\nWorkspace: ${engine.workspace.dir}\nOpen: ${server.url}\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await engine.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  const info = toErrorInfo(err);
  process.stderr.write(`serve: ${info.message}\n`);
  process.exit(info.code === 'INTERNAL' ? 1 : 2);
});
