// The in-process transport (CLI, tests): the same dispatcher as IPC and HTTP, with values
// passed through JSON so that anything a real transport could not carry fails here too.
import type { Api } from '../../shared/api/client';
import { createDispatcher } from '../../shared/api/client';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import type { Engine } from './engine';

export function inProcessApi(engine: Engine): Api {
  const dispatch = createDispatcher(engine.handlers);
  return {
    transport: 'in-process',
    async send<K extends MethodName>(name: K, args: MethodInput<K>): Promise<Result<MethodOutput<K>>> {
      const r = await dispatch(name, JSON.parse(JSON.stringify(args ?? {})));
      return JSON.parse(JSON.stringify(r)) as Result<MethodOutput<K>>;
    },
    on(event, listener) {
      return engine.events.on(event, (p) => listener(JSON.parse(JSON.stringify(p))));
    },
  };
}
