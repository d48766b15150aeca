// audit.* and dataset.purge — built by the audit-log work (issue 6).
import type { Handlers } from '../../../shared/api/client';
import { AppError } from '../../../shared/api/result';
import type { Engine } from '../engine';

type Names = 'audit.list' | 'audit.entry' | 'audit.verify' | 'audit.checkpoint' | 'dataset.purge';
const later = (): never => {
  throw new AppError('UNSUPPORTED', 'not built yet');
};
export function auditHandlers(_e: Engine): Pick<Handlers, Names> {
  return { 'audit.list': later, 'audit.entry': later, 'audit.verify': later, 'audit.checkpoint': later, 'dataset.purge': later };
}
