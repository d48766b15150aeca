// Creating a folder and its missing parents without fs.mkdirSync's `recursive` option, which
// loops forever on Node 20 under paths like /proc/x/y (measured: a server pinned at 30% CPU).
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/result';

export function makeDirs(dirIn: string): void {
  const dir = path.resolve(dirIn);
  const missing: string[] = [];
  let cur = dir;
  while (!fs.existsSync(cur)) {
    missing.unshift(cur);
    const parent = path.dirname(cur);
    if (parent === cur) break;
    cur = parent;
  }
  if (fs.existsSync(cur) && !fs.statSync(cur).isDirectory()) {
    throw new AppError('INVALID_ARGUMENT', `Cannot create the folder ${dir}: ${cur} is a file, not a folder.`, { file: dir });
  }
  for (const d of missing) {
    try {
      fs.mkdirSync(d);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && fs.statSync(d).isDirectory()) continue;
      throw new AppError('FILE_UNREADABLE', `Cannot create the folder ${d} (${code ?? 'error'}).`, { file: d });
    }
  }
}
