// The duplicate steps' settings: whether exact duplicates compare normalised text; for near
// duplicates which record survives, the match threshold and whether review decisions steer it.
import { DEDUPE_DEFAULTS, DEDUPE_ROLE_LABEL, type Survivorship } from '../../../shared/api/dedupe-types';
import { CheckField, Field, NumberInput, OptionSelect } from './fields';
import type { FormProps } from './param-forms';

const SURVIVORSHIP: Record<Survivorship, string> = {
  most_complete: 'The most complete record',
  newest: 'The newest record (by a date or number column)',
  first: 'The first record (by row id)',
  merge: 'The most complete, blanks filled from the others',
};
const STRATEGIES = Object.keys(SURVIVORSHIP) as Survivorship[];

export function DedupeExactForm({ p, on }: FormProps<'dedupe_exact'>) {
  return (
    <div className="param-grid">
      <CheckField
        label="Compare normalised text"
        checked={p.normalise === true}
        onChange={(normalise) => on(normalise ? { ...p, normalise } : {}, 'normalise')}
        help="Trims, collapses spacing, folds case and strips accents before comparing: “  Zoë SMITH” equals “zoe smith”."
      />
    </div>
  );
}

export function DedupeNearForm({ p, at, on }: FormProps<'dedupe_near'>) {
  const roles = Object.entries(p.roles);
  return (
    <div className="param-grid">
      <Field label="Keep" issues={at('survivorship')}>
        {(a) => (
          <OptionSelect
            {...a}
            value={p.survivorship}
            options={STRATEGIES}
            labels={SURVIVORSHIP}
            onChange={(survivorship) => {
              const { newestColumn, ...rest } = p;
              on(survivorship === 'newest' ? { ...rest, survivorship, ...(newestColumn !== undefined ? { newestColumn } : {}) } : { ...rest, survivorship }, 'survivorship');
            }}
          />
        )}
      </Field>
      {p.survivorship === 'newest' ? (
        <Field label="Newest by column" issues={at('newestColumn')} help="The header of the date or number that says which record is newest.">
          {(a) => <input {...a} className="input" value={p.newestColumn ?? ''} spellCheck={false} onChange={(e) => on({ ...p, newestColumn: e.target.value }, 'newestColumn')} />}
        </Field>
      ) : null}
      <Field label="Match threshold" issues={at('threshold')} help={`Pairs at or above this match probability are duplicates (default ${DEDUPE_DEFAULTS.threshold}).`}>
        {(a) => <NumberInput {...a} className="input param-short" value={p.threshold} onChange={(threshold) => on({ ...p, threshold: threshold ?? DEDUPE_DEFAULTS.threshold }, 'threshold')} />}
      </Field>
      <CheckField label="Use review decisions" checked={p.useDecisions} onChange={(useDecisions) => on({ ...p, useDecisions }, 'useDecisions')} help="Pairs a reviewer accepted are duplicates, pairs rejected are not." />
      {roles.length > 0 ? (
        <p className="help param-wide">Roles set by the policy: {roles.map(([h, r]) => `“${h}” ${DEDUPE_ROLE_LABEL[r].toLowerCase()}`).join(', ')}.</p>
      ) : null}
    </div>
  );
}
