// Whether the export dialog is open (opened from the header, Ctrl/Cmd+E or the desktop menu).
import { create } from 'zustand';
import { useDatasets } from '../datasets/store';
import { notify } from '../notices/store';

interface ExportState {
  open: boolean;
  setOpen(open: boolean): void;
}

export const useExport = create<ExportState>((set) => ({
  open: false,
  setOpen(open) {
    set({ open });
  },
}));

export function openExport(): void {
  if (!useDatasets.getState().detail) {
    notify('info', 'Open a dataset first', 'Choose a dataset in the sidebar, then export it.');
    return;
  }
  useExport.getState().setOpen(true);
}
