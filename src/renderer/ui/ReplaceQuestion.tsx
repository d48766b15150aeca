// "Replace X?": what every dialog that writes a file asks when the file is there already (the
// engine refused with ALREADY_EXISTS and wrote nothing). Keep (the default, focused) goes back to
// the form with everything typed still in it; Replace sends the same request again with force.
import { useEffect, useRef } from 'react';
import type { ErrorInfo } from '../../shared/api/result';
import { baseName } from '../lib/format';
import { Dialog } from './Dialog';
import { Icon } from './Icon';

/** The file an ALREADY_EXISTS error names (the engine puts it in details.file; '' when it does not). */
export function existingFile(e: ErrorInfo): string | null {
  if (e.code !== 'ALREADY_EXISTS') return null;
  const file = (e.details as { file?: unknown } | undefined)?.file;
  return typeof file === 'string' ? file : '';
}

function folderOf(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i > 0 ? p.slice(0, i) : p;
}

export interface ReplaceQuestionProps {
  title: string;
  subtitle?: string;
  /** The file that exists. */
  path: string;
  onReplace: () => void;
  onKeep: () => void;
  onClose: () => void;
}

export function ReplaceQuestion({ title, subtitle, path, onReplace, onKeep, onClose }: ReplaceQuestionProps) {
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => keepRef.current?.focus(), []);
  const name = baseName(path);
  return (
    <Dialog
      title={title}
      subtitle={subtitle}
      size="md"
      onClose={onClose}
      footer={
        <>
          <button ref={keepRef} type="button" className="btn" onClick={onKeep}>
            Keep it
          </button>
          <button type="button" className="btn btn-danger" onClick={onReplace}>
            Replace
          </button>
        </>
      }
    >
      <div className="replace-question" role="group" aria-labelledby="replace-heading" aria-describedby="replace-detail">
        <Icon name="alert" size={20} />
        <div>
          <p id="replace-heading" className="replace-heading">
            Replace “{name}”?
          </p>
          <p id="replace-detail" className="help">
            A file with this name already exists in <span className="mono">{folderOf(path)}</span>. Replacing it overwrites its contents; the new file is written
            completely before the old one is replaced.
          </p>
        </div>
      </div>
    </Dialog>
  );
}
