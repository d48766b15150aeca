// A folder path as clickable segments, starting at the browse root that contains it.
import type { FsRoot } from '../../shared/api/types';

export interface Crumb {
  label: string;
  path: string;
}

export function breadcrumbs(path: string, roots: FsRoot[]): Crumb[] {
  const sep = path.includes('\\') && !path.includes('/') ? '\\' : '/';
  const trim = (p: string) => (p.length > 1 && p.endsWith(sep) && !/^[A-Za-z]:\\$/.test(p) ? p.slice(0, -1) : p);
  const target = trim(path);
  const under = (r: string) => target === r || target.startsWith(r.endsWith(sep) ? r : r + sep);
  const root = roots
    .map((r) => ({ label: r.label, path: trim(r.path) }))
    .filter((r) => under(r.path))
    .sort((a, b) => b.path.length - a.path.length)[0];
  const crumbs: Crumb[] = [];
  let base = '';
  let rest = target;
  if (root) {
    crumbs.push({ label: root.label, path: root.path });
    base = root.path;
    rest = target.slice(root.path.length);
  } else if (sep === '/') {
    crumbs.push({ label: '/', path: '/' });
    base = '/';
  }
  for (const seg of rest.split(sep).filter(Boolean)) {
    if (base === '') base = `${seg}${sep}`;
    else base = base.endsWith(sep) ? `${base}${seg}` : `${base}${sep}${seg}`;
    crumbs.push({ label: seg, path: base });
  }
  return crumbs;
}
