// `sanitizer export <dataset|file> --out FILE`: writes a dataset version (or a file, converted
// through a temporary workspace) as CSV (--delimiter, --quote, --encoding, --bom), Parquet, JSONL,
// JSON (nested keys restored) or XLSX, atomically; an existing file is replaced only with --force.
import path from 'node:path';
import { Option, type Command } from 'commander';
import { CSV_ENCODINGS, CSV_QUOTING, EXPORT_FORMATS, type CsvEncoding, type CsvQuoting, type ExportFormat, type ExportResult } from '../../shared/api/types';
import type { CommandContext } from '../command';
import { addJsonFlag, addWorkspaceFlag, delimiterArg, positiveInt } from '../flags';
import { printJson } from '../output';
import { withSource } from '../source';

interface ExportFlags {
  out: string;
  workspace?: string;
  version?: number;
  format?: ExportFormat;
  force?: boolean;
  formulaEscape: boolean;
  delimiter?: string;
  quote?: CsvQuoting;
  encoding?: CsvEncoding;
  bom?: boolean;
  json?: boolean;
}

const size = (n: number) => (n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 ** 2).toFixed(1)} MiB`);

export function exportCommand(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command('export')
    .description('Write a dataset to a file (CSV, Parquet, JSONL, JSON or XLSX, from the extension). Written to a temp file, then moved into place: never half-written, never replacing a file without --force.')
    .argument('<dataset|file>', 'a dataset id (d12), or a file to convert (imported into a temporary workspace, deleted afterwards, unless --workspace is given)')
    .requiredOption('--out <file>', 'the file to write: .csv, .parquet, .jsonl/.ndjson, .json (one array, nested keys restored) or .xlsx');
  addWorkspaceFlag(cmd);
  cmd
    .option('--version <n>', 'the dataset version (default: the latest)', positiveInt('--version'))
    .addOption(new Option('--format <format>', 'the format, when the file name does not say').choices(EXPORT_FORMATS))
    .option('--force', 'overwrite the file if it exists')
    .option('--delimiter <d>', 'CSV: comma (default), semicolon, tab, pipe, or one ASCII character', delimiterArg)
    .addOption(new Option('--quote <how>', 'CSV: quote fields only when needed (minimal, default) or every value (all)').choices(CSV_QUOTING))
    .addOption(new Option('--encoding <name>', 'CSV: utf-8 (default), utf-16le or windows-1252 (a character it cannot hold is an error naming row and column)').choices(CSV_ENCODINGS))
    .option('--bom', 'CSV: start with a byte-order mark (default: on for utf-16le, off for utf-8)')
    .option('--no-bom', 'CSV: no byte-order mark')
    .option('--no-formula-escape', 'CSV/XLSX: keep text cells starting with = + - @ tab or CR as they are (by default they get a leading \' so spreadsheets do not run them as formulas)');
  addJsonFlag(cmd);
  cmd.action(async (source: string, flags: ExportFlags) => {
    ctx.json = Boolean(flags.json);
    const out = path.resolve(ctx.io.cwd, flags.out);
    await withSource(ctx.io, source, { ...(flags.workspace ? { workspace: flags.workspace } : {}), command: 'export' }, async ({ session, datasetId, temporary }) => {
      // The version is fixed first, so the output and the report name the same one.
      const version = (await session.call('dataset.get', { datasetId, ...(flags.version ? { version: flags.version } : {}) })).version.version;
      const csv = { delimiter: flags.delimiter, quote: flags.quote, encoding: flags.encoding, bom: flags.bom };
      const csvAsked = Object.values(csv).some((v) => v !== undefined);
      const r = (await session.runJob(
        'export.start',
        {
          datasetId, version, path: out, force: Boolean(flags.force), formulaEscape: flags.formulaEscape,
          ...(flags.format ? { format: flags.format } : {}),
          ...(csvAsked ? { csv: Object.fromEntries(Object.entries(csv).filter(([, v]) => v !== undefined)) } : {}),
        },
        `Exporting to ${path.basename(out)}`,
      )) as ExportResult;
      if (ctx.json) {
        printJson(ctx.io, { ...r, datasetId, version, workspace: temporary ? null : session.workspaceDir });
        return;
      }
      // Asked-for CSV options are named, so the line says how to read the file back.
      const how = csvAsked && r.csv ? ` (${r.csv.encoding}${r.csv.bom ? ' with BOM' : ''}, delimiter ${JSON.stringify(r.csv.delimiter)}, quote ${r.csv.quote})` : '';
      ctx.io.out(`Exported ${temporary ? source : `${datasetId} version ${version}`} to ${r.path}\n${r.format}${how}, ${r.rows.toLocaleString('en-US')} rows, ${size(r.bytes)}, sha256 ${r.sha256}\n`);
    });
  });
}
