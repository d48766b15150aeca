// Built by test/integration/report-pdf-build.test.ts the way electron-vite builds the main process
// (dependencies external, one ESM file in out/main), then run with plain Node: renderPdf must find
// its fonts from the bundle's location, not from the source tree.
import fs from 'node:fs';
import { renderPdf } from '../../src/main/engine/report/pdf';
import { sampleReportModel } from './report-sample';

fs.writeFileSync(process.argv[2]!, await renderPdf(sampleReportModel('compliance')));
