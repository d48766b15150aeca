// From the scan's findings per distinct value to what the summary and the findings carry: each
// column's class from the sampled values (classify.ts), the class's effect written onto every
// finding of the column, and the per-column and per-entity counts over every row.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnEntity, EntityType } from '../../../../shared/api/pii-types';
import { num } from '../../db/database';
import { SCRATCH, ident, literal, qualified } from '../../db/sql';
import { classifyColumn, columnEffect, type ColumnClass, type EntitySample } from './classify';
import type { ScanColumn } from './scan-values';
import type { ScanScratch } from './scratch';

async function rows(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql)).getRowObjects() as Record<string, unknown>[];
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Each column's class from its sampled values (those with ns > 0), by position. */
export async function classifyColumns(conn: DuckDBConnection, columns: ScanColumn[], s: ScanScratch): Promise<Map<number, ColumnClass>> {
  const out = new Map<number, ColumnClass>();
  for (const c of columns) {
    const pos = c.info.position;
    const vals = s.values(pos);
    const shape = (await rows(conn, `SELECT coalesce(sum(ns), 0) AS n, coalesce(sum(ns * len(regexp_split_to_array(trim(v), '\\s+'))), 0) AS words FROM ${vals} WHERE ns > 0`))[0];
    const nonMissing = num(shape?.n);
    const perEntity = await rows(
      conn,
      `SELECT entity, sum(ns) FILTER (WHERE whole) AS whole, sum(ns) AS "any", coalesce(sum(ns * conf) FILTER (WHERE whole) / sum(ns) FILTER (WHERE whole), 0) AS conf
       FROM (SELECT f.vid, f.entity, bool_or(f.whole) AS whole, max(f.confidence) FILTER (WHERE f.whole) AS conf, any_value(v.ns) AS ns
             FROM ${s.findings} f JOIN (SELECT rowid AS vid, ns FROM ${vals} WHERE ns > 0) v ON f.vid = v.vid WHERE f.col_pos = ${pos} GROUP BY f.vid, f.entity)
       GROUP BY entity`,
    );
    const entities: EntitySample[] = perEntity.map((r) => ({ entity: String(r.entity) as EntityType, whole: num(r.whole), any: num(r.any), wholeConfidence: Number(r.conf ?? 0) }));
    out.set(pos, classifyColumn({ header: c.info.header, nonMissing, meanWords: nonMissing > 0 ? num(shape?.words) / nonMissing : 0, entities }));
  }
  return out;
}

/** Writes each column class's effect onto its findings: confidence moved (within [0.01, 1]) and explained. */
export async function applyColumnEffects(conn: DuckDBConnection, columns: ScanColumn[], classes: Map<number, ColumnClass>, s: ScanScratch): Promise<void> {
  await conn.run(`CREATE TABLE ${s.effects} (col_pos INTEGER, entity VARCHAR, delta DOUBLE, "text" VARCHAR)`);
  const seen = await rows(conn, `SELECT DISTINCT col_pos, entity FROM ${s.findings}`);
  const values: string[] = [];
  for (const r of seen) {
    const c = columns.find((x) => x.info.position === num(r.col_pos));
    const cls = c ? classes.get(c.info.position) : undefined;
    if (!c || !cls) continue;
    const e = columnEffect(cls, c.info.header, String(r.entity) as EntityType);
    if (e) values.push(`(${c.info.position}, ${literal(String(r.entity))}, ${e.delta}, ${literal(e.text)})`);
  }
  if (values.length === 0) return;
  await conn.run(`INSERT INTO ${s.effects} VALUES ${values.join(', ')}`);
  // A new table rather than an UPDATE: an UPDATE of millions of explanations keeps its undo data
  // in memory and ran out of it under a 1 GB limit (1M rows, 3.5M value findings); a CREATE … AS
  // streams and spills.
  const moved = `${s.findingsName}_effects_applied`;
  await conn.run(
    `CREATE TABLE ${qualified(SCRATCH, 'main', moved)} AS
     SELECT f.col_pos, f.vid, f.idx, f.whole, f.entity, f."start", f."end",
       CASE WHEN e.delta IS NULL THEN f.confidence ELSE round(greatest(0.01, least(1, f.confidence + e.delta)), 2) END AS confidence,
       f.recogniser,
       CASE WHEN e.delta IS NULL THEN f.explanation
         ELSE json_merge_patch(f.explanation, json_object('column', e."text", 'score', json_object('column', e.delta)))::VARCHAR END AS explanation
     FROM ${s.findings} f LEFT JOIN ${s.effects} e ON f.col_pos = e.col_pos AND f.entity = e.entity`,
  );
  try {
    await conn.run(`DROP TABLE ${s.findings}`);
    await conn.run(`ALTER TABLE ${qualified(SCRATCH, 'main', moved)} RENAME TO ${ident(s.findingsName)}`);
  } finally {
    await conn.run(`DROP TABLE IF EXISTS ${qualified(SCRATCH, 'main', moved)}`);
  }
}

export interface ColumnCounts {
  nonMissing: number;
  entities: ColumnEntity[];
}

/** Over every row: non-missing cells, and per entity the cells holding it and their findings' mean confidence. */
export async function countColumn(conn: DuckDBConnection, pos: number, s: ScanScratch): Promise<ColumnCounts> {
  const vals = s.values(pos);
  const nonMissing = num((await rows(conn, `SELECT coalesce(sum(n), 0) AS n FROM ${vals}`))[0]?.n);
  const per = await rows(
    conn,
    `SELECT entity, sum(n) AS cells, sum(n * conf) / sum(n) AS conf, sum(n * k) AS findings
     FROM (SELECT f.vid, f.entity, avg(f.confidence) AS conf, count(*) AS k, any_value(v.n) AS n
           FROM ${s.findings} f JOIN (SELECT rowid AS vid, n FROM ${vals}) v ON f.vid = v.vid WHERE f.col_pos = ${pos} GROUP BY f.vid, f.entity)
     GROUP BY entity ORDER BY cells DESC, entity`,
  );
  return {
    nonMissing,
    entities: per.map((r) => ({ entity: String(r.entity) as EntityType, cells: num(r.cells), share: nonMissing > 0 ? round2(num(r.cells) / nonMissing) : 0, confidence: round2(Number(r.conf)) })),
  };
}

/** Findings (one per row, column and span) per entity, over every row. */
export async function countFindings(conn: DuckDBConnection, columns: ScanColumn[], s: ScanScratch): Promise<Map<EntityType, number>> {
  const out = new Map<EntityType, number>();
  for (const c of columns) {
    const pos = c.info.position;
    const r = await rows(conn, `SELECT f.entity, sum(v.n) AS k FROM ${s.findings} f JOIN (SELECT rowid AS vid, n FROM ${s.values(pos)}) v ON f.vid = v.vid WHERE f.col_pos = ${pos} GROUP BY f.entity`);
    for (const x of r) out.set(String(x.entity) as EntityType, (out.get(String(x.entity) as EntityType) ?? 0) + num(x.k));
  }
  return out;
}
