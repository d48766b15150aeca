// The CLI's pieces, in process: exit codes per error code, usage errors, JSON error output,
// flag helpers (repeatable flags, column names), progress lines, error details, source kinds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/cli/command';
import { EXIT, exitCodeFor } from '../../src/cli/exit-codes';
import { delimiterArg, repeatable, resolveColumns } from '../../src/cli/flags';
import { Interrupts, type CliIO } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { errorDetailLines, shown } from '../../src/cli/output';
import { progressLine } from '../../src/cli/progress';
import { classifySource, sweepStaleTempWorkspaces, TEMP_PREFIX } from '../../src/cli/source';
import { AppError, ERROR_CODES, type ErrorCode } from '../../src/shared/api/result';
import type { ColumnInfo, JobInfo } from '../../src/shared/api/types';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-cli-unit-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function fakeIO(): CliIO & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (io.stdout += t),
    err: (t: string) => void (io.stderr += t),
    errIsTTY: false,
    env: {},
    cwd: scratch,
    interrupts: new Interrupts(),
  };
  return io;
}

/** A command that throws what it is told to, for exercising the exit-code path. */
const thrower = (err: unknown) => (program: Command, ctx: CommandContext) => {
  program
    .command('boom')
    .option('--json')
    .option('--count <n>', 'a number', (v) => Number(v))
    .action((flags: { json?: boolean }) => {
      ctx.json = Boolean(flags.json);
      throw err;
    });
};

describe('exit codes', () => {
  const expected: Record<ErrorCode, number> = {
    INVALID_ARGUMENT: 2, NOT_FOUND: 2, ALREADY_EXISTS: 2, FILE_UNREADABLE: 2, BAD_FILE: 2, RAGGED_ROWS: 2, UNSUPPORTED: 2,
    LIMIT_EXCEEDED: 2, WORKSPACE_LOCKED: 2, WORKSPACE_INCOMPATIBLE: 2, OUTSIDE_ROOTS: 2, BUSY: 2, POLICY_INVALID: 2, POLICY_COLUMN_MISSING: 2,
    FORBIDDEN: 2, UNAUTHENTICATED: 2, CANCELLED: 130, VERIFICATION_FAILED: 3, INTERNAL: 1,
  };
  it.each(ERROR_CODES.map((c) => [c, expected[c]] as const))('%s → %i', (code, exit) => {
    expect(exitCodeFor(code)).toBe(exit);
  });

  it.each([
    ['an AppError', new AppError('BAD_FILE', '/x.csv: line 3: broken', { file: '/x.csv', line: 3 }), 2, 'sanitizer: /x.csv: line 3: broken\n'],
    ['a verification failure', new AppError('VERIFICATION_FAILED', 'manifest.json: digest of out.csv differs'), 3, 'sanitizer: manifest.json: digest of out.csv differs\n'],
    ['a plain Error (a bug)', new Error('undefined is not a function'), 1, 'sanitizer: undefined is not a function\n'],
    ['a cancellation', new AppError('CANCELLED', 'interrupted'), 130, 'sanitizer: interrupted\n'],
  ])('maps %s through runCli', async (_name, err, code, stderr) => {
    const io = fakeIO();
    expect(await runCli(['boom'], io, [thrower(err)])).toBe(code);
    expect(io.stderr).toBe(stderr);
    expect(io.stdout).toBe('');
  });

  it('prints exactly one JSON object for an error under --json', async () => {
    const io = fakeIO();
    expect(await runCli(['boom', '--json'], io, [thrower(new AppError('NOT_FOUND', 'There is no dataset d9.'))])).toBe(2);
    expect(JSON.parse(io.stdout)).toEqual({ error: { code: 'NOT_FOUND', message: 'There is no dataset d9.' }, exitCode: 2 });
  });

  it.each([
    [['boom', '--nope'], 2, "sanitizer: unknown option '--nope'"],
    [['nope'], 2, "sanitizer: unknown command 'nope'"],
    [['boom', '--count'], 2, "sanitizer: option '--count <n>' argument missing"],
    [[], 2, 'Usage: sanitizer'],
  ])('usage error %j → %i', async (args, code, stderr) => {
    const io = fakeIO();
    expect(await runCli(args, io, [thrower(new Error('not reached'))])).toBe(code);
    expect(io.stderr).toContain(stderr);
  });

  it.each([[['--help']], [['-V']], [['import', '--help']], [['export', '--help']], [['help', 'log']]])('%j → 0 with output on stdout', async (args) => {
    const io = fakeIO();
    expect(await runCli(args, io)).toBe(EXIT.ok);
    expect(io.stdout.length).toBeGreaterThan(0);
    expect(io.stderr).toBe('');
  });

  it('says in --help which workspace import uses without --workspace', async () => {
    const io = fakeIO();
    await runCli(['import', '--help'], io);
    expect(io.stdout.replace(/\s+/g, ' ')).toContain('default: the default workspace, so the app shows the dataset');
  });
});

describe('flag helpers', () => {
  it('collects repeatable flags in order', () => {
    expect(['a', '', 'a', 'B'].reduce<string[] | undefined>((acc, v) => repeatable(v, acc), undefined)).toEqual(['a', '', 'a', 'B']);
  });

  it.each([
    ['\\t', '\t'],
    ['tab', '\t'],
    ['TAB', '\t'],
    ['semicolon', ';'],
    [';', ';'],
    ['|', '|'],
  ])('delimiter %j → %j', (given, expected) => {
    expect(delimiterArg(given)).toBe(expected);
  });

  const columns = ['id', 'Name', '', 'dup', 'dup', '"; DROP TABLE x; --', 'NAME'].map(
    (header, i) => ({ id: `c${i + 1}`, header, position: i, logicalType: 'text', storageType: 'VARCHAR', nullCount: 0 }) as ColumnInfo,
  );
  it.each([
    [['Name'], [], ['c2']],
    [['NAME', 'Name'], [], ['c7', 'c2']],
    [[''], [], ['c3']],
    [['"; DROP TABLE x; --'], [], ['c6']],
    [[], ['c5', 'c4'], ['c5', 'c4']],
  ])('resolves names %j and ids %j', (names, ids, expected) => {
    expect(resolveColumns(columns, names, ids).map((c) => c.id)).toEqual(expected);
  });
  it.each([
    [['dup'], [], 'names 2 columns (c4 at position 4, c5 at position 5); name one with --column-id'],
    [['name'], [], 'No column has the header "name". Did you mean "Name" or "NAME"?'],
    [['id '], [], 'Did you mean "id"?'],
    [[], ['c99'], 'No column has the id "c99"'],
  ])('refuses names %j and ids %j', (names, ids, message) => {
    expect(() => resolveColumns(columns, names, ids)).toThrow(message);
  });
});

describe('output', () => {
  const job = (p: Partial<JobInfo>): JobInfo => ({
    id: 'j1', kind: 'import', label: 'x', state: 'running', stage: 'loading', done: 0, total: null, unit: 'bytes', rowsPerSecond: null,
    etaSeconds: null, startedAt: '', finishedAt: null, error: null, result: null, ...p,
  });
  it.each([
    [job({}), 'loading'],
    [job({ done: 50, total: 200 }), 'loading · 25%'],
    [job({ done: 1, total: 3, rowsPerSecond: 1234567, etaSeconds: 75 }), 'loading · 33% · 1,234,567 rows/s · ETA 1m15s'],
    [job({ done: 9, total: 10, etaSeconds: 4.2 }), 'loading · 90% · ETA 5s'],
  ])('progress line %#', (j, line) => {
    expect(progressLine(j)).toBe(line);
  });

  it.each([
    [{ code: 'RAGGED_ROWS' as const, message: '/f.csv: 2 rows have …; the first is line 3.', details: { file: '/f.csv', line: 3, firstLines: [{ line: 3, text: 'a,b,c' }, { line: 9, text: 'x' }] } }, ['line 3: a,b,c', 'line 9: x']],
    [{ code: 'BAD_FILE' as const, message: 'broken', details: { file: '/g.json', line: 4, byteOffset: 20 } }, ['file /g.json, line 4, byte offset 20']],
    [{ code: 'NOT_FOUND' as const, message: 'no dataset' }, []],
  ])('error details %#', (e, lines) => {
    expect(errorDetailLines(e)).toEqual(lines);
  });

  it.each([
    ['plain', 'plain'],
    ['', '""'],
    [' lead', '" lead"'],
    ['tab\there', '"tab\\there"'],
  ])('shows header %j as %s', (h, s) => {
    expect(shown(h)).toBe(s);
  });
});

describe('sources', () => {
  it.each([
    ['d12', { kind: 'dataset', datasetId: 'd12' }],
    ['D12', 'NOT_FOUND'],
    ['missing.csv', 'NOT_FOUND'],
  ])('classifies %j', (arg, expected) => {
    if (typeof expected === 'string') {
      expect(() => classifySource(arg, scratch)).toThrow(expect.objectContaining({ code: expected }));
    } else {
      expect(classifySource(arg, scratch)).toEqual(expected);
    }
  });

  it('takes an existing file as a file, and refuses a name that is both', () => {
    fs.writeFileSync(path.join(scratch, 'data.csv'), 'a\n1\n');
    fs.writeFileSync(path.join(scratch, 'd7'), 'a\n1\n');
    expect(classifySource('data.csv', scratch)).toEqual({ kind: 'file', path: path.join(scratch, 'data.csv') });
    expect(() => classifySource('d7', scratch)).toThrow('write ./d7 for the file');
    expect(classifySource('./d7', scratch)).toEqual({ kind: 'file', path: path.join(scratch, 'd7') });
  });

  it('sweeps temporary workspaces whose process is gone, and keeps live ones', () => {
    const root = fs.mkdtempSync(path.join(scratch, 'tmp-'));
    const make = (name: string, pid: number | null) => {
      const ws = path.join(root, name, 'ws');
      fs.mkdirSync(ws, { recursive: true });
      if (pid !== null) fs.writeFileSync(path.join(ws, 'workspace.lock'), JSON.stringify({ pid }));
    };
    make(`${TEMP_PREFIX}dead`, 2 ** 22 + 12345);
    make(`${TEMP_PREFIX}live`, process.pid);
    make(`${TEMP_PREFIX}young`, null);
    make('unrelated', 2 ** 22 + 12345);
    expect(sweepStaleTempWorkspaces(root)).toEqual([path.join(root, `${TEMP_PREFIX}dead`)]);
    expect(fs.readdirSync(root).sort()).toEqual([`${TEMP_PREFIX}live`, `${TEMP_PREFIX}young`, 'unrelated']);
  });
});
