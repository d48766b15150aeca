// The editor with no steps yet: start from a preset, a saved policy or a recipe, or add a step.
import { Icon } from '../../ui/Icon';
import { openRecipe, startFromPreset } from './actions';
import { AddStepMenu } from './AddStepMenu';
import { usePolicyDialog } from './dialog-store';
import { usePresets } from './StartMenu';

export function PolicyStart() {
  const presets = usePresets();
  return (
    <div className="pe-start">
      <div className="pe-start-card">
        <div className="empty-icon">
          <Icon name="policy" size={22} />
        </div>
        <h2>Build a cleaning policy</h2>
        <p className="muted">
          A policy is a list of steps run in order over this dataset. The preview shows what each step would change; nothing is written until you run it.
        </p>
        <div className="pe-start-options">
          {presets.map((p) => (
            <button key={p.name} type="button" className="pe-start-option" onClick={() => startFromPreset(p.name)}>
              <Icon name="policy" size={18} />
              <span>
                <strong>Start from the {p.name} preset</strong>
                <small>{p.description}</small>
              </span>
            </button>
          ))}
          <button type="button" className="pe-start-option" onClick={() => usePolicyDialog.getState().show('saved')}>
            <Icon name="database" size={18} />
            <span>
              <strong>Open a saved policy…</strong>
              <small>Continue a policy saved in this workspace.</small>
            </span>
          </button>
          <button type="button" className="pe-start-option" onClick={() => void openRecipe()}>
            <Icon name="folderOpen" size={18} />
            <span>
              <strong>Open a recipe file…</strong>
              <small>Apply a policy exported elsewhere; differing column names are mapped first.</small>
            </span>
          </button>
        </div>
        <AddStepMenu className="btn" align="left" />
      </div>
    </div>
  );
}
