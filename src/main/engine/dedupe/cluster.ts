// Clusters: connected components of the matching pairs (union-find over the row ids that take
// part), each named by its smallest row id.
import { UnionFind } from '../clusters/union-find';

/** Row id → its cluster's smallest row id, for every row in some edge. */
export function components(l: ArrayLike<number>, r: ArrayLike<number>): Map<number, number> {
  const index = new Map<number, number>();
  const ids: number[] = [];
  const at = (id: number) => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      index.set(id, i);
      ids.push(id);
    }
    return i;
  };
  const a = Array.from(l, at);
  const b = Array.from(r, at);
  const uf = new UnionFind(ids.length);
  for (let k = 0; k < a.length; k++) uf.union(a[k]!, b[k]!);
  const least = new Map<number, number>();
  for (let i = 0; i < ids.length; i++) {
    const root = uf.find(i);
    const cur = least.get(root);
    if (cur === undefined || ids[i]! < cur) least.set(root, ids[i]!);
  }
  const out = new Map<number, number>();
  for (let i = 0; i < ids.length; i++) out.set(ids[i]!, least.get(uf.find(i))!);
  return out;
}
