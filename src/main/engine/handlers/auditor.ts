// Auditor mode: open a bundle without any workspace, browse it, check files against it; the
// auditor's trusted signers (issue 7).
import type { Handlers } from '../../../shared/api/client';
import { AppError } from '../../../shared/api/result';
import type { Engine } from '../engine';

type AuditorMethods = 'bundle.open' | 'bundle.close' | 'bundle.readText' | 'bundle.ledger' | 'bundle.findings' | 'bundle.checkFile' | 'trust.list' | 'trust.add' | 'trust.remove';

// PLACEHOLDER (issue 7 in progress): replaced by the auditor-mode helper before this lands.
export function auditorHandlers(e: Engine): Pick<Handlers, AuditorMethods> {
  void e;
  const todo = (): never => {
    throw new AppError('UNSUPPORTED', 'auditor mode is being built');
  };
  return {
    'bundle.open': async () => todo(),
    'bundle.close': async () => todo(),
    'bundle.readText': async () => todo(),
    'bundle.ledger': async () => todo(),
    'bundle.findings': async () => todo(),
    'bundle.checkFile': async () => todo(),
    'trust.list': async () => todo(),
    'trust.add': async () => todo(),
    'trust.remove': async () => todo(),
  };
}
