// app.* — what the engine is and who is acting.
import pkg from '../../../../package.json' with { type: 'json' };
import type { Handlers } from '../../../shared/api/client';
import type { Engine } from '../engine';

export const APP_VERSION = pkg.version;

export function appHandlers(e: Engine): Pick<Handlers, 'app.info'> {
  return {
    'app.info': async () => {
      const v = await e.workspace.db.one<{ v: string }>('SELECT version() AS v');
      return {
        name: pkg.productName,
        version: pkg.version,
        engineVersion: pkg.version,
        duckdbVersion: String(v?.v ?? ''),
        actor: e.actor,
        platform: `${process.platform}-${process.arch}`,
      };
    },
  };
}
