// "Add step": every step type, grouped as the catalog groups them, with what each does.
import { STEP_INFO, type StepGroup } from '../../../shared/policy/catalog';
import { STEP_TYPES, type StepType } from '../../../shared/policy/steps';
import { Icon } from '../../ui/Icon';
import { MenuButton } from '../../ui/MenuButton';
import { usePolicyDraft } from './store';
import { newStep } from './templates';

export const GROUP_LABEL: Record<StepGroup, string> = {
  text: 'Text',
  values: 'Values',
  types: 'Types',
  missing: 'Missing values',
  rows: 'Rows',
  columns: 'Columns',
  pii: 'Personal data',
};

const GROUPS = Object.keys(GROUP_LABEL) as StepGroup[];

export function addStepOfType(type: StepType): void {
  const s = usePolicyDraft.getState();
  s.addStep(newStep(type, s.history.present.policy.steps.map((x) => x.id)));
}

export function AddStepMenu({ className = 'btn btn-sm', align = 'right' }: { className?: string; align?: 'left' | 'right' }) {
  return (
    <MenuButton
      className={className}
      align={align}
      menuLabel="Step types"
      menuClassName="step-menu"
      label={
        <>
          <Icon name="plus" size={14} /> Add step
        </>
      }
    >
      {(close) =>
        GROUPS.map((g) => (
          <div key={g} role="group" aria-label={GROUP_LABEL[g]}>
            <div className="menu-section">{GROUP_LABEL[g]}</div>
            {STEP_TYPES.filter((t) => STEP_INFO[t].group === g).map((t) => (
              <button
                key={t}
                type="button"
                role="menuitem"
                className="menu-item"
                onClick={() => {
                  close();
                  addStepOfType(t);
                }}
              >
                <span className="menu-item-text">
                  <span>{STEP_INFO[t].label}</span>
                  <small>{STEP_INFO[t].description}</small>
                </span>
              </button>
            ))}
          </div>
        ))
      }
    </MenuButton>
  );
}
