// "Start from": an empty policy, a built-in preset, a saved policy or a recipe file. Each
// replaces the draft as one undoable edit.
import { useEffect, useState } from 'react';
import type { Preset } from '../../../shared/policy/presets';
import { api } from '../../api';
import { Icon } from '../../ui/Icon';
import { MenuButton } from '../../ui/MenuButton';
import { openRecipe, startEmpty, startFromPreset } from './actions';
import { usePolicyDialog } from './dialog-store';

/** The built-in presets (asked once per session). */
let presetsCache: Preset[] | null = null;
export function usePresets(): Preset[] {
  const [presets, setPresets] = useState<Preset[]>(presetsCache ?? []);
  useEffect(() => {
    if (presetsCache) return;
    void api.send('policy.presets', {}).then((r) => {
      if (!r.ok) return;
      presetsCache = r.value;
      setPresets(r.value);
    });
  }, []);
  return presets;
}

export function StartMenu() {
  const presets = usePresets();
  return (
    <MenuButton
      className="btn btn-sm"
      menuLabel="Start from"
      menuClassName="step-menu"
      label={
        <>
          Start from <Icon name="chevronDown" size={13} />
        </>
      }
    >
      {(close) => {
        const run = (fn: () => unknown) => () => {
          close();
          void fn();
        };
        return (
          <>
            <button type="button" role="menuitem" className="menu-item" onClick={run(startEmpty)}>
              <Icon name="file" />
              <span className="menu-item-text">
                <span>Empty policy</span>
                <small>No steps; add them one by one.</small>
              </span>
            </button>
            <div className="menu-section">Presets</div>
            {presets.map((p) => (
              <button key={p.name} type="button" role="menuitem" className="menu-item" onClick={run(() => startFromPreset(p.name))}>
                <Icon name="policy" />
                <span className="menu-item-text">
                  <span>Preset: {p.name}</span>
                  <small>{p.description}</small>
                </span>
              </button>
            ))}
            <div className="menu-sep" />
            <button type="button" role="menuitem" className="menu-item" onClick={run(() => usePolicyDialog.getState().show('saved'))}>
              <Icon name="database" />
              <span className="menu-item-text">
                <span>Saved policy…</span>
                <small>A policy saved in this workspace, any version.</small>
              </span>
            </button>
            <button type="button" role="menuitem" className="menu-item" onClick={run(openRecipe)}>
              <Icon name="folderOpen" />
              <span className="menu-item-text">
                <span>Recipe file…</span>
                <small>A policy exported as JSON, e.g. from another workspace.</small>
              </span>
            </button>
          </>
        );
      }}
    </MenuButton>
  );
}
