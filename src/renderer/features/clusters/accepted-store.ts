// Alias maps accepted in the cluster dialog, per dataset and column (`useAcceptedClusters`):
// where they wait until the policy editor takes them into a category_aliases step.
import { create } from 'zustand';
import type { AliasEntry } from '../../../shared/api/cluster-types';

interface AcceptedState {
  /** `datasetId:columnId` → the accepted entries. */
  byColumn: Record<string, AliasEntry[]>;
  /** Adds entries; an earlier entry sharing a value with a new one is replaced by it. */
  accept(datasetId: string, columnId: string, map: AliasEntry[]): void;
  clear(datasetId: string, columnId: string): void;
}

export const acceptedKey = (datasetId: string, columnId: string) => `${datasetId}:${columnId}`;

export const useAcceptedClusters = create<AcceptedState>((set) => ({
  byColumn: {},
  accept(datasetId, columnId, map) {
    const key = acceptedKey(datasetId, columnId);
    set((s) => {
      const incoming = new Set(map.flatMap((e) => [...e.from, e.to]));
      const kept = (s.byColumn[key] ?? []).filter((e) => !e.from.some((v) => incoming.has(v)) && !incoming.has(e.to));
      return { byColumn: { ...s.byColumn, [key]: [...kept, ...map] } };
    });
  },
  clear(datasetId, columnId) {
    set((s) => {
      const next = { ...s.byColumn };
      delete next[acceptedKey(datasetId, columnId)];
      return { byColumn: next };
    });
  },
}));
