// bundle.write / bundle.verify — evidence bundles (issue 7).
import type { Handlers } from '../../../shared/api/client';
import { AppError } from '../../../shared/api/result';
import type { Engine } from '../engine';

// PLACEHOLDER (issue 7 in progress): replaced by the bundle helper before this lands.
export function bundleHandlers(e: Engine): Pick<Handlers, 'bundle.write' | 'bundle.verify'> {
  void e;
  const todo = (): never => {
    throw new AppError('UNSUPPORTED', 'bundles are being built');
  };
  return { 'bundle.write': async () => todo(), 'bundle.verify': async () => todo() };
}
