// Logical types for an import preview: the preview rows go into a scratch (in-memory) table and
// through the same SQL the real import uses, so preview and import agree.
import type { LogicalType } from '../../../shared/api/types';
import { SCRATCH, ident, qualified } from '../db/sql';
import type { Workspace } from '../workspace/workspace';
import { analyseColumns } from './column-stats';
import { columnId } from './loader';

let previewSeq = 0;

export async function previewTypes(ws: Workspace, width: number, rows: (string | null)[][]): Promise<LogicalType[]> {
  if (width === 0) return [];
  const name = `preview_${process.pid}_${++previewSeq}`;
  const ids = Array.from({ length: width }, (_, i) => columnId(i));
  const ref = qualified(SCRATCH, 'main', name);
  return ws.db.with(async (conn) => {
    await conn.run(`CREATE TABLE ${ref} (${ids.map((id) => `${ident(id)} VARCHAR`).join(', ')})`);
    try {
      if (rows.length > 0) {
        const appender = await conn.createAppender(name, 'main', SCRATCH);
        for (const r of rows) {
          for (let i = 0; i < width; i++) {
            const v = r[i];
            if (v === undefined || v === null || v === '') appender.appendNull();
            else appender.appendVarchar(v);
          }
          appender.endRow();
        }
        appender.closeSync();
      }
      const facts = await analyseColumns(conn, { catalog: SCRATCH, name }, ids);
      return ids.map((id) => facts.get(id)?.logicalType ?? 'text');
    } finally {
      await conn.run(`DROP TABLE IF EXISTS ${ref}`);
    }
  });
}
