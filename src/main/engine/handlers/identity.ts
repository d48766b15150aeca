// identity.*, settings.* and key.* — built by the identities work (issue 6).
import type { Handlers } from '../../../shared/api/client';
import { AppError } from '../../../shared/api/result';
import type { Engine } from '../engine';

type Names = 'identity.list' | 'identity.session' | 'identity.create' | 'identity.unlock' | 'identity.lock' | 'identity.grant' | 'identity.revoke' | 'settings.get' | 'settings.setGoverned' | 'key.backup' | 'key.rotate';
const later = (): never => {
  throw new AppError('UNSUPPORTED', 'not built yet');
};
export function identityHandlers(_e: Engine): Pick<Handlers, Names> {
  return {
    'identity.list': later, 'identity.session': later, 'identity.create': later, 'identity.unlock': later, 'identity.lock': later,
    'identity.grant': later, 'identity.revoke': later, 'settings.get': later, 'settings.setGoverned': later, 'key.backup': later, 'key.rotate': later,
  };
}
