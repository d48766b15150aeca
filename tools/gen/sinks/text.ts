// CSV, TSV, JSONL and JSON files: a header or an opening bracket, the chunks, the ending.
// UTF-8 without BOM, LF line ends.
import { FileWriter } from '../file-writer';
import { COLUMNS } from '../render';
import type { TextSink } from './sink';

export function textSink(file: string, format: 'csv' | 'tsv' | 'jsonl' | 'json'): TextSink {
  const out = new FileWriter(file);
  let first = true;
  if (format === 'csv' || format === 'tsv') out.write(`${COLUMNS.join(format === 'csv' ? ',' : '\t')}\n`);
  if (format === 'json') out.write('[\n');
  return {
    kind: 'text',
    format,
    chunk(text: string) {
      if (format === 'json' && !first) out.write(',\n');
      out.write(format === 'json' ? text : `${text}\n`);
      first = false;
    },
    async finish() {
      if (format === 'json') out.write(first ? ']\n' : '\n]\n');
      return out.commit();
    },
    async abort() {
      out.abort();
    },
  };
}
