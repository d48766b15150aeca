// The Clusters view: clusters of two or more records, largest first, in a windowed list (only the
// rows on screen are fetched), with a "chained only" filter; the selected cluster's members side
// by side (a row per column, a column per member) with the differing values highlighted, and any
// two members' pair score on request. ↑/↓, Page Up/Down, Home/End move the selection.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import type { DedupeCluster, DedupeReviewItem } from '../../../shared/api/dedupe-types';
import type { ErrorInfo } from '../../../shared/api/result';
import { api } from '../../api';
import { formatCount, plural } from '../../lib/format';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { Icon } from '../../ui/Icon';
import { nextRow } from '../profile/overview';
import { differingColumns, oddCells } from './compare';
import { PageWindow } from './page-window';
import { PairScore, SideBySide, Waterfall } from './PairCompare';
import { useDedupe } from './store';
import { formatProbability } from './waterfall';

const ROW_HEIGHT = 44;
const domId = (i: number) => `dd-cluster-${i}`;

function useClusterWindow(): PageWindow<DedupeCluster> | null {
  const target = useDedupe((s) => s.target);
  const runKey = useDedupe((s) => s.runKey);
  const chainedOnly = useDedupe((s) => s.chainedOnly);
  const win = useMemo(() => {
    if (!target) return null;
    const ref = { datasetId: target.datasetId, version: target.version };
    return new PageWindow<DedupeCluster>(async (offset, limit) => {
      const r = await api.send('dedupe.clusters', { ...ref, offset, limit, chainedOnly });
      if (!r.ok) throw new Error(r.error.message);
      return { total: r.value.total, columns: r.value.columns, items: r.value.clusters };
    }, 50);
    // runKey: a new run has new clusters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target, runKey, chainedOnly]);
  useEffect(() => () => win?.dispose(), [win]);
  useSyncExternalStore(win?.subscribe ?? noopSubscribe, win?.getVersion ?? zero);
  return win;
}
const noopSubscribe = () => () => undefined;
const zero = () => 0;

/** The first member's first few values (not its record id), to tell clusters apart in the list. */
function preview(c: DedupeCluster, idIndex: number): string {
  const first = c.members[0]?.values ?? [];
  return first.filter((v, i): v is string => i !== idIndex && v !== null && v.trim() !== '').slice(0, 3).join(' · ');
}

/** "rows 3, 17, 40" (the first few, then how many more). */
function rowList(c: DedupeCluster, shown = 6): string {
  const ids = c.members.map((m) => m.rowId);
  const head = ids.slice(0, shown).map((id) => formatCount(id)).join(', ');
  return `rows ${head}${ids.length > shown ? ` +${ids.length - shown}` : ''}`;
}

function ClusterRow({ c, index, idIndex, selected, onSelect }: { c: DedupeCluster; index: number; idIndex: number; selected: boolean; onSelect(): void }) {
  const text = preview(c, idIndex);
  return (
    <div role="row" id={domId(index)} aria-rowindex={index + 1} aria-selected={selected} className={`pane-row dd-crow ${selected ? 'is-selected' : ''}`} onClick={onSelect}>
      <span role="gridcell" className="dd-csize num" title={plural(c.size, 'record')}>
        {formatCount(c.size)}
      </span>
      <span role="gridcell" className="dd-cpreview" title={text}>
        <span className="dd-cvalues">{text || <span className="faint">(no values)</span>}</span>
        <span className="dd-crows faint num">{rowList(c)}</span>
      </span>
      <span role="gridcell" className="dd-cprob num faint" title="The weakest link’s match probability">
        {formatProbability(c.minProbability)}
      </span>
      <span role="gridcell" className="dd-cflag">
        {c.fullyLinked ? null : <span className="badge badge-warning" title="Some members match only through others">chained</span>}
      </span>
    </div>
  );
}

function ClusterList({ win }: { win: PageWindow<DedupeCluster> }) {
  const selected = useDedupe((s) => s.selectedCluster);
  const select = useDedupe((s) => s.selectCluster);
  const idColumn = useDedupe((s) => s.summary?.settings.idColumn ?? null);
  const idIndex = win.columns.findIndex((c) => c.id === idColumn);
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = win.total ?? 0;
  // eslint-disable-next-line react-hooks/incompatible-library -- read afresh on each render, as the grid does
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    void win.ensure(win.total === null ? 0 : first, win.total === null ? win.pageSize - 1 : last);
  }, [win, first, last, win.version]);
  useEffect(() => {
    if (total > 0 && selected < total) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, total, virtualizer]);
  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const to = nextRow(e.key, selected, total, page);
    if (to === null) return;
    e.preventDefault();
    select(to);
  };
  return (
    <div
      ref={scrollRef}
      className="pane-scroll dd-clist"
      role="grid"
      aria-label="Clusters"
      aria-rowcount={total}
      aria-busy={win.total === null}
      tabIndex={0}
      aria-activedescendant={total > 0 ? domId(selected) : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="dd-clist-inner" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((v) => {
          const c = win.item(v.index);
          return (
            <div key={v.index} className="vgrid-slot" style={{ transform: `translateY(${v.start}px)` }}>
              {c ? (
                <ClusterRow c={c} index={v.index} idIndex={idIndex} selected={v.index === selected} onSelect={() => select(v.index)} />
              ) : (
                <div role="row" aria-rowindex={v.index + 1} className="pane-row dd-crow is-loading" aria-busy="true">
                  <span role="gridcell" className="faint">Loading…</span>
                </div>
              )}
            </div>
          );
        })}
      </div>
      {win.total === null && !win.error ? <p className="dd-note faint">Loading clusters…</p> : null}
      {win.error ? (
        <p className="dd-field-error dd-note" role="alert">
          The clusters could not be read: {win.error}
        </p>
      ) : null}
    </div>
  );
}

function MembersTable({ c, columns, idColumn }: { c: DedupeCluster; columns: { id: string; header: string }[]; idColumn: string | null }) {
  const differing = new Set(differingColumns(columns, c.members).filter((id) => id !== idColumn));
  const odd = oddCells(c.members, columns.length);
  return (
    <div className="dd-members-scroll">
      <table className="dd-table dd-members" aria-label={`Members of the cluster of ${c.size}`}>
        <thead>
          <tr>
            <th scope="col" className="col-head">Column</th>
            {c.members.map((m) => (
              <th key={m.rowId} scope="col" className="col-head">
                Row {formatCount(m.rowId)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {columns.map((col, i) => {
            const d = differing.has(col.id);
            return (
              <tr key={col.id} className={d ? 'is-differing' : ''}>
                <th scope="row" className="dd-colname" title={col.header}>
                  {col.header === '' ? '(blank)' : col.header}
                  {d ? <span className="visually-hidden"> (differs)</span> : null}
                  {col.id === idColumn ? <span className="badge dd-idbadge">record id</span> : null}
                </th>
                {c.members.map((m, j) => {
                  const v = m.values[i] ?? null;
                  return (
                    <td key={m.rowId} className={d && odd[j]?.[i] ? 'is-odd' : ''}>
                      {v === null ? <span className="dd-null">missing</span> : v === '' ? <span className="dd-null">empty</span> : v}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Any two members' score, fetched on request (dedupe.pair). */
function MemberPair({ c, columns, idColumn }: { c: DedupeCluster; columns: { id: string; header: string }[]; idColumn: string | null }) {
  const target = useDedupe((s) => s.target);
  const ids = c.members.map((m) => m.rowId);
  const [l, setL] = useState(ids[0] ?? 0);
  const [r, setR] = useState(ids[1] ?? 0);
  const [shown, setShown] = useState<{ item: DedupeReviewItem } | { error: ErrorInfo } | null>(null);
  const [busy, setBusy] = useState(false);
  const show = async () => {
    if (!target || l === r) return;
    setBusy(true);
    const res = await api.send('dedupe.pair', { datasetId: target.datasetId, version: target.version, rowIdL: Math.min(l, r), rowIdR: Math.max(l, r) });
    setBusy(false);
    setShown(res.ok ? { item: res.value } : { error: res.error });
  };
  const pick = (label: string, value: number, set: (n: number) => void) => (
    <label className="field dd-pick">
      <span className="field-label">{label}</span>
      <select
        className="select"
        value={value}
        onChange={(e) => {
          set(Number(e.target.value));
          setShown(null);
        }}
      >
        {ids.map((id) => (
          <option key={id} value={id}>
            Row {formatCount(id)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="pane-card dd-card dd-member-pair" aria-label="Two members compared">
      <h3 className="section-title">Why two members are linked</h3>
      <div className="dd-pick-row">
        {pick('Record', l, setL)}
        {pick('and record', r, setR)}
        <button type="button" className="btn" disabled={l === r || busy} onClick={() => void show()}>
          {busy ? <span className="spinner" aria-hidden="true" /> : <Icon name="barChart" size={14} />} Show their score
        </button>
      </div>
      {shown && 'error' in shown ? (
        <div className="banner banner-error" role="alert">
          <ErrorDetails error={shown.error} />
        </div>
      ) : null}
      {shown && 'item' in shown ? (
        <div className="dd-pair-detail">
          <PairScore item={shown.item} />
          <Waterfall item={shown.item} />
          <SideBySide item={shown.item} columns={columns} idColumn={idColumn} />
        </div>
      ) : null}
    </section>
  );
}

function ClusterDetail({ win }: { win: PageWindow<DedupeCluster> }) {
  const selected = useDedupe((s) => s.selectedCluster);
  const idColumn = useDedupe((s) => s.summary?.settings.idColumn ?? null);
  const c = win.item(selected);
  if (!c) return <aside className="pane-side dd-cdetail is-blank faint">{win.total === null ? 'Loading…' : 'Choose a cluster.'}</aside>;
  return (
    <aside className="pane-side dd-cdetail" aria-label={`Cluster ${selected + 1} of ${formatCount(win.total ?? 0)}`}>
      <h3 className="dd-cdetail-title">
        {plural(c.size, 'record')}
        <span className="faint num">weakest link {formatProbability(c.minProbability)}</span>
        {c.fullyLinked ? null : <span className="badge badge-warning">chained</span>}
      </h3>
      {c.fullyLinked ? null : (
        <p className="dd-chain-note">
          <Icon name="alert" size={13} /> Not every member matches every other: some are joined only through others. Compare the weakest pair below before trusting the cluster.
        </p>
      )}
      <MembersTable c={c} columns={win.columns} idColumn={idColumn} />
      <MemberPair key={`${win.version}:${c.clusterId}`} c={c} columns={win.columns} idColumn={idColumn} />
    </aside>
  );
}

export function ClusterBrowser() {
  const win = useClusterWindow();
  const chainedOnly = useDedupe((s) => s.chainedOnly);
  const setChainedOnly = useDedupe((s) => s.setChainedOnly);
  const chained = useDedupe((s) => s.summary?.counts.chainedClusters ?? 0);
  if (!win) return null;
  return (
    <div className="dd-clusters">
      <div className="dd-ctools" role="toolbar" aria-label="Cluster filter">
        <span className="num faint">{win.total === null ? '…' : plural(win.total, chainedOnly ? 'chained cluster' : 'cluster')}</span>
        <label className="check">
          <input type="checkbox" checked={chainedOnly} onChange={(e) => setChainedOnly(e.target.checked)} />
          Chained only <span className="faint num">({formatCount(chained)})</span>
        </label>
      </div>
      {win.total === 0 ? (
        <EmptyState icon="layers" title={chainedOnly ? 'No chained clusters' : 'No clusters'} className="pane-empty">
          <p>{chainedOnly ? 'Every cluster’s members all match each other.' : 'No two records matched above the threshold.'}</p>
        </EmptyState>
      ) : (
        <div className="pane-body">
          <ClusterList win={win} />
          <ClusterDetail win={win} />
        </div>
      )}
    </div>
  );
}
