// What a command may touch of the outside world: output streams, the terminal, the environment,
// and Ctrl-C. Passed in, so the whole CLI runs in tests without a child process.
import { AppError } from '../shared/api/result';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Progress is drawn only on a terminal (or when SANITIZER_PROGRESS=1, e.g. for CI logs). */
  errIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  interrupts: Interrupts;
}

/**
 * Ctrl-C handling: the first interrupt runs the registered hooks (cancel the running job) and
 * marks the run interrupted; commands check `throwIfInterrupted` between steps.
 */
export class Interrupts {
  private hooks = new Set<() => void>();
  interrupted = false;

  trigger(): void {
    this.interrupted = true;
    for (const h of [...this.hooks]) h();
  }

  on(hook: () => void): () => void {
    this.hooks.add(hook);
    if (this.interrupted) hook();
    return () => this.hooks.delete(hook);
  }

  throwIfInterrupted(): void {
    if (this.interrupted) throw new AppError('CANCELLED', 'interrupted');
  }
}

export function processIO(): CliIO {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    errIsTTY: Boolean(process.stderr.isTTY) || process.env.SANITIZER_PROGRESS === '1',
    env: process.env,
    cwd: process.cwd(),
    interrupts: new Interrupts(),
  };
}
