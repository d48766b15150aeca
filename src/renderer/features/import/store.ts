// The import flow as one state machine: uploading (browser drop) → preview (settings edited,
// re-previewed) → running (job) → done, or failed (error with its details and choices).
import { create } from 'zustand';
import type { ErrorInfo } from '../../../shared/api/result';
import type { ImportOptions, ImportPreview } from '../../../shared/api/types';

/** Settings the user changed; everything else is detected by the engine. */
export type Overrides = Omit<ImportOptions, 'name'>;

export type ImportStage =
  | { kind: 'idle' }
  | { kind: 'uploading'; name: string; sent: number; total: number; abort: () => void }
  | { kind: 'preview'; path: string; overrides: Overrides; name: string; preview: ImportPreview | null; error: ErrorInfo | null; loading: boolean }
  | { kind: 'running'; path: string; overrides: Overrides; name: string; jobId: string }
  | { kind: 'failed'; path: string; overrides: Overrides; name: string; error: ErrorInfo; canEdit: boolean };

interface ImportState {
  stage: ImportStage;
  set(stage: ImportStage): void;
}

export const useImport = create<ImportState>((set) => ({
  stage: { kind: 'idle' },
  set(stage) {
    set({ stage });
  },
}));
