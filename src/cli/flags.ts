// Flags shared by commands: --workspace, --json, repeatable flags, numbers, and naming columns
// by their header text (any header, even empty or duplicated) or by internal id.
import { InvalidArgumentError, type Command } from 'commander';
import { AppError } from '../shared/api/result';
import type { ColumnInfo } from '../shared/api/types';

export interface CommonFlags {
  workspace?: string;
  json?: boolean;
}

export function addWorkspaceFlag(cmd: Command, help = 'the workspace folder (default: the default workspace, the one the app opens)'): Command {
  return cmd.option('--workspace <dir>', help);
}

export function addJsonFlag(cmd: Command): Command {
  return cmd.option('--json', 'print exactly one JSON object on stdout');
}

/** A commander collector for repeatable flags: `--column a --column b` → ['a', 'b']. */
export function repeatable(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function positiveInt(what: string): (value: string) => number {
  return (value) => {
    if (!/^[0-9]+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
      throw new InvalidArgumentError(`${what} must be a whole number of at least 1.`);
    }
    return Number(value);
  };
}

/** `\t`, `tab` and friends as the character they name; anything else as given. */
export function delimiterArg(value: string): string {
  const named: Record<string, string> = { '\\t': '\t', tab: '\t', comma: ',', semicolon: ';', pipe: '|', space: ' ' };
  return named[value.toLowerCase()] ?? value;
}

/**
 * Columns named on the command line, in the order given. A name is matched against the headers
 * exactly (case, spaces and all); `byId` names columns by internal id (c3), which is how a
 * duplicated header is told apart.
 */
export function resolveColumns(columns: ColumnInfo[], names: string[] = [], byId: string[] = []): ColumnInfo[] {
  const picked: ColumnInfo[] = [];
  for (const name of names) {
    const hits = columns.filter((c) => c.header === name);
    if (hits.length === 0) {
      const near = columns.filter((c) => c.header.toLowerCase() === name.toLowerCase().trim()).map((c) => JSON.stringify(c.header));
      throw new AppError('INVALID_ARGUMENT', `No column has the header ${JSON.stringify(name)}.${near.length ? ` Did you mean ${near.join(' or ')}?` : ''}`, { header: name });
    }
    if (hits.length > 1) {
      throw new AppError(
        'INVALID_ARGUMENT',
        `The header ${JSON.stringify(name)} names ${hits.length} columns (${hits.map((c) => `${c.id} at position ${c.position + 1}`).join(', ')}); name one with --column-id.`,
        { header: name, candidates: hits.map((c) => c.id) },
      );
    }
    picked.push(hits[0]!);
  }
  for (const id of byId) {
    const hit = columns.find((c) => c.id === id);
    if (!hit) throw new AppError('INVALID_ARGUMENT', `No column has the id ${JSON.stringify(id)} (ids look like c1, c2, …).`, { columnId: id });
    picked.push(hit);
  }
  return picked;
}

/** Adds `--column NAME` and `--column-id ID`, both repeatable. */
export function addColumnFlags(cmd: Command, what: string): Command {
  return cmd
    .option('--column <name>', `${what}: a column by its exact header (repeatable; "" names an empty header)`, repeatable)
    .option('--column-id <id>', `${what}: a column by its internal id, e.g. c3 (repeatable; for duplicated headers)`, repeatable);
}
