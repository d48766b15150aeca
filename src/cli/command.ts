// What each command module gets: the outside world (io), and a place to say that the user asked
// for JSON, so that an error is printed the same way.
import type { Command } from 'commander';
import type { CliIO } from './io';

export interface CommandContext {
  io: CliIO;
  /** Set by a command once its flags are parsed. */
  json: boolean;
}

/** Registers one command (a small file per command) on the program. */
export type CommandModule = (program: Command, ctx: CommandContext) => void;
