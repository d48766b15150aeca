// The method picker and that method's parameters.
import { BLOCK_CHARS, CLUSTER_METHOD_LABEL, NGRAM_N, RADIUS_EDITS, RADIUS_RATIO, type ClusterMethod } from '../../../shared/api/cluster-types';
import { CLUSTER_METHODS, setRelative, type MethodForm } from './method-form';

interface Props {
  form: MethodForm;
  disabled: boolean;
  onChange(form: MethodForm): void;
}

export function MethodFields({ form, disabled, onChange }: Props) {
  const radius = form.relative ? RADIUS_RATIO : RADIUS_EDITS;
  return (
    <>
      <label className="field cl-method">
        <span className="field-label">Method</span>
        <select className="select" value={form.method} disabled={disabled} onChange={(e) => onChange({ ...form, method: e.target.value as ClusterMethod })}>
          {CLUSTER_METHODS.map((m) => (
            <option key={m} value={m}>
              {CLUSTER_METHOD_LABEL[m]}
            </option>
          ))}
        </select>
      </label>
      {form.method === 'ngram' ? (
        <label className="field cl-num">
          <span className="field-label">n (characters)</span>
          <input className="input" type="number" min={NGRAM_N.min} max={NGRAM_N.max} step={1} value={form.n} disabled={disabled} onChange={(e) => onChange({ ...form, n: e.target.value })} />
        </label>
      ) : null}
      {form.method === 'levenshtein' ? (
        <>
          <label className="field cl-num">
            <span className="field-label">{form.relative ? 'Radius (share of length)' : 'Radius (edits)'}</span>
            <input
              className="input"
              type="number"
              min={radius.min}
              max={radius.max}
              step={form.relative ? 0.05 : 1}
              value={form.radius}
              disabled={disabled}
              onChange={(e) => onChange({ ...form, radius: e.target.value })}
            />
          </label>
          <label className="field cl-num">
            <span className="field-label">Block (characters)</span>
            <input
              className="input"
              type="number"
              min={BLOCK_CHARS.min}
              max={BLOCK_CHARS.max}
              step={1}
              value={form.blockChars}
              disabled={disabled}
              onChange={(e) => onChange({ ...form, blockChars: e.target.value })}
            />
          </label>
          <label className="check cl-relative">
            <input type="checkbox" checked={form.relative} disabled={disabled} onChange={(e) => onChange(setRelative(form, e.target.checked))} />
            Relative to length
          </label>
        </>
      ) : null}
    </>
  );
}
