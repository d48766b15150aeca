// renderPdf from an electron-vite build of the main process: the bundle sits in out/main (pdfkit,
// svg-to-pdfkit and the DejaVu fonts stay external packages, resolved from the bundle's own
// location) and must give the same bytes as the source does.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { renderPdf } from '../../src/main/engine/report/pdf';
import { sampleReportModel } from '../support/report-sample';

const root = path.resolve(__dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-report-pdf-build-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('works from the built out/main bundle, with the same bytes as from source', async () => {
  // A project folder of its own: node_modules linked, out/main inside it, as in the app.
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  // The real package.json: electron-vite keeps its `dependencies` external.
  fs.copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  const config = path.join(dir, 'electron.vite.config.mjs');
  fs.writeFileSync(
    config,
    `import { defineConfig } from 'electron-vite';
export default defineConfig({ main: { build: { outDir: ${JSON.stringify(path.join(dir, 'out', 'main'))},
  rolldownOptions: { input: { serve: ${JSON.stringify(path.join(root, 'test/support/pdf-build-entry.ts'))} } } } } });
`,
  );
  execFileSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '-c', config], { cwd: dir, stdio: 'pipe' });
  const bundle = path.join(dir, 'out', 'main', 'serve.js');
  const text = fs.readFileSync(bundle, 'utf8');
  expect(text).toMatch(/from "pdfkit"/); // external, as electron-vite leaves dependencies
  expect(text).not.toContain(path.join(root, 'node_modules', 'dejavu-fonts-ttf')); // no absolute path baked in
  const out = path.join(dir, 'built.pdf');
  execFileSync(process.execPath, [bundle, out], { cwd: dir, stdio: 'pipe' });
  const fromSource = await renderPdf(sampleReportModel('compliance'));
  expect(fs.readFileSync(out).equals(fromSource)).toBe(true);
});
