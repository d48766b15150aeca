// Calls the app's API from a spec as the page does (the token from the URL the server printed):
// for set-up the spec is not about, such as identities and approvals.
import type { AppServer } from './server';

export async function callApi(server: AppServer, name: string, args: object): Promise<unknown> {
  const token = /token=([^&]+)/.exec(server.url)?.[1] ?? '';
  const res = await fetch(`${server.origin}/api/call/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sanitizer-token': token },
    body: JSON.stringify(args),
  });
  const r = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!r.ok) throw new Error(`${name}: ${r.error?.message ?? 'failed'}`);
  return r.value;
}
