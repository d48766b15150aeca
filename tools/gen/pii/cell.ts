// A generated cell and its labels. Offsets are Unicode code points, end-exclusive — the engine's
// unit — counted while the text is built, so an emoji before a span moves it by one, not two.
import type { EntityType } from '../../../src/shared/api/pii-types';

/** A labelled span: an entity, or a hard negative (a look-alike that must not be reported). */
export type Label = EntityType | 'NEGATIVE';

export interface Span {
  label: Label;
  start: number;
  end: number;
  /** The variant drawn: issuer, region, format, negative kind. */
  kind: string;
  /** The labelled text itself (kept for tests and examples; the truth file holds offsets only). */
  value: string;
}

export interface Cell {
  text: string;
  spans: Span[];
}

export class CellBuilder {
  private parts: string[] = [];
  private at = 0;
  readonly spans: Span[] = [];

  add(text: string): this {
    this.parts.push(text);
    this.at += [...text].length;
    return this;
  }

  span(label: Label, text: string, kind: string): this {
    const start = this.at;
    this.add(text);
    this.spans.push({ label, start, end: this.at, kind, value: text });
    return this;
  }

  build(): Cell {
    return { text: this.parts.join(''), spans: this.spans };
  }
}

export const whole = (label: Label, v: { text: string; kind: string }): Cell => new CellBuilder().span(label, v.text, v.kind).build();
