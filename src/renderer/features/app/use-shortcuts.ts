// Window-wide shortcuts: Ctrl/Cmd+O import, Ctrl/Cmd+Shift+O open a bundle, Ctrl/Cmd+F filter, Ctrl/Cmd+E export. They stand
// aside while a dialog is open (the dialog owns the keyboard then).
import { useEffect } from 'react';
import { isMod, modalOpen } from '../../lib/keys';
import { useDatasets } from '../datasets/store';
import { runCommand } from './use-app-events';

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isMod(e) || e.altKey || modalOpen()) return;
      const key = e.key.toLowerCase();
      if (e.shiftKey) {
        if (key === 'o') {
          e.preventDefault();
          runCommand('open-bundle');
        }
        return;
      }
      if (key === 'o') {
        e.preventDefault();
        runCommand('import');
      } else if (key === 'f' && useDatasets.getState().detail) {
        e.preventDefault();
        runCommand('find');
      } else if (key === 'e' && useDatasets.getState().detail) {
        e.preventDefault();
        runCommand('export');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
