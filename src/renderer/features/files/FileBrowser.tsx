// The in-app file browser (browser mode): places, breadcrumbs, folders first with size and
// modified time, importable files only unless asked, and file-manager keys (arrows, Enter,
// Backspace, type-to-find).
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FsEntry } from '../../../shared/api/types';
import { breadcrumbs } from '../../lib/breadcrumbs';
import { bundleTarget, findByPrefix, visibleEntries } from '../../lib/file-types';
import { formatBytes, formatDateTime } from '../../lib/format';
import { Dialog } from '../../ui/Dialog';
import { Icon, type IconName } from '../../ui/Icon';
import { useFiles, type PickRequest } from './store';
import { useListing } from './use-listing';
import './files.css';

const FIND_RESET_MS = 800;

export function FileBrowserHost() {
  const request = useFiles((s) => s.request);
  const lastDir = useFiles((s) => (request ? s.lastDir[request.mode] : undefined));
  if (!request) return null;
  return <FileBrowser key={`${request.mode}:${request.title}`} request={request} start={request.startPath ?? lastDir} />;
}

function rootIcon(label: string): IconName {
  return label === 'Home' ? 'home' : /^(Drive |[A-Z]:)/.test(label) ? 'drive' : 'folder';
}

function FileBrowser({ request, start }: { request: PickRequest; start: string | undefined }) {
  const answer = useFiles((s) => s.answer);
  const [showAll, setShowAll] = useState(false);
  const { roots, listing, loading, error, go, showHidden, setShowHidden } = useListing(start);
  const [active, setActive] = useState(-1);
  const find = useRef({ text: '', at: 0 });
  const listRef = useRef<HTMLDivElement>(null);

  const all = useMemo(() => listing?.entries ?? [], [listing]);
  const entries = useMemo(() => visibleEntries(all, request.mode, showAll), [all, request.mode, showAll]);
  const hiddenByFilter = all.length - entries.length;
  const selected: FsEntry | undefined = entries[active];

  // A new folder selects its first entry, or, after going up, the folder we came from.
  const [shownPath, setShownPath] = useState<string | null>(null);
  if (listing && listing.path !== shownPath) {
    const cameFrom = entries.findIndex((e) => e.path === shownPath);
    setShownPath(listing.path);
    setActive(cameFrom >= 0 ? cameFrom : entries.length > 0 ? 0 : -1);
  }

  useEffect(() => {
    if (active < 0) return;
    document.getElementById(`fb-opt-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const finish = (path: string) => answer(path, listing?.path);
  const open = (e: FsEntry | undefined) => {
    if (!e) return;
    if (e.kind === 'dir') go(e.path);
    else if (request.mode !== 'folder') finish(e.path);
  };
  const up = () => listing?.parent && go(listing.parent);
  const bundle = request.mode === 'bundle' ? bundleTarget(listing?.path, all, selected) : undefined;
  const canConfirm = request.mode === 'folder' ? listing !== null : request.mode === 'bundle' ? bundle !== undefined : selected?.kind === 'file';
  const confirm = () => {
    if (request.mode === 'folder' && listing) finish(listing.path);
    else if (request.mode === 'bundle') {
      if (bundle !== undefined) finish(bundle);
    } else if (selected?.kind === 'file') finish(selected.path);
  };

  const onListKey = (e: React.KeyboardEvent) => {
    const last = entries.length - 1;
    const move = (i: number) => {
      e.preventDefault();
      setActive(Math.max(0, Math.min(last, i)));
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(active + 1);
      case 'ArrowUp':
        return move(active - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(last);
      case 'PageDown':
        return move(active + 10);
      case 'PageUp':
        return move(active - 10);
      case 'Enter':
        e.preventDefault();
        return open(selected);
      case 'Backspace':
        e.preventDefault();
        return up();
    }
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const now = Date.now();
      find.current = { text: now - find.current.at > FIND_RESET_MS ? e.key : find.current.text + e.key, at: now };
      const i = findByPrefix(entries.map((x) => x.name), find.current.text, active);
      if (i >= 0) setActive(i);
      e.preventDefault();
    }
  };

  const crumbs = listing ? breadcrumbs(listing.path, roots) : [];
  const target = request.mode === 'folder' ? listing?.path : request.mode === 'bundle' ? bundle : selected?.kind === 'file' ? selected.path : undefined;

  return (
    <Dialog
      title={request.title}
      subtitle={request.subtitle}
      size="xl"
      className="fb-dialog"
      onClose={() => answer(null)}
      footer={
        <>
          <div className="fb-target mono" title={target}>
            {target ?? (request.mode === 'file' ? 'Select a file' : request.mode === 'bundle' ? 'Select a bundle .zip or folder' : '')}
          </div>
          <button type="button" className="btn" onClick={() => answer(null)}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={!canConfirm} onClick={confirm}>
            {request.confirmLabel}
          </button>
        </>
      }
    >
      <div className="fb">
        <nav className="fb-places" aria-label="Places">
          <div className="fb-places-title">Places</div>
          {roots.map((r) => (
            <button
              key={r.path}
              type="button"
              className={`fb-place ${listing?.path === r.path ? 'is-current' : ''}`}
              title={r.path}
              onClick={() => go(r.path)}
            >
              <Icon name={rootIcon(r.label)} />
              <span>{r.label}</span>
            </button>
          ))}
        </nav>
        <div className="fb-main">
          <div className="fb-toolbar">
            <button type="button" className="btn btn-icon btn-sm" aria-label="Up one folder" disabled={!listing?.parent} onClick={up}>
              <Icon name="arrowUpLevel" size={14} />
            </button>
            <nav className="fb-crumbs" aria-label="Folder path">
              {crumbs.map((c, i) => (
                <span key={c.path} className="fb-crumb">
                  {i > 0 ? <Icon name="chevronRight" size={12} className="faint" /> : null}
                  <button type="button" className="fb-crumb-btn" aria-current={i === crumbs.length - 1 ? 'location' : undefined} onClick={() => go(c.path)}>
                    {c.label}
                  </button>
                </span>
              ))}
            </nav>
            {loading ? <span className="spinner faint" aria-label="Loading" /> : null}
          </div>
          <div className="fb-head" aria-hidden="true">
            <span>Name</span>
            <span className="fb-size">Size</span>
            <span className="fb-date">Modified</span>
          </div>
          {error ? (
            <div className="banner banner-error fb-error" role="alert">
              <Icon name="errorCircle" />
              <div className="banner-body">{error.message}</div>
            </div>
          ) : null}
          <div
            ref={listRef}
            className="fb-list"
            role="listbox"
            tabIndex={0}
            data-autofocus
            aria-label={listing ? `Contents of ${listing.path}` : 'Folder contents'}
            aria-activedescendant={active >= 0 ? `fb-opt-${active}` : undefined}
            onKeyDown={onListKey}
          >
            {entries.map((e, i) => (
              <div
                key={e.path}
                id={`fb-opt-${i}`}
                role="option"
                aria-selected={i === active}
                className={`fb-row ${i === active ? 'is-active' : ''} ${e.kind === 'dir' ? 'is-dir' : ''}`}
                onClick={() => {
                  setActive(i);
                  listRef.current?.focus();
                }}
                onDoubleClick={() => open(e)}
              >
                <span className="fb-name">
                  <Icon name={e.kind === 'dir' ? 'folder' : 'fileTable'} className="fb-icon" />
                  <span className="fb-name-text">{e.name}</span>
                </span>
                <span className="fb-size num">{e.size === null ? '' : formatBytes(e.size)}</span>
                <span className="fb-date num">{e.modifiedAt ? formatDateTime(e.modifiedAt) : ''}</span>
              </div>
            ))}
            {!loading && !error && entries.length === 0 ? (
              <div className="fb-empty">
                {request.mode === 'folder' ? 'No folders here.' : hiddenByFilter > 0 ? (request.mode === 'bundle' ? 'No .zip files or folders here.' : 'No importable files here.') : 'This folder is empty.'}
              </div>
            ) : null}
          </div>
          <div className="fb-status">
            <span className="faint">
              {entries.length} {entries.length === 1 ? 'item' : 'items'}
              {hiddenByFilter > 0 && request.mode !== 'folder' ? ` · ${hiddenByFilter} other ${hiddenByFilter === 1 ? 'file' : 'files'} hidden` : ''}
            </span>
            <span className="fb-toggles">
              {request.mode !== 'folder' ? (
                <label className="check">
                  <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
                  Show all files
                </label>
              ) : null}
              <label className="check">
                <input type="checkbox" checked={showHidden} onChange={(e) => setShowHidden(e.target.checked)} />
                Show hidden
              </label>
            </span>
          </div>
        </div>
      </div>
    </Dialog>
  );
}
