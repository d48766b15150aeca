// One step to its operation: resolves the step's columns and row filter against the frame and
// hands it to the compiler of its type. Steps that read the data (statistics, detection,
// failure counts, distinct values) see the frame as the steps before them left it.
import { AppError } from '../../../shared/api/result';
import { STEP_INFO } from '../../../shared/policy/catalog';
import type { Step, StepOf } from '../../../shared/policy/steps';
import { filterSql } from './filter';
import type { Compiled, Frame, FrameColumn } from './frame';
import { compileDedupeNear } from './ops-dedupe';
import { compileDeidentify, compileGeneralise } from './ops-pii';
import { compileImpute, compileOutliers, compilePhone } from './ops-stats';
import { textCompilers, type Ctx } from './ops-text';
import { compileDate, compileNumber } from './ops-types';
import type { Query } from './query';
import { describeStep, resolveColumns } from './select';
import { duplicateRows } from './duplicates';

/** Steps whose SQL does not depend on the data: they can share one pass with their neighbours. */
const DATA_FREE = new Set<Step['type']>(['trim', 'collapse_whitespace', 'remove_control_chars', 'replace', 'category_aliases', 'missing_tokens', 'drop_columns', 'rename_column']);

export function needsData(step: Step): boolean {
  if (step.columns?.detected && step.columns.detected.length > 0) return true;
  if (step.columns?.pii && step.columns.pii.length > 0) return true;
  if (step.type === 'normalize_unicode') return step.params.form === 'NFKC';
  if (step.type === 'change_case') return step.params.mode === 'title';
  return !DATA_FREE.has(step.type);
}

function rowsCompiled(op: Compiled['op'], cols: FrameColumn[], notes: string[]): Compiled {
  return { op, columnIds: cols.map((c) => c.id), failures: 0, failureExamples: [], notes };
}

export async function compileStep(q: Query, frame: Frame, step: Step, index: number): Promise<Compiled> {
  const { columns, notes } = await resolveColumns(q, frame, step, index);
  const where = step.where ? filterSql(step.where, frame.columns, q, describeStep(step, index)) : null;
  const out = await dispatch(q, frame, step, columns, where, index);
  return { ...out, notes: [...notes, ...out.notes] };
}

async function dispatch(q: Query, frame: Frame, step: Step, cols: FrameColumn[], where: string | null, index: number): Promise<Compiled> {
  const ctx = <T extends Step['type']>(s: StepOf<T>): Ctx<T> => [q, frame, s, cols, where];
  switch (step.type) {
    case 'trim': return textCompilers.trim(...ctx(step));
    case 'collapse_whitespace': return textCompilers.collapse_whitespace(...ctx(step));
    case 'normalize_unicode': return textCompilers.normalize_unicode(...ctx(step));
    case 'remove_control_chars': return textCompilers.remove_control_chars(...ctx(step));
    case 'change_case': return textCompilers.change_case(...ctx(step));
    case 'replace': return textCompilers.replace(...ctx(step));
    case 'category_aliases': return textCompilers.category_aliases(...ctx(step));
    case 'standardize_email': return textCompilers.standardize_email(...ctx(step));
    case 'missing_tokens': return textCompilers.missing_tokens(...ctx(step));
    case 'coerce_boolean': return textCompilers.coerce_boolean(...ctx(step));
    case 'coerce_number': return compileNumber(...ctx(step));
    case 'coerce_date': return compileDate(...ctx(step));
    case 'standardize_phone': return compilePhone(...ctx(step));
    case 'impute': return compileImpute(...ctx(step));
    case 'outliers': return compileOutliers(...ctx(step), index);
    case 'dedupe_exact': {
      if (cols.length === 0) throw new AppError('POLICY_INVALID', `${describeStep(step, index)} has no key columns.`);
      const normalise = step.params.normalise === true;
      const removed = await duplicateRows(q, frame, cols, where, normalise);
      return rowsCompiled({ kind: 'rows', removed, linked: true }, cols, normalise ? ['text compared trimmed, with spacing collapsed, case folded and accents stripped'] : []);
    }
    case 'dedupe_near': return compileDedupeNear(...ctx(step), index);
    case 'drop_rows':
      return rowsCompiled({ kind: 'rows', keep: `NOT (${where ?? 'false'})` }, cols, []);
    case 'drop_columns':
      return rowsCompiled({ kind: 'columns', drop: cols.map((c) => c.id), rename: [] }, cols, []);
    case 'deidentify': return compileDeidentify(...ctx(step));
    case 'generalise': return compileGeneralise(...ctx(step));
    case 'rename_column': {
      const c = cols[0] as FrameColumn;
      if (step.params.to !== c.header && frame.columns.some((x) => x.header === step.params.to)) {
        return rowsCompiled({ kind: 'columns', drop: [], rename: [{ id: c.id, header: step.params.to }] }, cols, [`another column is already headed "${step.params.to}"; both keep their ids`]);
      }
      return rowsCompiled({ kind: 'columns', drop: [], rename: [{ id: c.id, header: step.params.to }] }, cols, []);
    }
  }
}

export const stepLabel = (step: Step): string => STEP_INFO[step.type].label;
