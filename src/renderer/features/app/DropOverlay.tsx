// Drag-and-drop anywhere on the window: an overlay while a file is over it; the drop imports
// (by path on the desktop, streamed into the workspace in browser mode); a dropped .zip opens as
// an evidence bundle in auditor mode.
import { useEffect } from 'react';
import { modalOpen } from '../../lib/keys';
import { Icon } from '../../ui/Icon';
import { importDropped } from '../import/actions';
import { isBundleZip, openDroppedBundle } from '../auditor/actions';
import { useAuditor } from '../auditor/store';
import { notify } from '../notices/store';
import { useApp } from './store';

const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');

export function DropOverlay() {
  const dragging = useApp((s) => s.dragging);
  const setDragging = useApp((s) => s.setDragging);

  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e) || modalOpen()) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = modalOpen() ? 'none' : 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      if (modalOpen()) return;
      const files = [...(e.dataTransfer?.files ?? [])];
      const first = files[0];
      if (!first) return;
      if (files.length > 1) notify('info', 'One file at a time', `Importing ${first.name}; drop the others after it.`);
      if (isBundleZip(first.name)) void openDroppedBundle(first);
      else if (useAuditor.getState().bundle) notify('info', 'An evidence bundle is open', `Close the bundle to import ${first.name} into the workspace.`);
      else void importDropped(first);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [setDragging]);

  if (!dragging) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-card">
        <Icon name="upload" size={28} />
        <strong>Drop to import</strong>
        <span>CSV, TSV, JSON, JSONL, Parquet or Excel — or a bundle .zip to audit it</span>
      </div>
    </div>
  );
}
