// The client-side shape every transport provides, and the dispatcher every server side uses.
import type { EventName, Events, MethodInput, MethodName, MethodOutput, MethodArgs } from './contract';
import { contract, isMethodName } from './contract';
import type { ErrorInfo, Result } from './result';
import { toErrorInfo } from './result';

export type TransportKind = 'desktop' | 'browser' | 'in-process';

export interface Api {
  readonly transport: TransportKind;
  send<K extends MethodName>(name: K, args: MethodInput<K>): Promise<Result<MethodOutput<K>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

/** A handler per method. Handlers may throw AppError; the dispatcher turns it into a Result. */
export type Handlers = {
  [K in MethodName]: (args: MethodArgs<K>) => Promise<MethodOutput<K>>;
};

/** Formats a zod issue list as one readable sentence naming the offending fields. */
function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/**
 * Validates an untrusted (name, args) pair against the contract and runs the handler.
 * Every transport's server side calls this, so validation can never be skipped.
 */
export function createDispatcher(handlers: Handlers) {
  return async function dispatch(name: unknown, args: unknown): Promise<Result<unknown>> {
    if (!isMethodName(name)) {
      return { ok: false, error: { code: 'INVALID_ARGUMENT', message: `unknown method ${JSON.stringify(name)}` } };
    }
    const parsed = contract[name].input.safeParse(args ?? {});
    if (!parsed.success) {
      const error: ErrorInfo = {
        code: 'INVALID_ARGUMENT',
        message: `${name}: ${describeIssues(parsed.error.issues)}`,
      };
      return { ok: false, error };
    }
    try {
      const handler = handlers[name] as (a: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
      return { ok: false, error: toErrorInfo(err) };
    }
  };
}
export type Dispatch = ReturnType<typeof createDispatcher>;
