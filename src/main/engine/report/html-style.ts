// The HTML report's stylesheet (inline: the CSP allows inline styles and nothing else). System font
// families by name only, readable at 1024 px, and print rules for A4: a page per section, table
// headers repeated, rows and charts kept whole, colours printed, page numbers in the margin.
import { cssString } from './html-parts';

const SCREEN = `
:root { --text: #1d2026; --muted: #555b66; --line: #d6d9de; --soft: #f4f5f7; --accent: #2f5fa7;
  --ok: #1b6e35; --ok-bg: #e3f3e8; --warn: #7a4d00; --warn-bg: #fff1cc; --bad: #a3211b; --bad-bg: #fde7e5;
  --grey: #4a4f57; --grey-bg: #e9eaed; }
* { box-sizing: border-box; }
html { font-family: 'DejaVu Sans', 'Segoe UI', 'Helvetica Neue', Arial, sans-serif; font-size: 14px; line-height: 1.45; color: var(--text); background: #fff; }
body { margin: 0; }
main { max-width: 980px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 1.6rem; margin: 0.4em 0 0.2em; overflow-wrap: anywhere; }
h2 { font-size: 1.3rem; margin: 1.8em 0 0.6em; padding-bottom: 0.2em; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.4em 0 0.4em; }
p { margin: 0.4em 0 0.8em; }
/* Headings and text hold user data (file and column names): a long unbroken one wraps. */
h1, h2, h3, p, li, dd, figcaption { overflow-wrap: anywhere; }
code, pre, .digest { font-family: 'DejaVu Sans Mono', Consolas, 'Liberation Mono', monospace; font-size: 0.86rem; }
.digest { overflow-wrap: anywhere; word-break: break-all; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: 8px 10px; margin: 0.4em 0 1em;
  white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-word; }
td pre { margin: 0; padding: 4px 6px; font-size: 0.8rem; }
.none { color: var(--muted); font-style: italic; }
.sub { display: block; color: var(--muted); font-size: 0.85rem; }
ul.plain { list-style: none; margin: 0; padding: 0; }
td.when, .nowrap { white-space: nowrap; }
.muted { color: var(--muted); }
.banner { border: 3px solid; border-radius: 8px; padding: 14px 18px; margin: 8px 0 14px; display: flex; gap: 18px; align-items: center; }
.banner .stamp { font-size: 1.9rem; font-weight: 800; letter-spacing: 0.06em; border: 3px solid; border-radius: 6px; padding: 2px 12px; white-space: nowrap; }
.banner .what { font-size: 1.15rem; font-weight: 700; }
.banner p { margin: 0.2em 0 0; }
.banner.compliance { color: var(--ok); background: var(--ok-bg); border-color: var(--ok); }
.banner.unapproved { color: var(--warn); background: var(--warn-bg); border-color: #c98a00; }
.banner.preview { color: var(--grey); background: var(--grey-bg); border-color: #8a8f98; }
.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(130px, 1fr)); gap: 8px; margin: 10px 0 18px; }
.summary div { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; }
.summary b { display: block; font-size: 1.25rem; }
.summary span { color: var(--muted); font-size: 0.85rem; }
.summary div.alert { border-color: var(--bad); background: var(--bad-bg); color: var(--bad); }
.summary div.alert span { color: var(--bad); }
nav.toc ol { columns: 2; margin: 0.4em 0 0; padding-left: 1.4em; }
nav.toc a { color: var(--accent); }
table.narrow, table.settings { width: auto; min-width: 45%; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1.2em; font-size: 0.92rem; }
caption { text-align: left; font-weight: 700; padding: 4px 0; }
th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
/* Cells hold user data: a long unbroken value wraps instead of widening the table; a minimum width
   keeps short words (a role, a name) whole. Headers are ours and break between words only. */
td { overflow-wrap: anywhere; min-width: 5.5em; }
td.num, td.nowrap { min-width: 0; }
/* nowrap is for values the model constrains (codes, statuses); user text always wraps. */
table.approvals td:nth-child(2) { min-width: 7.5em; }
table.approvals td:nth-child(3) { min-width: 8.5em; }
table.steps td:nth-child(3) { min-width: 8em; }
table.results td:nth-child(2) { min-width: 11em; }
table.results td:nth-child(3) { min-width: 7em; }
th { background: var(--soft); font-weight: 700; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
dl.facts { display: grid; grid-template-columns: minmax(160px, max-content) 1fr; gap: 4px 16px; margin: 0.4em 0 1em; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.badge { display: inline-block; border-radius: 10px; padding: 1px 9px; font-size: 0.82rem; font-weight: 700; white-space: nowrap; border: 1px solid; }
.badge.handled { color: var(--ok); background: var(--ok-bg); }
.badge.not-detected { color: var(--grey); background: var(--grey-bg); }
.badge.not-handled { color: var(--bad); background: var(--bad-bg); }
.badge.masked { color: var(--warn); background: var(--warn-bg); }
.notrun { border-left: 4px solid #8a8f98; background: var(--grey-bg); padding: 8px 12px; margin: 0.4em 0 1em; }
.warning { border-left: 4px solid #c98a00; background: var(--warn-bg); padding: 8px 12px; margin: 0.4em 0 1em; }
.controller { color: var(--warn); background: var(--warn-bg); border: 1px dashed #c98a00; border-radius: 4px; padding: 1px 6px; font-weight: 700; white-space: nowrap; }
tr.to-fill td { background: #fffaf0; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 12px 20px; }
figure.chart { margin: 0.6em 0 1.2em; }
figure.chart figcaption { font-weight: 700; margin-bottom: 4px; overflow-wrap: anywhere; }
figure.chart .svg svg { display: block; max-width: 100%; height: auto; }
figure.chart .alt { color: var(--muted); font-size: 0.82rem; margin: 4px 0 0; overflow-wrap: anywhere; }
.diff-before { color: var(--bad); }
.diff-after { color: var(--ok); }
footer { margin-top: 32px; border-top: 1px solid var(--line); padding-top: 8px; color: var(--muted); font-size: 0.85rem; }
`;

const PRINT = `
@media print {
  html { font-size: 10.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; }
  nav.toc { break-after: page; }
  section { break-before: page; }
  h2, h3, figcaption { break-after: avoid; }
  thead { display: table-header-group; }
  tr, figure, .banner, dl.facts, pre { break-inside: avoid; }
  .charts { display: block; }
  a { color: inherit; text-decoration: none; }
}
`;

/** The stylesheet; `running` is the text printed at the top of every page (the run kind, the dataset). */
export function reportCss(running: string): string {
  const page = `
@page { size: A4; margin: 18mm 14mm 16mm;
  @top-left { content: ${cssString(running)}; font-size: 8pt; color: #555b66; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; color: #555b66; } }
`;
  return `${SCREEN}${PRINT}${page}`.trim();
}
