// The duplicate steps' settings: whether exact duplicates compare normalised text.
import { CheckField } from './fields';
import type { FormProps } from './param-forms';

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
