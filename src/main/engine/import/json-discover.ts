// Finds the union schema of every record in a raw JSON table (one JSON value per row, rowid =
// record index) with DuckDB, one nesting level at a time: the keys of each object path (in order
// of first occurrence, noting objects that repeat a key) and the kinds each key holds. Measured
// on 200k 15-key records: json_structure 2.6 s CPU (and it merges repeated keys silently and
// cannot tell an empty object from a mix of types); key sets + json_type lists 1.1 s. Each JSON
// function parses the record again, so one pass computing both types and keys for a level cost
// more than two passes (json_keys on paths that are mostly scalars is wasted).
import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '../../../shared/api/result';
import { num } from '../db/database';
import { ident } from '../db/sql';
import { runTracked } from '../db/tracked';
import type { JobContext } from '../jobs/jobs';
import { MAX_COLUMNS, MAX_FLATTEN_DEPTH, childNode, kindFromDuckdb, newNode, observe, pointer, type SchemaNode } from './json-schema';

export interface Discovery {
  root: SchemaNode;
  records: number;
  /** The first record that is not an object: its index and DuckDB type. */
  notObject: { index: number; type: string } | null;
  /** JSON pointers of object paths where some object repeats a key. */
  repeatedKeyPaths: string[];
}

interface Parent {
  node: SchemaNode;
  storagePath: string[];
}

const ptr = (storagePath: string[]): string => (storagePath.length === 0 ? '$' : pointer(storagePath));

export async function discoverSchema(conn: DuckDBConnection, job: JobContext, raw: string, file: string): Promise<Discovery> {
  const head = (
    await (await runTracked(conn, job, `SELECT count(*) AS n, min(rowid) FILTER (WHERE json_type(json) <> 'OBJECT') AS bad FROM ${ident(raw)}`)).getRowObjects()
  )[0];
  const records = num(head?.n);
  const root = newNode('');
  observe(root, 'object', records);
  if (head?.bad !== null && head?.bad !== undefined) {
    const bad = num(head.bad);
    const t = (await (await conn.run(`SELECT json_type(json) AS t FROM ${ident(raw)} WHERE rowid = $r`, { r: bad })).getRowObjects())[0];
    return { root, records, notObject: { index: bad, type: String(t?.t ?? 'unknown') }, repeatedKeyPaths: [] };
  }
  const repeatedKeyPaths: string[] = [];
  let parents: Parent[] = [{ node: root, storagePath: [] }];
  let keys = 0;
  while (parents.length > 0) {
    const children = await discoverKeys(conn, job, raw, parents, repeatedKeyPaths);
    keys += children.length;
    if (keys > MAX_COLUMNS) {
      throw new AppError(
        'LIMIT_EXCEEDED',
        `${file}: the records hold more than ${MAX_COLUMNS} different keys; this looks like a map keyed by data (ids, dates) rather than records with fields, and would make as many columns.`,
        { file },
      );
    }
    if (children.length === 0) break;
    await discoverKinds(conn, job, raw, children);
    parents = children.filter((c) => {
      const kinds = [...c.node.kinds.keys()].filter((k) => k !== 'null');
      return kinds.length === 1 && kinds[0] === 'object' && c.storagePath.length < MAX_FLATTEN_DEPTH;
    });
  }
  return { root, records, notObject: null, repeatedKeyPaths };
}

/** Beyond this many distinct key sets, grouping by key set costs more than unnesting keys. */
const MAX_KEY_SETS = 20_000;

/**
 * The keys under each parent path, in order of first occurrence. Grouping rows by their list of
 * key lists is cheap (one short list per row); unnesting every key of every row cost 20× more
 * on 14-key records, so that is only the fallback for files whose records vary wildly.
 */
async function discoverKeys(conn: DuckDBConnection, job: JobContext, raw: string, parents: Parent[], repeated: string[]): Promise<Parent[]> {
  const paths = parents.map((p) => ptr(p.storagePath));
  const sets = await (
    await runTracked(
      conn,
      job,
      `SELECT kss, min(rid) AS fst FROM (SELECT rowid AS rid, json_keys(json, $paths) AS kss FROM ${ident(raw)}) GROUP BY kss ORDER BY fst LIMIT ${MAX_KEY_SETS + 1}`,
      { paths: listValue(paths) },
    )
  ).getRowsJson();
  const found: { pi: number; key: string }[] = [];
  if (sets.length <= MAX_KEY_SETS) {
    const seen = parents.map(() => new Set<string>());
    for (const [kss] of sets) {
      (kss as (string[] | null)[]).forEach((ks, pi) => {
        if (!ks) return;
        if (new Set(ks).size !== ks.length && !repeated.includes(paths[pi]!)) repeated.push(paths[pi]!);
        for (const key of ks) {
          if (seen[pi]!.has(key)) continue;
          seen[pi]!.add(key);
          found.push({ pi, key });
        }
      });
    }
  } else {
    found.push(...(await unnestKeys(conn, job, raw, paths, repeated)));
  }
  return found
    .sort((a, b) => a.pi - b.pi)
    .map(({ pi, key }) => ({ node: childNode(parents[pi]!.node, key), storagePath: [...parents[pi]!.storagePath, key] }));
}

async function unnestKeys(conn: DuckDBConnection, job: JobContext, raw: string, paths: string[], repeated: string[]): Promise<{ pi: number; key: string }[]> {
  const rows = await (
    await runTracked(
      conn,
      job,
      `SELECT pi, k, min(rid) AS fst, arg_min(pos, rid) AS fpos, bool_or(rep) AS rep FROM (
         SELECT rid, pi, unnest(ks) AS k, unnest(range(len(ks))) AS pos, len(ks) <> len(list_distinct(ks)) AS rep FROM (
           SELECT rid, unnest(range(len(kss))) AS pi, unnest(kss) AS ks FROM (
             SELECT rowid AS rid, json_keys(json, $paths) AS kss FROM ${ident(raw)})))
       GROUP BY pi, k ORDER BY pi, fst, fpos LIMIT ${MAX_COLUMNS + 1}`,
      { paths: listValue(paths) },
    )
  ).getRowObjects();
  return rows.map((r) => {
    const pi = num(r.pi);
    if (r.rep === true && !repeated.includes(paths[pi]!)) repeated.push(paths[pi]!);
    return { pi, key: String(r.k) };
  });
}

async function discoverKinds(conn: DuckDBConnection, job: JobContext, raw: string, children: Parent[]): Promise<void> {
  const rows = await (
    await runTracked(
      conn,
      job,
      `SELECT ci, t, count(*) AS n FROM (
         SELECT unnest(range(len(ts))) AS ci, unnest(ts) AS t FROM (SELECT json_type(json, $paths) AS ts FROM ${ident(raw)}))
       WHERE t IS NOT NULL GROUP BY ci, t`,
      { paths: listValue(children.map((c) => ptr(c.storagePath))) },
    )
  ).getRowObjects();
  for (const r of rows) observe(children[num(r.ci)]!.node, kindFromDuckdb(String(r.t)), num(r.n));
}

/** The next rows (after rowid `after`) of the raw table whose objects repeat a key at one of these paths. */
export async function rowsWithRepeatedKeys(
  conn: DuckDBConnection,
  job: JobContext,
  raw: string,
  paths: string[],
  after: number,
  limit: number,
): Promise<{ rid: number; json: string }[]> {
  const rows = await (
    await runTracked(
      conn,
      job,
      `SELECT rid, json FROM (SELECT rowid AS rid, json, json_keys(json, $paths) AS kss FROM ${ident(raw)} WHERE rowid > $after)
       WHERE list_bool_or(list_transform(kss, ks -> len(ks) <> len(list_distinct(ks)))) ORDER BY rid LIMIT ${limit}`,
      { paths: listValue(paths), after },
    )
  ).getRowObjects();
  return rows.map((r) => ({ rid: num(r.rid), json: String(r.json) }));
}
