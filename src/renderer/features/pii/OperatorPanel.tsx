// Choose the operator per entity type: one row per entity the scan found (or every entity before a
// scan), the operator and its one setting, whole cells or spans in free text — then hand the
// `deidentify` step to the policy editor, whose live preview shows the masked values as a diff.
import { ENTITY_TYPES, type EntityType } from '../../../shared/api/pii-types';
import { GENERALISE_KINDS, PSEUDONYM_KINDS, type GeneraliseKind } from '../../../shared/policy/operators';
import type { OperatorKey } from '../../../shared/policy/steps';
import { formatCount, plural } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { notify } from '../notices/store';
import { usePolicyDraft } from '../policy/store';
import { CHOICE_LABEL, defaultOperator, deidentifySteps, GENERALISE_LABEL, OPERATOR_CHOICES, PSEUDONYM_LABEL, type EntityOperator, type PseudonymKind } from './deid-step';
import { ENTITY_LABEL } from './labels';
import { useOperators } from './operator-store';
import { usePii } from './store';

function Setting({ k, o }: { k: OperatorKey; o: EntityOperator }) {
  const set = useOperators((s) => s.set);
  const name = k === 'default' ? 'other entities' : ENTITY_LABEL[k];
  if (o.choice === 'mask') {
    return (
      <label className="op-setting">
        <span>keep last</span>
        <input className="input op-num" type="number" min={0} max={100} value={o.keepLast} aria-label={`Characters kept at the end of ${name}`} onChange={(e) => set(k, { keepLast: Math.max(0, Math.min(100, Number(e.target.value) || 0)) })} />
      </label>
    );
  }
  if (o.choice === 'pseudonym') {
    return (
      <select className="select" value={o.pseudonym} aria-label={`Pseudonym kind for ${name}`} onChange={(e) => set(k, { pseudonym: e.target.value as PseudonymKind })}>
        {PSEUDONYM_KINDS.map((p) => <option key={p} value={p}>{PSEUDONYM_LABEL[p]}</option>)}
      </select>
    );
  }
  if (o.choice === 'generalise') {
    return (
      <select className="select" value={o.generalise} aria-label={`Generalisation for ${name}`} onChange={(e) => set(k, { generalise: e.target.value as GeneraliseKind })}>
        {GENERALISE_KINDS.map((g) => <option key={g} value={g}>{GENERALISE_LABEL[g]}</option>)}
      </select>
    );
  }
  if (o.choice === 'token') return <span className="mono faint op-example">{`<${k === 'default' ? 'PII' : k}>`}</span>;
  if (o.choice === 'hash') return <span className="faint op-example">HMAC-SHA-256, workspace key</span>;
  return null;
}

function OperatorRow({ k, findings }: { k: OperatorKey; findings: number | null }) {
  const o = useOperators((s) => s.choices[k]) ?? defaultOperator(k);
  const set = useOperators((s) => s.set);
  const name = k === 'default' ? 'Any other entity' : ENTITY_LABEL[k];
  return (
    <tr className={o.choice === 'keep' ? 'is-kept' : ''}>
      <th scope="row">
        {k === 'default' ? <span>{name}</span> : <span className="pii-entity">{name}</span>}
      </th>
      <td className="num faint">{findings === null ? '' : formatCount(findings)}</td>
      <td>
        <select className="select" value={o.choice} aria-label={`Operator for ${name}`} onChange={(e) => set(k, { choice: e.target.value as EntityOperator['choice'] })}>
          {OPERATOR_CHOICES.map((c) => <option key={c} value={c}>{CHOICE_LABEL[c]}</option>)}
        </select>
      </td>
      <td className="op-setting-cell">
        <Setting k={k} o={o} />
      </td>
    </tr>
  );
}

export function OperatorPanel() {
  const summary = usePii((s) => s.summary);
  const scope = useOperators((s) => s.scope);
  const setScope = useOperators((s) => s.setScope);
  const counts = new Map(summary?.byEntity.map((b) => [b.entity, b.findings]) ?? []);
  const entities: EntityType[] = summary ? ENTITY_TYPES.filter((e) => (counts.get(e) ?? 0) > 0) : [...ENTITY_TYPES];
  const keys: OperatorKey[] = [...entities, 'default'];
  const freeText = summary?.columns.some((c) => c.freeText && c.entities.length > 0) ?? false;

  const addToPolicy = () => {
    const all = useOperators.getState();
    const steps = deidentifySteps(Object.fromEntries(keys.map((k) => [k, all.get(k)])), scope);
    if (steps.length === 0) {
      notify('info', 'Nothing to de-identify', 'Every entity is set to “Keep as is”: choose an operator for at least one.');
      return;
    }
    const draft = usePolicyDraft.getState();
    const ids = steps.map((s) => draft.addStep(s));
    draft.open();
    notify('success', ids.length === 1 ? 'De-identify step added to the policy' : 'De-identify steps added to the policy', `${ids.map((id) => `“${id}”`).join(' and ')} ${ids.length === 1 ? 'is the policy’s last step' : 'are the policy’s last steps'}; the preview shows the changed cells.`);
  };

  return (
    <div className="op">
      <div className="op-main">
        <h3 className="op-title">Operator per entity type</h3>
        <p className="op-intro faint">
          {summary
            ? `The ${plural(entities.length, 'entity type')} this scan found. `
            : 'No scan yet: every entity type is listed. '}
          The step goes into the policy; its preview shows each changed cell before and after, and the ledger keeps a keyed digest and a masked preview instead of the value.
        </p>
        <table className="op-table" aria-label="Operators">
          <thead>
            <tr>
              <th scope="col" className="col-head">Entity</th>
              <th scope="col" className="col-head num">Findings</th>
              <th scope="col" className="col-head">Operator</th>
              <th scope="col" className="col-head">Setting</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => <OperatorRow key={k} k={k} findings={k === 'default' ? null : summary ? (counts.get(k) ?? 0) : null} />)}
          </tbody>
        </table>
        <fieldset className="op-scope">
          <legend>Where</legend>
          <label className="check">
            <input type="radio" name="op-scope" checked={scope === 'both'} onChange={() => setScope('both')} />
            Both: whole cells of those columns, then spans inside the other text columns
          </label>
          <label className="check">
            <input type="radio" name="op-scope" checked={scope === 'cell'} onChange={() => setScope('cell')} />
            Whole cells of the columns holding these entities
          </label>
          <label className="check">
            <input type="radio" name="op-scope" checked={scope === 'spans'} onChange={() => setScope('spans')} />
            Each span found inside text{freeText ? ' (this dataset has free-text columns with personal data)' : ''}
          </label>
        </fieldset>
        <div className="op-actions">
          <button type="button" className="btn btn-primary" onClick={addToPolicy}>
            <Icon name="policy" size={15} /> Add to policy and preview
          </button>
        </div>
      </div>
    </div>
  );
}
