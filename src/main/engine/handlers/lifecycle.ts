// policy.versions / diff / transition / queue / approval — built by the lifecycle work (issue 6).
import type { Handlers } from '../../../shared/api/client';
import { AppError } from '../../../shared/api/result';
import type { Engine } from '../engine';

type Names = 'policy.versions' | 'policy.diff' | 'policy.transition' | 'policy.queue' | 'policy.approval';
const later = (): never => {
  throw new AppError('UNSUPPORTED', 'not built yet');
};
export function lifecycleHandlers(_e: Engine): Pick<Handlers, Names> {
  return { 'policy.versions': later, 'policy.diff': later, 'policy.transition': later, 'policy.queue': later, 'policy.approval': later };
}
