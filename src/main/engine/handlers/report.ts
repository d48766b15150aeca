// report.* — a run's compliance report: its model, and the HTML, PDF or JSON file (issue 7).
import type { Handlers } from '../../../shared/api/client';
import { AppError } from '../../../shared/api/result';
import type { Engine } from '../engine';

// PLACEHOLDER (issue 7 in progress): replaced by the report helper before this lands.
export function reportHandlers(e: Engine): Pick<Handlers, 'report.model' | 'report.write'> {
  void e;
  const todo = (): never => {
    throw new AppError('UNSUPPORTED', 'reports are being built');
  };
  return { 'report.model': async () => todo(), 'report.write': async () => todo() };
}
