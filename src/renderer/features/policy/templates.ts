// New steps for the editor: each type's parameters at their schema defaults, or — for the types
// whose parameters have none — the starting values the form shows (validation then says what is
// still missing, e.g. an empty alias map).
import { STEP_INFO } from '../../../shared/policy/catalog';
import { stepSchema, stepSchemas, type Step, type StepInput, type StepOf, type StepType } from '../../../shared/policy/steps';
import { uniqueStepId } from './draft';

const STARTERS: { [T in StepType]?: StepOf<T>['params'] } = {
  change_case: { mode: 'lower' },
  replace: { find: '', replacement: '', regex: false, caseSensitive: true, wholeValue: false },
  category_aliases: { map: [], caseSensitive: true },
  // No default region: the user names it (never the machine's locale).
  standardize_phone: { defaultRegion: '', format: 'E.164' },
  impute: { method: 'median', flagColumn: false },
  outliers: { method: 'iqr', action: 'flag' },
  rename_column: { to: '' },
  // The user picks the operators; starting from a type token for e-mails shows the shape.
  deidentify: { operators: { EMAIL: { op: 'token', entity: 'EMAIL' } }, scope: 'cell', minConfidence: 0.5, regions: ['US', 'GB'] },
  generalise: { kind: 'date_year' },
};

/** The parameters a new step of this type starts with. */
export function startingParams(type: StepType): Step['params'] {
  const parsed = stepSchemas[type].shape.params.safeParse(undefined);
  if (parsed.success) return parsed.data as Step['params'];
  return structuredClone(STARTERS[type]) as Step['params'];
}

/** The step id a type starts with: its label in kebab case (`change-case`). */
export function baseId(type: StepType): string {
  return STEP_INFO[type].label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** A new step of `type` with a unique id and starting parameters (columns: the type's default). */
export function newStep(type: StepType, takenIds: string[]): Step {
  return { id: uniqueStepId(baseId(type), takenIds), type, enabled: true, params: startingParams(type) } as Step;
}

type WithoutId<S> = S extends unknown ? Omit<S, 'id'> & { id?: string | undefined } : never;
/** A step as another feature hands it in: any step type with its parameters, the id optional. */
export type StepToAdd = WithoutId<StepInput>;

/**
 * A step handed in from elsewhere (e.g. the cluster dialog's category_aliases), completed: an id
 * that is free, defaults filled in. Parameters the schema refuses are kept as given, so the
 * editor can show what is wrong with them.
 */
export function completeStep(input: StepToAdd, takenIds: string[]): Step {
  const id = uniqueStepId(input.id ?? baseId(input.type), takenIds);
  const parsed = stepSchema.safeParse({ ...input, id });
  if (parsed.success) return parsed.data;
  const start = newStep(input.type, takenIds);
  const params = { ...start.params, ...(input.params ?? {}) };
  return { ...start, ...input, id, enabled: input.enabled ?? true, params } as Step;
}
