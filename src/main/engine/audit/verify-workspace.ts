// Verifies a workspace's audit log: streams every entry through the chain verifier in sequence
// order and checks every stored checkpoint, plus one an auditor holds in a file.
import fs from 'node:fs';
import type { AuditVerifyResult, Checkpoint } from '../../../shared/api/governance-types';
import { AppError } from '../../../shared/api/result';
import { readErrorWords } from '../../../shared/read-error';
import type { Database } from '../db/database';
import { storedCheckpoints, workspaceId } from './checkpoint';
import { parseCheckpoint } from './checkpoint-sign';
import { readAllEntries } from './entries';
import { ChainVerifier } from './verify';

export function readCheckpointFile(file: string): Checkpoint {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new AppError('FILE_UNREADABLE', `Cannot read the checkpoint file ${file}: ${readErrorWords(err)}.`, { file });
  }
  return parseCheckpoint(text, file);
}

export async function verifyWorkspaceLog(db: Database, opts: { checkpointFile?: string | undefined; chunk?: number } = {}): Promise<AuditVerifyResult> {
  const held = opts.checkpointFile ? readCheckpointFile(opts.checkpointFile) : null;
  const checkpoints = [
    ...(await storedCheckpoints(db)).map((checkpoint) => ({ checkpoint, source: 'stored in the workspace' })),
    ...(held ? [{ checkpoint: held, source: `held in ${opts.checkpointFile}` }] : []),
  ];
  const v = new ChainVerifier(checkpoints.map((c) => c.checkpoint.seq));
  for await (const chunk of readAllEntries(db, opts.chunk)) for (const e of chunk) v.add(e);
  return v.finish(checkpoints, await workspaceId(db));
}
