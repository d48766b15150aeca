// The file browser's data: roots, the current folder's listing, and navigation with errors
// kept as values so the dialog can show them in place.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorInfo } from '../../../shared/api/result';
import type { FsListing, FsRoot } from '../../../shared/api/types';
import { api } from '../../api';

export interface Listing {
  roots: FsRoot[];
  listing: FsListing | null;
  loading: boolean;
  error: ErrorInfo | null;
  showHidden: boolean;
  go(path: string): void;
  setShowHidden(show: boolean): void;
}

export function useListing(start: string | undefined): Listing {
  const [roots, setRoots] = useState<FsRoot[]>([]);
  const [listing, setListing] = useState<FsListing | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [showHidden, setHidden] = useState(false);
  const seq = useRef(0);

  const load = useCallback(async (path: string, hidden: boolean, fallback?: string) => {
    const mine = ++seq.current;
    setLoading(true);
    let r = await api.send('fs.list', { path, showHidden: hidden });
    if (!r.ok && fallback && fallback !== path) r = await api.send('fs.list', { path: fallback, showHidden: hidden });
    if (mine !== seq.current) return;
    if (r.ok) {
      setListing(r.value);
      setError(null);
    } else {
      setError(r.error);
    }
    setLoading(false);
  }, []);

  useEffect(() => {
    let alive = true;
    void api.send('fs.roots', {}).then((r) => {
      if (!alive) return;
      if (!r.ok) {
        setError(r.error);
        setLoading(false);
        return;
      }
      setRoots(r.value);
      const home = r.value[0]?.path;
      const first = start ?? home;
      if (first) void load(first, false, home);
      else setLoading(false);
    });
    return () => {
      alive = false;
    };
  }, [start, load]);

  const go = useCallback((path: string) => void load(path, showHidden), [load, showHidden]);
  const setShowHidden = useCallback(
    (show: boolean) => {
      setHidden(show);
      if (listing) void load(listing.path, show);
    },
    [listing, load],
  );
  return { roots, listing, loading, error, showHidden, go, setShowHidden };
}
