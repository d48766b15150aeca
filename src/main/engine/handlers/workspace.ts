// workspace.* and fs.* — which workspace is open, switching, recents, and the file browser.
import path from 'node:path';
import type { Handlers } from '../../../shared/api/client';
import { listDir } from '../files/browse';
import type { Engine } from '../engine';
import { readRecent } from '../workspace/paths';

export function workspaceHandlers(e: Engine): Pick<Handlers, 'workspace.current' | 'workspace.open' | 'workspace.recent' | 'fs.roots' | 'fs.list'> {
  return {
    'workspace.current': () => e.workspaceInfo(),
    'workspace.open': async ({ path: p, create }) => {
      const dir = path.resolve(e.allowWorkspace(p));
      if (dir === e.workspace.dir) return e.workspaceInfo();
      return e.switchWorkspace(dir, create);
    },
    'workspace.recent': async () => readRecent(e.options.env ?? process.env),
    'fs.roots': async () => e.roots,
    'fs.list': async ({ path: p, showHidden }) => listDir(p, e.roots, showHidden),
  };
}
