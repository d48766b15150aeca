// A tiny typed event emitter with no Node dependency (used by engine and renderer alike).
type AnyListener<M> = <K extends keyof M>(event: K, payload: M[K]) => void;

export class Emitter<M extends object> {
  private listeners = new Map<keyof M, Set<(payload: never) => void>>();
  private anyListeners = new Set<AnyListener<M>>();

  on<K extends keyof M>(event: K, listener: (payload: M[K]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  /** Subscribes to every event (transports forward them all). */
  onAny(listener: AnyListener<M>): () => void {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  }

  emit<K extends keyof M>(event: K, payload: M[K]): void {
    for (const l of this.listeners.get(event) ?? []) (l as (p: M[K]) => void)(payload);
    for (const l of this.anyListeners) l(event, payload);
  }
}
