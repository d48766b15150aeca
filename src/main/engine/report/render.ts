// A report model rendered to a file's bytes, one renderer per format: JSON here, HTML
// (report/html.ts) and PDF (report/pdf.ts). Which format a path asks for: `format`, else its
// extension.
import path from 'node:path';
import { REPORT_FORMATS, reportModelSchema, type ReportFormat, type ReportModel } from '../../../shared/api/report-types';
import { AppError } from '../../../shared/api/result';

export type Renderer = (model: ReportModel) => Promise<Buffer>;

/** Objects' keys sorted, recursively (the policy document is free-form: its order must not depend on how it was written). */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
}

/** Pretty JSON, two-space indent, keys in the schema's order (the policy document's sorted), a final newline. */
export function renderJson(model: ReportModel): string {
  const parsed = reportModelSchema.parse(model);
  return `${JSON.stringify({ ...parsed, policy: { ...parsed.policy, document: sortKeys(parsed.policy.document) } }, null, 2)}\n`;
}

const RENDERERS: Partial<Record<ReportFormat, Renderer>> = {
  json: async (m) => Buffer.from(renderJson(m), 'utf8'),
  // Loaded on first use: echarts, pdfkit and its fonts cost every CLI command about 2 s of CPU
  // at start-up when imported with the engine (measured: `sanitizer --version` 0.9 s → 3.1 s).
  html: async (m) => Buffer.from((await import('./html')).renderHtml(m), 'utf8'),
  pdf: async (m) => (await import('./pdf')).renderPdf(m),
};

/** Refuses, before any work, a format this build has no renderer for. */
export function assertRenderable(format: ReportFormat): void {
  if (!RENDERERS[format]) throw new AppError('UNSUPPORTED', `This build cannot write ${format.toUpperCase()} reports yet; write .json instead.`, { format });
}

export async function renderReport(model: ReportModel, format: ReportFormat): Promise<Buffer> {
  assertRenderable(format);
  return (RENDERERS[format] as Renderer)(model);
}

const EXTENSIONS: Record<string, ReportFormat> = { '.html': 'html', '.htm': 'html', '.pdf': 'pdf', '.json': 'json' };

/** The format of a report file: as asked (it must agree with the extension), else from the extension. */
export function reportFormatOf(file: string, asked?: ReportFormat): ReportFormat {
  const ext = path.extname(file).toLowerCase();
  const byExt = EXTENSIONS[ext];
  if (asked && byExt && asked !== byExt) throw new AppError('INVALID_ARGUMENT', `${path.basename(file)} ends in ${ext} but the format asked is ${asked}; make them agree.`, { file, format: asked });
  const format = asked ?? byExt;
  if (!format) throw new AppError('INVALID_ARGUMENT', `${path.basename(file)}: a report is ${REPORT_FORMATS.map((f) => `.${f}`).join(', ')}; name the file with one of those extensions or give the format.`, { file });
  return format;
}
