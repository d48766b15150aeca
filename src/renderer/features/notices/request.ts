// Calls through the API where a failure must never pass silently: errors become notices.
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import { api } from '../../api';
import { notifyError } from './store';

/** Sends a request; on failure shows `what failed` with the error and returns null. */
export async function request<K extends MethodName>(name: K, args: MethodInput<K>, whatFailed: string): Promise<MethodOutput<K> | null> {
  const r = await api.send(name, args);
  if (r.ok) return r.value;
  notifyError(whatFailed, r.error);
  return null;
}
