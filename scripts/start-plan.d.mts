// Types for start-plan.mjs (plain JavaScript so `npm start` needs no build step to decide).
export declare const EARLY_EXIT_MS: number;

export interface StartArgs {
  browser: boolean;
  build: boolean;
  help: boolean;
  serveArgs: string[];
  electronArgs: string[];
  unknown: string[];
}
export declare function parseStartArgs(argv: readonly string[]): StartArgs;

export type Env = Record<string, string | undefined>;
export declare function hasDisplay(platform: string, env: Env): boolean;

export interface StartState {
  browser: boolean;
  platform: string;
  env: Env;
  isRoot: boolean;
  binaryPresent: boolean;
  installAttempted: boolean;
}
export type StartDecision = { action: 'electron' } | { action: 'install' } | { action: 'browser'; reason: string | null };
export declare function decideStart(s: StartState): StartDecision;

export declare function electronFailedToStart(code: number | null, signal: string | null, elapsedMs: number): boolean;

export interface FsProbe {
  readFile(p: string): string | null;
  exists(p: string): boolean;
}
export declare function platformExecutable(platform: string): string;
export declare function electronBinary(electronDir: string, fs: FsProbe, env: Env, platform: string): string | null;
export declare function installEnv(env: Env): Env;
