// risk.* — k-anonymity over quasi-identifiers as a job. (Being built: issue 4.)
import type { Handlers } from '../../../shared/api/client';
import { AppError } from '../../../shared/api/result';
import type { Engine } from '../engine';

export function riskHandlers(_e: Engine): Pick<Handlers, 'risk.start'> {
  return {
    'risk.start': () => {
      throw new AppError('UNSUPPORTED', 'Risk measurement is not available in this build yet.');
    },
  };
}
