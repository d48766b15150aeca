// The category-alias map: one row per canonical value with the variants that become it. The
// cluster dialog fills it from suggestions; here it is typed or corrected by hand.
import type { StepOf } from '../../../shared/policy/steps';
import { Icon } from '../../ui/Icon';
import { FieldErrors } from './fields';
import { describeSub, type FieldIssue } from './issues';
import { TokenListInput } from './TokenListInput';

type AliasParams = StepOf<'category_aliases'>['params'];
type Entry = AliasParams['map'][number];

export function AliasMapField({ params, onChange, issues }: { params: AliasParams; onChange: (p: AliasParams, key: string) => void; issues: FieldIssue[] | undefined }) {
  const map = params.map;
  const setEntry = (i: number, e: Entry, key: string) => onChange({ ...params, map: map.map((x, k) => (k === i ? e : x)) }, `map.${i}.${key}`);
  const entryIssues = (i: number) => (issues ?? []).filter((x) => x.sub[0] === i).map((x) => `${describeSub(x.sub.slice(1)) || 'entry'}: ${x.message}`);
  const general = (issues ?? []).filter((x) => typeof x.sub[0] !== 'number').map((x) => x.message);
  return (
    <div className="alias-map">
      {map.length > 0 ? (
        <div className="alias-head" aria-hidden="true">
          <span>Variants</span>
          <span />
          <span>Becomes</span>
        </div>
      ) : null}
      <ol className="alias-rows" aria-label="Aliases">
        {map.map((e, i) => (
          <li key={i} className="alias-row">
            <TokenListInput values={e.from} noun="variant" aria-label={`Variants of alias ${i + 1}`} onChange={(from) => setEntry(i, { ...e, from }, 'from')} />
            <Icon name="chevronRight" size={14} className="faint" />
            <input
              className="input"
              aria-label={`Canonical value of alias ${i + 1}`}
              value={e.to}
              placeholder="Canonical value"
              spellCheck={false}
              onChange={(ev) => setEntry(i, { ...e, to: ev.target.value }, 'to')}
            />
            <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Remove alias ${i + 1}`} onClick={() => onChange({ ...params, map: map.filter((_, k) => k !== i) }, 'map')}>
              <Icon name="trash" size={13} />
            </button>
            <FieldErrors messages={entryIssues(i)} />
          </li>
        ))}
      </ol>
      <FieldErrors messages={general} />
      <button type="button" className="btn btn-sm alias-add" onClick={() => onChange({ ...params, map: [...map, { from: [], to: '' }] }, 'map')}>
        <Icon name="plus" size={13} /> Add alias
      </button>
    </div>
  );
}
