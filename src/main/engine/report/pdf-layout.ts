// The PDF report's drawing primitives over pdfkit: the embedded DejaVu fonts, text made safe for
// them (a glyph the font lacks becomes a visible ⟨U+XXXX⟩, never a blank box), headings, fact
// lists and tables that wrap long text and break across pages with their header repeated.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

export type FontRole = 'regular' | 'bold' | 'mono';

const FONT_FILES: Record<FontRole, string> = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  mono: 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf',
};

/**
 * The font files, resolved as packages from this module (source, out/main or the packaged app),
 * so pdfkit never falls back to its built-in WinAnsi-only fonts.
 */
export function fontPath(role: FontRole): string {
  const require = createRequire(import.meta.url);
  try {
    return require.resolve(FONT_FILES[role]);
  } catch (e) {
    throw new Error(`The PDF report's font ${FONT_FILES[role]} is missing (${(e as Error).message}); reinstall the app.`, { cause: e });
  }
}

export const COLORS = {
  text: '#1f2328',
  muted: '#5b636e',
  rule: '#c9d1d9',
  headerFill: '#eef1f4',
  accent: '#0b4f8a',
  good: '#1b7f3b',
  bad: '#b3261e',
  warn: '#8a5a00',
  preview: '#455a64',
} as const;

export const PAGE = { size: 'A4', top: 64, bottom: 58, left: 48, right: 48 } as const;

/** Tables up to this height (points) are kept on one page. */
const KEEP_TOGETHER = 220;

interface GlyphCoverage {
  hasGlyphForCodePoint(cp: number): boolean;
}

/** A pdfkit document with the three fonts registered and per-font glyph coverage. */
export class Pdf {
  readonly doc: PDFKit.PDFDocument;
  private readonly coverage = new Map<FontRole, GlyphCoverage>();
  private readonly pending: { text: string; level: 1 | 2 }[] = [];

  constructor(info: PDFKit.DocumentInfo) {
    // `font` makes the document's default font DejaVu, so Helvetica is never loaded.
    this.doc = new PDFDocument({
      size: PAGE.size,
      margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
      bufferPages: true,
      font: fontPath('regular'),
      info,
      lang: 'en',
      displayTitle: true,
      autoFirstPage: true,
    });
    for (const role of ['mono', 'bold', 'regular'] as const) {
      this.doc.registerFont(role, fs.readFileSync(fontPath(role)));
      this.doc.font(role);
      this.coverage.set(role, fontkitOf(this.doc));
    }
  }

  get width(): number {
    return this.doc.page.width - PAGE.left - PAGE.right;
  }

  get bottom(): number {
    return this.doc.page.height - PAGE.bottom;
  }

  /** Sets font, size and colour in one call. */
  use(role: FontRole, size: number, color: string = COLORS.text): PDFKit.PDFDocument {
    return this.doc.font(role).fontSize(size).fillColor(color);
  }

  /** `text` with every character the font cannot draw replaced by a visible ⟨U+XXXX⟩. */
  safe(text: string, role: FontRole): string {
    const cover = this.coverage.get(role);
    if (!cover) throw new Error(`font ${role} is not registered`);
    return printable(text, (cp) => cover.hasGlyphForCodePoint(cp));
  }

  /** `text` with every character the font cannot draw replaced by one □ (for labels laid out by others). */
  boxed(text: string, role: FontRole): string {
    const cover = this.coverage.get(role);
    if (!cover) throw new Error(`font ${role} is not registered`);
    return Array.from(text, (ch) => (cover.hasGlyphForCodePoint(ch.codePointAt(0)!) ? ch : '□')).join('');
  }

  /** Whether `role` draws every character of `text`; DejaVu Sans Mono lacks scripts Sans has (Hebrew, Arabic). */
  fits(text: string, role: FontRole): boolean {
    return this.safe(text, role) === text.replace(/[\t\r]/g, ' ');
  }

  /**
   * Makes room for `height` points of content, starting a new page when they do not fit; headings
   * still waiting are drawn first and move with the content (a heading never ends a page).
   */
  ensure(height: number): void {
    const waiting = this.pending.splice(0);
    const headingsHeight = waiting.reduce((sum, h) => sum + this.headingHeight(h.text, h.level), 0);
    if (this.doc.y + headingsHeight + height > this.bottom) this.doc.addPage();
    for (const h of waiting) this.drawHeading(h.text, h.level);
  }

  /** A heading, drawn with the first content that follows it (see `ensure`). */
  heading(text: string, level: 1 | 2 = 1): void {
    this.pending.push({ text, level });
  }

  private headingHeight(text: string, level: 1 | 2): number {
    const size = level === 1 ? 14 : 11;
    return this.use('bold', size).heightOfString(this.safe(text, 'bold'), { width: this.width }) + size * (level === 1 ? 1.3 : 1);
  }

  private drawHeading(text: string, level: 1 | 2): void {
    const size = level === 1 ? 14 : 11;
    this.doc.moveDown(level === 1 ? 0.8 : 0.5);
    this.use('bold', size, level === 1 ? COLORS.accent : COLORS.text).text(this.safe(text, 'bold'), PAGE.left, this.doc.y, { width: this.width });
    if (level === 1) {
      const y = this.doc.y + 2;
      this.doc.moveTo(PAGE.left, y).lineTo(PAGE.left + this.width, y).lineWidth(0.8).strokeColor(COLORS.accent).stroke();
    }
    this.doc.moveDown(0.4);
  }

  paragraph(text: string, opts: { role?: FontRole; size?: number; color?: string } = {}): void {
    const wanted = opts.role ?? 'regular';
    const role = this.fits(text, wanted) ? wanted : 'regular';
    const printable = this.safe(text, role);
    const height = this.use(role, opts.size ?? 9).heightOfString(printable, { width: this.width });
    this.ensure(Math.min(height, 40));
    this.use(role, opts.size ?? 9, opts.color ?? COLORS.text).text(printable, PAGE.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3);
  }

  /** Label/value pairs as a borderless two-column table. */
  facts(rows: Fact[]): void {
    const cols: Column<Fact>[] = [
      { header: '', width: 0.3, cell: (r) => r[0], role: 'bold', color: () => COLORS.muted },
      { header: '', width: 0.7, cell: (r) => r[1], role: (r) => r[2] ?? 'regular', color: (r) => r[3] ?? COLORS.text },
    ];
    this.table(cols, rows, { header: false, lines: false });
  }

  /**
   * A table: cells wrap (long digests break between characters), a row that does not fit starts a
   * new page and the header row is drawn again there. A row taller than a whole page is cut with
   * an ellipsis (the JSON report has every value in full).
   */
  table<R>(columns: Column<R>[], rows: R[], opts: { header?: boolean; lines?: boolean; size?: number; empty?: string } = {}): void {
    const size = opts.size ?? 8;
    const showHeader = opts.header ?? true;
    const lines = opts.lines ?? true;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const pad = 3;
    const layout = (texts: { text: string; role: FontRole }[]) => texts.map((t, i) => this.use(t.role, size).heightOfString(t.text, { width: widths[i]! - 2 * pad }) + 2 * pad);
    const maxRow = this.bottom - PAGE.top - 40;

    const headerCells = columns.map((c) => ({ text: this.safe(c.header, 'bold'), role: 'bold' as const, color: COLORS.text }));
    const drawRow = (cells: { text: string; role: FontRole; color: string }[], fill: string | null) => {
      const height = Math.min(Math.max(...layout(cells)), maxRow);
      const y = this.doc.y;
      if (fill) this.doc.rect(PAGE.left, y, this.width, height).fill(fill);
      let x = PAGE.left;
      cells.forEach((cell, i) => {
        const w = widths[i]!;
        const align = columns[i]!.align ?? 'left';
        this.use(cell.role, size, cell.color).text(cell.text, x + pad, y + pad, { width: w - 2 * pad, height: height - 2 * pad, ellipsis: true, align });
        x += w;
      });
      if (lines) this.doc.moveTo(PAGE.left, y + height).lineTo(PAGE.left + this.width, y + height).lineWidth(0.4).strokeColor(COLORS.rule).stroke();
      this.doc.x = PAGE.left;
      this.doc.y = y + height;
      return height;
    };
    const headerHeight = showHeader ? Math.max(...layout(headerCells)) : 0;
    const body = rows.map((row) => this.cells(columns, row));
    const heights = body.map((cells) => Math.min(Math.max(...layout(cells)), maxRow));
    // A short table (a fact list, cluster sizes) is not split: it starts on the next page instead.
    const whole = headerHeight + heights.reduce((a, b) => a + b, 0);
    this.ensure(whole <= KEEP_TOGETHER ? whole : headerHeight + 24);
    if (showHeader) drawRow(headerCells, COLORS.headerFill);
    if (rows.length === 0 && opts.empty) {
      this.paragraph(opts.empty, { color: COLORS.muted, size });
      return;
    }
    body.forEach((cells, i) => {
      if (this.doc.y + heights[i]! > this.bottom) {
        this.doc.addPage();
        if (showHeader) drawRow(headerCells, COLORS.headerFill);
      }
      drawRow(cells, null);
    });
    this.doc.moveDown(0.6);
  }

  /** One row's cells: text made printable, a font that draws all of it, a colour. */
  private cells<R>(columns: Column<R>[], row: R): { text: string; role: FontRole; color: string }[] {
    return columns.map((c) => {
      const wanted = typeof c.role === 'function' ? c.role(row) : (c.role ?? 'regular');
      const text = c.cell(row);
      const role = this.fits(text, wanted) ? wanted : 'regular';
      return { text: this.safe(text, role), role, color: c.color ? c.color(row) : COLORS.text };
    });
  }

  /** The finished file. */
  async end(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.doc.end();
    return done;
  }
}

/** [label, value, value font, value colour]. */
export type Fact = [string, string, FontRole?, string?];

export interface Column<R> {
  header: string;
  /** Relative width. */
  width: number;
  cell: (row: R) => string;
  role?: FontRole | ((row: R) => FontRole);
  color?: (row: R) => string;
  align?: 'left' | 'right';
}

/** The fontkit font behind the document's current font (pdfkit keeps it on `_font.font`). */
function fontkitOf(doc: PDFKit.PDFDocument): GlyphCoverage {
  const font = (doc as unknown as { _font?: { font?: Partial<GlyphCoverage> } })._font?.font;
  if (typeof font?.hasGlyphForCodePoint !== 'function') throw new Error('pdfkit no longer exposes the embedded font; the PDF report cannot check glyph coverage');
  return font as GlyphCoverage;
}

/**
 * Replaces each run of characters `has` rejects with ⟨U+XXXX …⟩, set apart by spaces (a documented limit: DejaVu has no
 * CJK and few emoji; the HTML and JSON reports carry the text as written). Tabs and carriage
 * returns become spaces; line feeds are kept.
 */
export function printable(text: string, has: (cp: number) => boolean): string {
  let out = '';
  let missing: string[] = [];
  let pendingGap = false;
  // A space keeps a replacement a word of its own: pdfkit lays out word by word (split at spaces
  // only), and a replacement glued to a right-to-left word would be drawn reversed with it.
  const flush = () => {
    if (missing.length > 0) {
      if (out !== '' && !/\s$/.test(out)) out += ' ';
      out += `⟨${missing.join(' ')}⟩`;
      pendingGap = true;
    }
    missing = [];
  };
  const emit = (ch: string) => {
    if (pendingGap && !/\s/.test(ch)) out += ' ';
    pendingGap = false;
    out += ch;
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x0a || cp === 0x20) {
      flush();
      emit(ch);
    } else if (cp === 0x09 || cp === 0x0d) {
      flush();
      emit(' ');
    } else if (has(cp) && cp >= 0x20 && !(cp >= 0x7f && cp < 0xa0)) {
      flush();
      emit(ch);
    } else {
      missing.push(`U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
    }
  }
  flush();
  return out;
}
