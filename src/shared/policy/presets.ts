// Built-in presets: named step lists that need no parameters, composable in the order given.
import { AppError } from '../api/result';
import { newPolicy, type Policy } from './policy';
import { stepSchema, type Step, type StepInput } from './steps';

export interface Preset {
  name: string;
  description: string;
  steps: StepInput[];
}

export const PRESETS: Record<string, Preset> = {
  standard: {
    name: 'standard',
    description:
      'Trim, collapse inner whitespace, NFC, missing-value tokens to missing (recorded, not imputed), e-mail standardisation in e-mail columns, coercion of unambiguous numbers and dates, exact duplicate rows removed. Invents no values; needs no parameters.',
    steps: [
      { id: 'trim', type: 'trim', params: {} },
      { id: 'collapse-whitespace', type: 'collapse_whitespace', params: {} },
      { id: 'nfc', type: 'normalize_unicode', params: { form: 'NFC' } },
      { id: 'missing-tokens', type: 'missing_tokens' },
      { id: 'email', type: 'standardize_email', columns: { detected: ['email'] }, params: {} },
      { id: 'numbers', type: 'coerce_number', columns: { detected: ['number'] } },
      { id: 'dates', type: 'coerce_date', columns: { detected: ['date'] } },
      { id: 'exact-duplicates', type: 'dedupe_exact', params: {} },
    ],
  },
};

export const PRESET_NAMES = Object.keys(PRESETS);

/** The policy of one or more presets in the order given; step ids are prefixed `<preset>.`. */
export function presetPolicy(names: string[], author: string, at = new Date()): Policy {
  if (names.length === 0) throw new AppError('INVALID_ARGUMENT', 'Name at least one preset.');
  const steps: Step[] = [];
  for (const name of names) {
    const preset = PRESETS[name];
    if (!preset) throw new AppError('INVALID_ARGUMENT', `There is no preset "${name}"; the presets are ${PRESET_NAMES.join(', ')}.`);
    for (const s of preset.steps) steps.push(stepSchema.parse({ ...s, id: `${name}.${s.id}` }));
  }
  return { ...newPolicy(`preset ${names.join(',')}`, author, at), description: names.map((n) => PRESETS[n]?.description ?? '').join('\n'), steps };
}
