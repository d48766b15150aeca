// What one verification carries: the bundle's source, the problems found so far (each naming its
// file), and each file's digest computed once.
import type { BundleProblem } from '../../../shared/api/bundle-types';
import type { BundleSource } from './read';

export class Verification {
  readonly problems: BundleProblem[] = [];
  private readonly digests = new Map<string, { size: number; sha256: string } | null>();
  /** Files with a problem already (a sums mismatch on them adds nothing). */
  private readonly flagged = new Set<string>();

  constructor(readonly src: BundleSource) {}

  add(p: BundleProblem): void {
    this.problems.push(p);
    this.flagged.add(p.file);
  }

  isFlagged(file: string): boolean {
    return this.flagged.has(file);
  }

  /** A file's size and digest (once), or null when it cannot be read (reported). */
  async digest(file: string): Promise<{ size: number; sha256: string } | null> {
    if (this.digests.has(file)) return this.digests.get(file) ?? null;
    let d: { size: number; sha256: string } | null = null;
    try {
      d = await this.src.digest(file);
    } catch (err) {
      this.add({ file, kind: 'unreadable', message: `${file} cannot be read: ${(err as Error).message}` });
    }
    this.digests.set(file, d);
    return d;
  }

  async text(file: string): Promise<string | null> {
    try {
      return (await this.src.read(file)).toString('utf8');
    } catch (err) {
      this.add({ file, kind: 'unreadable', message: `${file} cannot be read: ${(err as Error).message}` });
      return null;
    }
  }
}
