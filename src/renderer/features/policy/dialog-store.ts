// Which of the policy editor's dialogs is open: save, open a saved policy, export a recipe.
import { create } from 'zustand';

export type PolicyDialog = 'save' | 'saved' | 'export';

interface DialogState {
  dialog: PolicyDialog | null;
  show(dialog: PolicyDialog | null): void;
}

export const usePolicyDialog = create<DialogState>((set) => ({
  dialog: null,
  show(dialog) {
    set({ dialog });
  },
}));
