// Browser mode: the contract over the loopback HTTP server. The token arrives in the URL
// fragment (never sent to a server, never in logs), is kept for the tab, and removed from view.
import type { Api } from '../../shared/api/client';
import { HTTP } from '../../shared/api/bridge';
import type { EventName, Events, MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';

const TOKEN_KEY = 'sanitizer-token';

export function takeToken(): string {
  const m = /(?:^|[#&])token=([^&]+)/.exec(window.location.hash);
  if (m?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const failure = (message: string): Result<never> => ({ ok: false, error: { code: 'INTERNAL', message } });

export interface BrowserApi extends Api {
  /** Streams a dropped file into the workspace; resolves to its path there. */
  upload(file: File, onProgress?: (sent: number, total: number) => void, signal?: AbortSignal): Promise<Result<{ path: string }>>;
}

export function browserTransport(token: string): BrowserApi {
  const listeners = new Map<EventName, Set<(p: never) => void>>();
  let started = false;

  async function streamEvents(): Promise<void> {
    for (;;) {
      try {
        const res = await fetch(HTTP.events, { headers: { [HTTP.tokenHeader]: token } });
        if (!res.ok || !res.body) throw new Error(`events: HTTP ${res.status}`);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buf = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += value;
          let cut: number;
          while ((cut = buf.indexOf('\n\n')) !== -1) {
            const frame = buf.slice(0, cut);
            buf = buf.slice(cut + 2);
            const event = /^event: (.*)$/m.exec(frame)?.[1] as EventName | undefined;
            const data = /^data: (.*)$/m.exec(frame)?.[1];
            if (event && data) for (const l of listeners.get(event) ?? []) (l as (p: unknown) => void)(JSON.parse(data));
          }
        }
      } catch {
        // the server restarted or the network stack hiccuped: reconnect shortly
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  return {
    transport: 'browser',
    async send<K extends MethodName>(name: K, args: MethodInput<K>): Promise<Result<MethodOutput<K>>> {
      let res: Response;
      try {
        res = await fetch(HTTP.call + encodeURIComponent(name), {
          method: 'POST',
          headers: { 'content-type': 'application/json', [HTTP.tokenHeader]: token },
          body: JSON.stringify(args ?? {}),
        });
      } catch (err) {
        return failure(`The Data Sanitizer server cannot be reached (${String(err)}). Is it still running?`);
      }
      if (res.status === 401) return failure('This page is not authorised: open the URL the server printed (it carries the token).');
      if (!res.ok && res.status !== 400) return failure(`The server answered HTTP ${res.status}.`);
      return (await res.json()) as Result<MethodOutput<K>>;
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
      if (!started) {
        started = true;
        void streamEvents();
      }
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (p: never) => void);
      return () => set.delete(listener as (p: never) => void);
    },
    upload(file, onProgress, signal) {
      // XMLHttpRequest, not fetch: it reports upload progress, and streams the File from disk.
      return new Promise((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `${HTTP.upload}?name=${encodeURIComponent(file.name)}`);
        xhr.setRequestHeader(HTTP.tokenHeader, token);
        xhr.upload.onprogress = (e) => onProgress?.(e.loaded, e.total);
        xhr.onload = () => {
          try {
            resolve(JSON.parse(xhr.responseText) as Result<{ path: string }>);
          } catch {
            resolve(failure(`The upload failed (HTTP ${xhr.status}).`));
          }
        };
        xhr.onerror = () => resolve(failure('The upload failed: the server cannot be reached.'));
        xhr.onabort = () => resolve({ ok: false, error: { code: 'CANCELLED', message: `The upload of ${file.name} was cancelled.` } });
        signal?.addEventListener('abort', () => xhr.abort(), { once: true });
        xhr.send(file);
      });
    },
  };
}
