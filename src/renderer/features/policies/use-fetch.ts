// Fetching one API value for a screen: again when its arguments change, when the policies change
// (a save or transition anywhere) or when the screen is refreshed. The answer is kept with the
// request it answers, so a screen never shows one policy's data under another's name.
import { useEffect, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { ErrorInfo } from '../../../shared/api/result';
import { api } from '../../api';
import { usePolicies } from './store';

export interface Fetched<T> {
  value: T | null;
  error: ErrorInfo | null;
  /** A request is under way (an older value may still show). */
  loading: boolean;
}

interface Answer<T> {
  key: string;
  value: T | null;
  error: ErrorInfo | null;
}

export function useFetch<K extends MethodName>(name: K, args: MethodInput<K> | null): Fetched<MethodOutput<K>> {
  const nonce = usePolicies((s) => s.nonce);
  const [changed, setChanged] = useState(0);
  const [answer, setAnswer] = useState<Answer<MethodOutput<K>> | null>(null);
  const key = args === null ? null : `${name}:${JSON.stringify(args)}`;
  const stamp = `${key}#${nonce}.${changed}`;
  useEffect(() => api.on('policies.changed', () => setChanged((n) => n + 1)), []);
  useEffect(() => {
    if (key === null || args === null) return;
    let live = true;
    void api.send(name, args).then((r) => {
      if (live) setAnswer(r.ok ? { key: stamp, value: r.value, error: null } : { key: stamp, value: null, error: r.error });
    });
    return () => {
      live = false;
    };
    // `stamp` covers name, args (by value), the refresh counter and the change events.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stamp]);
  if (key === null) return { value: null, error: null, loading: false };
  // An answer to the same request refreshed still shows while the new one is fetched.
  const mine = answer !== null && answer.key.startsWith(`${key}#`);
  return { value: mine ? answer.value : null, error: mine ? answer.error : null, loading: answer?.key !== stamp };
}
