// Reads text files of the open bundle (report.json, policy.json, approvals…) through bundle.readText.
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useAuditor } from './store';

export interface BundleText {
  texts: Map<string, string>;
  error: string | null;
  loading: boolean;
}

export function useBundleTexts(files: readonly string[]): BundleText {
  const bundleId = useAuditor((s) => s.bundle?.bundleId ?? null);
  const key = files.join('\n');
  const [state, setState] = useState<BundleText & { key: string }>({ texts: new Map(), error: null, loading: true, key: '' });
  useEffect(() => {
    if (!bundleId) return;
    let live = true;
    const names = key ? key.split('\n') : [];
    void Promise.all(names.map((file) => api.send('bundle.readText', { bundleId, file }))).then((rs) => {
      if (!live) return;
      const texts = new Map<string, string>();
      const errors: string[] = [];
      rs.forEach((r, i) => (r.ok ? texts.set(names[i] as string, r.value.text) : errors.push(r.error.message)));
      setState({ texts, error: errors.length ? errors.join(' ') : null, loading: false, key });
    });
    return () => {
      live = false;
    };
  }, [bundleId, key]);
  return state.key === key ? state : { texts: new Map(), error: null, loading: true };
}
