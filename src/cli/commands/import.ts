// `sanitizer import <file>`: imports a file as a new dataset and prints what was imported.
import path from 'node:path';
import { Option, type Command } from 'commander';
import { ENCODINGS, RAGGED_POLICIES, SOURCE_FORMATS, type ImportOptions, type ImportResult, type SourceFormat, type Encoding, type RaggedPolicy } from '../../shared/api/types';
import type { CommandContext } from '../command';
import { addJsonFlag, addWorkspaceFlag, delimiterArg } from '../flags';
import { printJson, shown, table } from '../output';
import { withSession } from '../session';

interface ImportFlags {
  workspace?: string;
  format?: SourceFormat;
  delimiter?: string;
  encoding?: Encoding;
  sheet?: string;
  header?: boolean;
  ragged?: RaggedPolicy;
  name?: string;
  json?: boolean;
}

export function importOptionsFrom(f: ImportFlags): ImportOptions {
  const o: ImportOptions = {};
  if (f.format) o.format = f.format;
  if (f.delimiter !== undefined) o.delimiter = f.delimiter;
  if (f.encoding) o.encoding = f.encoding;
  if (f.sheet !== undefined) o.sheet = f.sheet;
  if (f.header !== undefined) o.header = f.header;
  if (f.ragged) o.ragged = f.ragged;
  if (f.name !== undefined) o.name = f.name;
  return o;
}

export function printImport(ctx: CommandContext, r: ImportResult, workspace: string, file: string): void {
  if (ctx.json) {
    printJson(ctx.io, {
      workspace, file, datasetId: r.datasetId, version: r.version, rows: r.rowCount,
      columns: r.columns.map((c) => ({ id: c.id, header: c.header, type: c.logicalType, storageType: c.storageType, nullCount: c.nullCount, ...(c.path ? { path: c.path } : {}) })),
      warnings: r.warnings, sourceSha256: r.sourceSha256, seconds: r.seconds,
    });
    return;
  }
  const lines = [
    `Imported ${file} as ${r.datasetId} (version ${r.version}) in ${workspace}`,
    `${r.rowCount.toLocaleString('en-US')} rows, ${r.columns.length} columns, ${r.seconds} s, source sha256 ${r.sourceSha256}`,
    '',
    table([['#', 'id', 'header', 'type', 'nulls'], ...r.columns.map((c) => [String(c.position + 1), c.id, shown(c.header), c.logicalType, c.nullCount.toLocaleString('en-US')])]),
  ];
  if (r.warnings.length > 0) lines.push('', 'Warnings:', ...r.warnings.map((w) => `  ${w.code}: ${w.message}`));
  ctx.io.out(`${lines.join('\n')}\n`);
}

export function importCommand(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command('import')
    .description('Import a file as a new dataset. The file is only read, never changed.')
    .argument('<file>', 'a CSV/TSV, JSON, JSONL, Parquet or XLSX file');
  addWorkspaceFlag(cmd, 'the workspace folder, created if missing (default: the default workspace, so the app shows the dataset)');
  cmd
    .addOption(new Option('--format <format>', 'the file format (default: detected)').choices(SOURCE_FORMATS))
    .option('--delimiter <char>', 'CSV field delimiter, e.g. ";" or tab (default: detected)', delimiterArg)
    .addOption(new Option('--encoding <name>', 'text encoding (default: detected)').choices(ENCODINGS))
    .option('--sheet <name>', 'XLSX: the sheet to import (default: the first)')
    .option('--header', 'the first row holds the headers (default: detected)')
    .option('--no-header', 'the first row is data; columns are named column1, column2, …')
    .addOption(new Option('--ragged <policy>', 'rows with the wrong number of fields: abort, pad with empty values, or skip').choices(RAGGED_POLICIES))
    .option('--name <name>', 'the dataset name (default: the file name)');
  addJsonFlag(cmd);
  cmd.action(async (file: string, flags: ImportFlags) => {
    ctx.json = Boolean(flags.json);
    const abs = path.resolve(ctx.io.cwd, file);
    await withSession(ctx.io, { ...(flags.workspace ? { workspace: flags.workspace } : {}), create: true, command: 'import' }, async (s) => {
      const r = (await s.runJob('import.start', { path: abs, options: importOptionsFrom(flags) }, `Importing ${path.basename(abs)}`)) as ImportResult;
      printImport(ctx, r, s.workspaceDir, abs);
    });
  });
}
