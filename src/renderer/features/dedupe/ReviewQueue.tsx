// The Review view: the pairs in the review band one at a time, most uncertain first — the two
// records side by side, the probability and the waterfall of contributions, and the decision.
// Keys: A accept (a match), R reject (not a match), S skip, ←/→ previous/next, U undo the last
// decision. Decisions are recorded at once and reused by the next run.
import { useEffect, useMemo, useRef, useSyncExternalStore, type KeyboardEvent } from 'react';
import type { DedupeReviewItem, PairDecision } from '../../../shared/api/dedupe-types';
import { formatCount } from '../../lib/format';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/Icon';
import { api } from '../../api';
import { PageWindow } from './page-window';
import { PairScore, SideBySide, Waterfall } from './PairCompare';
import { afterDecision, decidedOf, reviewAction, type ReviewAction } from './review-moves';
import { decidePair, popUndo, pushUndo, showCounts, useDedupe } from './store';

function useReviewWindow(): PageWindow<DedupeReviewItem> | null {
  const target = useDedupe((s) => s.target);
  const runKey = useDedupe((s) => s.runKey);
  const win = useMemo(() => {
    if (!target) return null;
    const ref = { datasetId: target.datasetId, version: target.version };
    return new PageWindow<DedupeReviewItem>(async (offset, limit) => {
      const r = await api.send('dedupe.review', { ...ref, offset, limit, include: 'all' });
      if (!r.ok) throw new Error(r.error.message);
      return { total: r.value.total, columns: r.value.columns, items: r.value.items };
    }, 50);
    // runKey: a new run is a new queue.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target, runKey]);
  useEffect(() => () => win?.dispose(), [win]);
  useSyncExternalStore(win?.subscribe ?? noopSubscribe, win?.getVersion ?? zero);
  return win;
}
const noopSubscribe = () => () => undefined;
const zero = () => 0;
const undecided = (it: DedupeReviewItem) => it.pair.decision === null;
const sameRows = (l: number, r: number) => (it: DedupeReviewItem) => it.pair.rowIdL === l && it.pair.rowIdR === r;

/** Finds the first undecided pair from `from` on, loading pages as needed; null when there is none. */
async function firstUndecided(win: PageWindow<DedupeReviewItem>, from: number): Promise<number | null> {
  for (let at = from; ; ) {
    await win.ensure(at, at + win.pageSize - 1);
    const total = win.total ?? 0;
    const found = win.findCached(at, undecided);
    if (found !== null && found < at + win.pageSize) return found;
    at = (Math.floor(at / win.pageSize) + 1) * win.pageSize;
    if (at >= total || win.error) return null;
  }
}

/** Does one action on the queue as it is now (position from the store, pair from the window). */
async function perform(win: PageWindow<DedupeReviewItem>, a: ReviewAction): Promise<void> {
  const { reviewIndex: index, setReviewIndex: setIndex } = useDedupe.getState();
  const total = win.total;
  if (total === null || total === 0) return;
  if (a.kind === 'move') return setIndex(Math.min(total - 1, Math.max(0, index + a.by)));
  if (a.kind === 'skip') return setIndex(afterDecision(index, total, win.findCached(index + 1, undecided)));
  if (a.kind === 'undo') {
    const last = popUndo();
    if (!last) return;
    const counts = await decidePair(last.rowIdL, last.rowIdR, last.previous ?? 'clear');
    if (!counts) return pushUndo(last);
    // One render: the decision, the position and the counts change together.
    win.patch(sameRows(last.rowIdL, last.rowIdR), (it) => ({ ...it, pair: { ...it.pair, decision: last.previous } }));
    setIndex(last.index);
    showCounts(counts);
    return;
  }
  const item = win.item(index);
  if (!item) return;
  const { rowIdL, rowIdR, decision: previous } = item.pair;
  const counts = await decidePair(rowIdL, rowIdR, a.decision);
  if (!counts) return;
  win.patch(sameRows(rowIdL, rowIdR), (it) => ({ ...it, pair: { ...it.pair, decision: a.decision } }));
  pushUndo({ index, rowIdL, rowIdR, previous });
  setIndex(afterDecision(index, total, win.findCached(index + 1, undecided)));
  showCounts(counts);
}

const DECISION_TEXT: Record<PairDecision, string> = { match: 'Accepted: the same record', non_match: 'Rejected: different records' };

export function ReviewQueue() {
  const win = useReviewWindow();
  const index = useDedupe((s) => s.reviewIndex);
  const setIndex = useDedupe((s) => s.setReviewIndex);
  const undoCount = useDedupe((s) => s.undo.length);
  const reviewPairs = useDedupe((s) => s.summary?.counts.reviewPairs ?? 0);
  const idColumn = useDedupe((s) => s.summary?.settings.idColumn ?? null);
  const ref = useRef<HTMLElement>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const started = useRef<PageWindow<DedupeReviewItem> | null>(null);

  // A fresh queue opens at its first undecided pair.
  useEffect(() => {
    if (!win || started.current === win) return;
    started.current = win;
    void firstUndecided(win, 0).then((at) => {
      if (at !== null && started.current === win) setIndex(at);
    });
  }, [win, setIndex]);
  useEffect(() => {
    void win?.ensure(index, index + 1);
  }, [win, index, win?.version]);
  useEffect(() => {
    ref.current?.focus();
  }, []);

  if (!win) return null;
  const total = win.total;
  const item = win.item(index);

  // Actions run one after another (keys pressed quickly queue up), each on the queue as it is then.
  const act = (a: ReviewAction) => {
    chain.current = chain.current.then(() => perform(win, a)).catch(() => undefined);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLButtonElement && (e.key === ' ' || e.key === 'Enter')) return;
    const a = reviewAction(e);
    if (!a) return;
    e.preventDefault();
    act(a);
  };

  if (total === 0) {
    return (
      <EmptyState icon="check" title="Nothing to review" className="pane-empty">
        <p>No pair fell in the review band. Widen the band in Setup and find duplicates again to review more pairs.</p>
      </EmptyState>
    );
  }
  const decided = total === null ? 0 : decidedOf(total, reviewPairs);
  const decision = item?.pair.decision ?? null;
  return (
    <section ref={ref} className="dd-review" aria-label="Review queue" tabIndex={0} onKeyDown={onKeyDown}>
      <div className="dd-review-bar">
        <span className="dd-position num" aria-live="polite">
          Pair <strong>{formatCount(index + 1)}</strong> of {total === null ? '…' : formatCount(total)}
        </span>
        <span className="dd-progress" role="status" aria-label="Review progress">
          <span className="num">{formatCount(decided)} of {total === null ? '…' : formatCount(total)} decided</span>
          <span className="meter dd-progress-meter" aria-hidden="true">
            <span className="meter-fill dd-meter-fill" style={{ width: `${total ? Math.round((100 * decided) / total) : 0}%` }} />
          </span>
        </span>
        <span className="dd-keys faint">
          <span className="kbd">A</span> accept <span className="kbd">R</span> reject <span className="kbd">S</span> skip <span className="kbd">←</span>
          <span className="kbd">→</span> move <span className="kbd">U</span> undo
        </span>
      </div>
      <p className="dd-reuse faint" role="note">
        <Icon name="info" size={13} /> Decisions are saved with the dataset at once and reused by the next run: accepted pairs match, rejected pairs do not,
        and both refine the weights.
      </p>
      {win.error ? (
        <p className="dd-field-error" role="alert">
          The review queue could not be read: {win.error}
        </p>
      ) : null}
      {item ? (
        <div className="dd-review-actions" role="group" aria-label="Decision">
          <span className={`dd-decision ${decision ? `is-${decision}` : ''}`} data-testid="dd-decision">
            {decision ? DECISION_TEXT[decision] : 'Undecided'}
          </span>
          <button type="button" className={`btn ${decision === 'match' ? 'is-accepted' : ''}`} aria-pressed={decision === 'match'} onClick={() => act({ kind: 'decide', decision: 'match' })}>
            <Icon name="check" size={14} /> Accept<span className="kbd">A</span>
          </button>
          <button type="button" className={`btn ${decision === 'non_match' ? 'is-rejected' : ''}`} aria-pressed={decision === 'non_match'} onClick={() => act({ kind: 'decide', decision: 'non_match' })}>
            <Icon name="x" size={14} /> Reject<span className="kbd">R</span>
          </button>
          <button type="button" className="btn" onClick={() => act({ kind: 'skip' })}>
            Skip<span className="kbd">S</span>
          </button>
          <span className="dd-spacer" />
          <button type="button" className="btn btn-icon" aria-label="Previous pair" disabled={index === 0} onClick={() => act({ kind: 'move', by: -1 })}>
            <Icon name="chevronLeft" size={14} />
          </button>
          <button type="button" className="btn btn-icon" aria-label="Next pair" disabled={total === null || index >= total - 1} onClick={() => act({ kind: 'move', by: 1 })}>
            <Icon name="chevronRight" size={14} />
          </button>
          <button type="button" className="btn" disabled={undoCount === 0} onClick={() => act({ kind: 'undo' })}>
            <Icon name="undo" size={14} /> Undo<span className="kbd">U</span>
          </button>
        </div>
      ) : null}
      {item ? (
        <div className="dd-review-body">
          <div className="dd-review-records">
            <SideBySide item={item} columns={win.columns} idColumn={idColumn} />
          </div>
          <div className="dd-review-score">
            <PairScore item={item} />
            <h3 className="section-title">What each comparison added</h3>
            <Waterfall item={item} />
          </div>
        </div>
      ) : !win.error ? (
        <p className="faint dd-note">Loading the pair…</p>
      ) : null}
    </section>
  );
}
