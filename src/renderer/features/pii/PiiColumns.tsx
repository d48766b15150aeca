// The PII overview of a scanned version: one row per column (its class, share of values,
// confidence, every entity found, the reviewer's decision) beside the chart of share and
// confidence per column and the selected column's detail. ↑/↓, Home/End move the selection;
// A and R accept or reject the selected column's classification.
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { PiiColumnSummary, PiiScanSummary } from '../../../shared/api/pii-types';
import { formatCount } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { useChartColors } from '../profile/chart-theme';
import { EChart } from '../profile/EChart';
import { nextRow } from '../profile/overview';
import { DecisionBadge, DecisionButtons } from './DecisionButtons';
import { classLabel, classSentence, columnsWithFindings, ENTITY_LABEL, formatConfidence, formatShare } from './labels';
import { columnBars, columnsChartLabel, columnsChartOption } from './pii-charts';
import { decideColumn, usePii } from './store';

/** Entities shown as chips in a column's row; the rest are named by a "+N more" chip (and in the detail). */
const CHIPS = 2;
const headerOf = (c: PiiColumnSummary) => (c.header === '' ? '(blank)' : c.header);
const rowDomId = (c: PiiColumnSummary) => `pii-col-${c.columnId}`;

function ColumnRow({ c, selected, onSelect }: { c: PiiColumnSummary; selected: boolean; onSelect(): void }) {
  const found = c.entity !== null || c.entities.length > 0;
  return (
    <tr id={rowDomId(c)} aria-selected={selected} className={`pane-row ${selected ? 'is-selected' : ''} ${found ? '' : 'is-quiet'}`} onClick={onSelect}>
      <th scope="row" className={`pc-name ${c.header === '' ? 'is-blank' : ''}`} title={headerOf(c)}>
        {headerOf(c)}
      </th>
      <td className="pc-class">
        {c.entity ? <span className="pii-entity">{ENTITY_LABEL[c.entity]}</span> : found && c.freeText ? null : <span className="faint" title={found ? classSentence(c) : undefined}>{classLabel(c)}</span>}
        {c.freeText ? <span className="badge pii-freetext" title="Longer text with personal data inside it">free text</span> : null}
      </td>
      <td className="num pc-share">{c.entity ? formatShare(c.share) : found ? <span className="faint">—</span> : ''}</td>
      <td className="num pc-conf">{c.entity ? formatConfidence(c.confidence) : ''}</td>
      <td className="pc-entities">
        {c.entities.slice(0, CHIPS).map((e) => (
          <span key={e.entity} className="pii-chip" title={`${formatCount(e.cells)} cells, ${formatShare(e.share)} of values, confidence ${formatConfidence(e.confidence)}`}>
            {ENTITY_LABEL[e.entity]} <span className="num faint">{formatCount(e.cells)}</span>
          </span>
        ))}
        {c.entities.length > CHIPS ? (
          <span className="pii-chip pii-chip-more" title={c.entities.slice(CHIPS).map((e) => `${ENTITY_LABEL[e.entity]} ${formatCount(e.cells)}`).join(', ')}>
            +{c.entities.length - CHIPS} more
          </span>
        ) : null}
      </td>
      <td className="pc-decision">{c.entity ? <DecisionBadge decision={c.decision} /> : null}</td>
    </tr>
  );
}

function ColumnDetail({ c }: { c: PiiColumnSummary }) {
  const setFilter = usePii((s) => s.setFilter);
  const setView = usePii((s) => s.setView);
  const entity = c.entity;
  return (
    <section className="pc-detail" aria-label={`Column ${headerOf(c)}`}>
      <h3 className="pc-detail-title">
        <span className={c.header === '' ? 'is-blank' : ''}>{headerOf(c)}</span>
        <span className="badge">{classLabel(c)}</span>
      </h3>
      <p className="pc-sentence">{classSentence(c)}.</p>
      {entity ? (
        <div className="pc-detail-actions">
          <DecisionButtons decision={c.decision} what={`column “${headerOf(c)}” as ${ENTITY_LABEL[entity]}`} keys onDecide={(d) => void decideColumn(c.columnId, entity, d)} />
        </div>
      ) : null}
      {c.entities.length > 0 ? (
        <table className="pc-entity-table" aria-label="Entities found">
          <thead>
            <tr>
              <th scope="col">Entity</th>
              <th scope="col" className="num">Cells</th>
              <th scope="col" className="num">Share</th>
              <th scope="col" className="num">Confidence</th>
            </tr>
          </thead>
          <tbody>
            {c.entities.map((e) => (
              <tr key={e.entity}>
                <th scope="row">{ENTITY_LABEL[e.entity]}</th>
                <td className="num">{formatCount(e.cells)}</td>
                <td className="num">{formatShare(e.share)}</td>
                <td className="num">{formatConfidence(e.confidence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="faint pc-none">Not detected — which does not prove these values hold no personal data.</p>
      )}
      {c.entities.length > 0 ? (
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => {
            setFilter({ columnId: c.columnId, entity: null });
            setView('findings');
          }}
        >
          <Icon name="search" size={13} /> Review this column’s findings
        </button>
      ) : null}
    </section>
  );
}

export function PiiColumns({ summary }: { summary: PiiScanSummary }) {
  const selected = usePii((s) => s.selectedColumn);
  const select = usePii((s) => s.selectColumn);
  const colors = useChartColors();
  const bars = useMemo(() => columnBars(summary.columns), [summary]);
  const option = useMemo(() => columnsChartOption(bars, colors), [bars, colors]);
  const cols = summary.columns;
  const index = cols.findIndex((c) => c.columnId === selected);
  const active = index >= 0 ? cols[index] : undefined;
  const tableRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (active) document.getElementById(rowDomId(active))?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const key = e.key.toLowerCase();
    if ((key === 'a' || key === 'r') && active?.entity) {
      e.preventDefault();
      void decideColumn(active.columnId, active.entity, key === 'a' ? 'accepted' : 'rejected');
      return;
    }
    const to = nextRow(e.key, index, cols.length, 10);
    if (to === null) return;
    e.preventDefault();
    select(cols[to]!.columnId);
  };
  const withFindings = columnsWithFindings(cols).length;
  return (
    <div className="pane-body">
      <div ref={tableRef} className="pane-scroll" tabIndex={0} role="region" aria-label="Columns and their classification" aria-activedescendant={active ? rowDomId(active) : undefined} onKeyDown={onKeyDown}>
        <table className="pc-table" aria-label="Column classification">
          <thead>
            <tr>
              <th scope="col" className="col-head">Column</th>
              <th scope="col" className="col-head">Class</th>
              <th scope="col" className="col-head num">Share</th>
              <th scope="col" className="col-head num">Confidence</th>
              <th scope="col" className="col-head pc-entities">Entities found</th>
              <th scope="col" className="col-head">Decision</th>
            </tr>
          </thead>
          <tbody>
            {cols.map((c) => (
              <ColumnRow key={c.columnId} c={c} selected={c.columnId === selected} onSelect={() => select(c.columnId)} />
            ))}
          </tbody>
        </table>
        <p className="pc-hint faint">
          <span className="kbd">↑</span> <span className="kbd">↓</span> choose a column · <span className="kbd">A</span> accept · <span className="kbd">R</span> reject its class
        </p>
      </div>
      <aside className="pane-side pc-side" aria-label="Column classification chart and detail">
        {/* The chosen column's detail (with Accept / Reject) first: below a tall chart it was off-screen. */}
        {active ? <ColumnDetail c={active} /> : null}
        <section className="pc-chart" aria-label="Share of values and confidence">
          <h3 className="section-title pc-side-title">
            Share of values and confidence
            <span className="pc-legend" aria-hidden="true">
              <span className="swatch pc-swatch-share" /> share <span className="swatch pc-swatch-conf" /> confidence
            </span>
          </h3>
          {withFindings > 0 ? (
            <EChart option={option} height={Math.max(80, 20 + bars.length * 38)} label={columnsChartLabel(bars)} />
          ) : (
            <p className="faint">No column holds detected personal data.</p>
          )}
        </section>
      </aside>
    </div>
  );
}
