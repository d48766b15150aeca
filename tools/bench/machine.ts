// What the figures were measured on: CPU, cores, memory, OS, Node, DuckDB, and how busy it was.
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import os from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  duckdb: string;
  /** 1-minute load average when the run started and ended (Linux/macOS). */
  load: [number, number];
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(fs.readFileSync('/etc/os-release', 'utf8'));
    if (pretty?.[1]) return `${pretty[1]} (${os.type()} ${os.release()})`;
  } catch {
    // Not Linux: fall through to what Node knows.
  }
  return `${os.type()} ${os.release()}`;
}

async function duckdbVersion(): Promise<string> {
  const db = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  try {
    const conn = await db.connect();
    const v = (await conn.runAndReadAll('SELECT version() AS v')).getRowObjects()[0]?.v;
    conn.closeSync();
    return String(v ?? 'unknown');
  } finally {
    db.closeSync();
  }
}

export async function describeMachine(loadAtStart: number): Promise<Machine> {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: osName(),
    node: process.version,
    duckdb: await duckdbVersion(),
    load: [loadAtStart, os.loadavg()[0] ?? 0],
  };
}
