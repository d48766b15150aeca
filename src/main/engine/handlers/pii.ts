// pii.* — scan a version for personal data as a job, read its summary and findings, record review
// decisions, export findings. (Being built: issue 4.)
import type { Handlers } from '../../../shared/api/client';
import { AppError } from '../../../shared/api/result';
import type { Engine } from '../engine';

type PiiMethods = 'pii.start' | 'pii.summary' | 'pii.findings' | 'pii.decide' | 'pii.export';

export function piiHandlers(_e: Engine): Pick<Handlers, PiiMethods> {
  const notYet = (): never => {
    throw new AppError('UNSUPPORTED', 'PII scanning is not available in this build yet.');
  };
  return { 'pii.start': notYet, 'pii.summary': notYet, 'pii.findings': notYet, 'pii.decide': notYet, 'pii.export': notYet };
}
