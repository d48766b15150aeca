// makeDirs: parents created, clear errors, and no endless loop where Node's recursive mkdir hangs.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDirs } from '../../src/main/engine/files/make-dirs';
import { tempDir } from '../support/engine';

describe('makeDirs', () => {
  it('creates every missing parent, and is a no-op on an existing folder', () => {
    const root = tempDir();
    const deep = path.join(root, 'a', 'b', 'c');
    makeDirs(deep);
    expect(fs.statSync(deep).isDirectory()).toBe(true);
    makeDirs(deep);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it.each([
    { label: 'under a file', make: (root: string) => (fs.writeFileSync(path.join(root, 'f'), 'x'), path.join(root, 'f', 'sub')), code: 'INVALID_ARGUMENT' },
    { label: 'under /proc (where fs.mkdirSync recursive never returns)', make: () => '/proc/definitely/not/here', code: 'FILE_UNREADABLE' },
  ])('refuses a folder $label with $code', ({ make, code }) => {
    const root = tempDir();
    const target = make(root);
    expect(() => makeDirs(target)).toThrow(expect.objectContaining({ code }));
    fs.rmSync(root, { recursive: true, force: true });
  });
});
