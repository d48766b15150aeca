// App-level UI state that belongs to no feature: the About dialog and the drop overlay.
import { create } from 'zustand';

interface AppState {
  aboutOpen: boolean;
  dragging: boolean;
  setAboutOpen(open: boolean): void;
  setDragging(dragging: boolean): void;
}

export const useApp = create<AppState>((set) => ({
  aboutOpen: false,
  dragging: false,
  setAboutOpen(aboutOpen) {
    set({ aboutOpen });
  },
  setDragging(dragging) {
    set({ dragging });
  },
}));
