// The import flow as one state machine: uploading (browser drop) → preview (settings edited,
// re-previewed) → running (job) → done, or failed (error with its details and choices).
import { create } from 'zustand';
import type { ErrorInfo } from '../../../shared/api/result';
import type { ImportOptions, ImportPreview } from '../../../shared/api/types';

/** Settings the user changed; everything else is detected by the engine. */
export type Overrides = Omit<ImportOptions, 'name'>;

/** What every stage after the upload knows: the file, the settings, and (browser-mode drops) the File. */
interface Source {
  path: string;
  overrides: Overrides;
  name: string;
  /**
   * A file dropped in browser mode: the engine removes its uploaded copy once an import ends,
   * even a failed one, so running it again (Pad, Skip, other settings) uploads it again.
   */
  dropped?: File;
}

export type ImportStage =
  | { kind: 'idle' }
  | { kind: 'uploading'; name: string; sent: number; total: number; abort: () => void }
  | ({ kind: 'preview'; preview: ImportPreview | null; error: ErrorInfo | null; loading: boolean } & Source)
  | ({ kind: 'running'; jobId: string } & Source)
  | ({ kind: 'failed'; error: ErrorInfo; canEdit: boolean } & Source);

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
