// The HTML report in a real Chromium, JavaScript off, every request intercepted: opening it makes no
// request but the file itself, breaks no CSP rule, fits 1024 px, prints on A4 a section a page, and
// its pages are kept as screenshots (docs/screenshots/90-report-*.png) to be looked at.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/shared/api/report-types';
import { renderHtml } from '../../src/main/engine/report/html';
import { sampleReportModel } from '../support/report-sample';

const SCREENS = path.resolve(__dirname, '../../docs/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// As in playwright.config.ts.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

let browser: Browser;
let dir: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`report-html-chromium: no Chromium at ${CHROMIUM}. Install one (apt-get install chromium) or set CHROMIUM_PATH to its executable.`);
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-report-html-'));
  fs.mkdirSync(SCREENS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The one DOM function the test calls in the page (the node tsconfig has no DOM types). */
interface ComputedStyleOf {
  getComputedStyle(e: unknown): { backgroundColor: string };
}

interface Opened {
  page: Page;
  url: string;
  requests: string[];
  console: string[];
  close: () => Promise<void>;
}

/** Writes the report, opens it with JavaScript off; every request is recorded and all but the file's own aborted. */
async function open(model: ReportModel, name: string): Promise<Opened> {
  const file = path.join(dir, `${name}.html`);
  fs.writeFileSync(file, renderHtml(model));
  const url = pathToFileURL(file).href;
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1024, height: 800 }, colorScheme: 'light' });
  const requests: string[] = [];
  const consoleLines: string[] = [];
  await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  await page.goto(url, { waitUntil: 'load' });
  return { page, url, requests, console: consoleLines, close: () => context.close() };
}

/** The sample with 300-character unbroken values wherever user text lands. */
function longValues(): ReportModel {
  const L = 'x'.repeat(300);
  const m = sampleReportModel('unapproved');
  m.run.datasetName = `d${L}`;
  m.inputs[0]!.fileName = `f${L}`;
  m.inputs[0]!.settings[`k${L}`] = `v${L}`;
  m.columns[0]!.column = `c${L}`;
  m.steps[0]!.perColumn[0]!.column = `c${L}`;
  m.steps[0]!.label = `l${L}`;
  m.steps[0]!.columns = [`c${L}`];
  m.sampleDiffs[0] = { ...m.sampleDiffs[0]!, before: `b${L}`, after: `a${L}`, column: `c${L}` };
  m.policy.approvals = [{ by: `b${L}`, role: `r${L}`, at: `t${L}`, reason: `r${L}`, keyFingerprint: 'ab'.repeat(32) }];
  m.hipaa[0]!.evidence = `e${L}`;
  m.gdpr[2]!.value = `g${L}`;
  m.reproducibility.command = `sanitizer clean ${L}`;
  m.pii.byEntity[0]!.entity = `E${L}`;
  return m;
}

describe('the HTML report in Chromium', () => {
  const kinds: [ReportModel['run']['kind'], string, string][] = [
    ['compliance', 'APPROVED', 'rgb(227, 243, 232)'],
    ['unapproved', 'UNAPPROVED', 'rgb(255, 241, 204)'],
    ['preview', 'PREVIEW', 'rgb(233, 234, 237)'],
  ];

  it.each(kinds)('%s: makes no request but the file, logs no CSP violation, shows the %s banner first', async (kind, stamp, background) => {
    const o = await open(sampleReportModel(kind), `report-${kind}`);
    try {
      expect(o.requests).toEqual([o.url]);
      expect(o.console).toEqual([]);
      const banner = o.page.locator('header.banner');
      await expect.poll(() => banner.locator('.stamp').textContent()).toBe(stamp);
      const box = await banner.boundingBox();
      expect(box!.y).toBeLessThan(40);
      expect(box!.height).toBeGreaterThan(50);
      expect(await banner.evaluate((e) => (globalThis as unknown as ComputedStyleOf).getComputedStyle(e).backgroundColor)).toBe(background);
      await o.page.screenshot({ path: path.join(SCREENS, `90-report-top${kind === 'compliance' ? '' : `-${kind}`}.png`) });
    } finally {
      await o.close();
    }
  });

  it('fits 1024 px, draws every chart, and keeps the chart, PII and HIPAA pages as screenshots', async () => {
    const o = await open(sampleReportModel(), 'report-pages');
    try {
      const overflow = await o.page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow, 'nothing wider than the 1024 px window').toBe(0);
      const charts = o.page.locator('figure.chart svg');
      expect(await charts.count()).toBe(13);
      for (const c of await charts.all()) {
        const b = await c.boundingBox();
        expect(b!.width).toBeGreaterThan(300);
        expect(b!.height).toBeGreaterThan(60);
      }
      expect(await o.page.locator('#hipaa tbody tr').count()).toBe(18);
      await o.page.locator('#done').screenshot({ path: path.join(SCREENS, '90-report-charts.png') });
      await o.page.locator('#pii').screenshot({ path: path.join(SCREENS, '90-report-pii.png') });
      await o.page.locator('#hipaa').screenshot({ path: path.join(SCREENS, '90-report-hipaa.png') });
      await o.page.locator('#gdpr').screenshot({ path: path.join(SCREENS, '90-report-gdpr.png') });
    } finally {
      await o.close();
    }
  });

  it('wraps 300-character unbroken values instead of widening the page past 1024 px', async () => {
    const o = await open(longValues(), 'report-long');
    try {
      expect(await o.page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBe(0);
      expect(o.requests).toEqual([o.url]);
    } finally {
      await o.close();
    }
  });

  it('prints on A4: the title page, then one or more pages per section', async () => {
    const o = await open(sampleReportModel(), 'report-print');
    try {
      const pdf = await o.page.pdf({ preferCSSPageSize: true, printBackground: true });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      // Banner and contents on page 1, then ten sections each starting a page.
      expect(pages).toBeGreaterThanOrEqual(11);
      const size = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
      expect(Math.round(Number(size![1]))).toBe(595); // A4 in points
      expect(Math.round(Number(size![2]))).toBe(842);
      expect(o.requests).toEqual([o.url]);
    } finally {
      await o.close();
    }
  });
});
