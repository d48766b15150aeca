// Takes a workspace back from format 9 to format 8 by hand (what migration 8 → 9 adds is removed),
// for tests that rebuild an older format to exercise an earlier migration.
import type { DuckDBConnection } from '@duckdb/node-api';
import { table } from '../../src/main/engine/db/sql';

export async function undoGovernance(c: DuckDBConnection): Promise<void> {
  for (const col of ['payload_digest', 'prev_hash', 'hash', 'signer', 'signature']) await c.run(`ALTER TABLE ${table.eventLog} DROP COLUMN ${col}`);
  await c.run(`CREATE TEMP TABLE p8 AS SELECT policy_id, version, name, doc, sha256, saved_at, saved_by FROM ${table.policy} QUALIFY row_number() OVER (PARTITION BY policy_id, version ORDER BY revision DESC) = 1`);
  await c.run(`DROP TABLE ${table.policy}`);
  await c.run(`CREATE TABLE ${table.policy} (policy_id VARCHAR NOT NULL, version INTEGER NOT NULL, name VARCHAR NOT NULL, doc JSON NOT NULL, sha256 VARCHAR NOT NULL, saved_at TIMESTAMPTZ NOT NULL, saved_by VARCHAR NOT NULL, PRIMARY KEY (policy_id, version))`);
  await c.run(`INSERT INTO ${table.policy} SELECT * FROM p8`);
  await c.run('DROP TABLE p8');
  for (const x of [table.policyTransition, table.identityKey, table.checkpoint]) await c.run(`DROP TABLE ${x}`);
  for (const col of ['key_generation', 'key_fingerprint']) await c.run(`ALTER TABLE ${table.run} DROP COLUMN ${col}`);
  for (const col of ['purged_at', 'purged_by']) await c.run(`ALTER TABLE ${table.version} DROP COLUMN ${col}`);
  await c.run(`DELETE FROM ${table.meta} WHERE key IN ('workspace_id', 'key_generation')`);
}
