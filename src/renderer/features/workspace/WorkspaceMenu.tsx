// The top bar's workspace switcher: which workspace is open, open or create another, recents.
import { useEffect, useRef, useState } from 'react';
import { baseName, formatRelative, plural } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { newWorkspace, openWorkspaceFolder } from './actions';
import { useWorkspace } from './store';

export function WorkspaceMenu() {
  const info = useWorkspace((s) => s.info);
  const recent = useWorkspace((s) => s.recent);
  const loadRecent = useWorkspace((s) => s.loadRecent);
  const open = useWorkspace((s) => s.open);
  const [expanded, setExpanded] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!expanded) return;
    void loadRecent();
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]:not(:disabled)')?.focus();
    const onDown = (e: MouseEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setExpanded(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [expanded, loadRecent]);

  const close = (refocus: boolean) => {
    setExpanded(false);
    if (refocus) wrap.current?.querySelector<HTMLElement>('.ws-button')?.focus();
  };
  const run = (fn: () => unknown) => {
    close(false);
    void fn();
  };
  const onMenuKey = (e: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    const focus = (k: number) => items[(k + items.length) % items.length]?.focus();
    if (e.key === 'ArrowDown') focus(i + 1);
    else if (e.key === 'ArrowUp') focus(i - 1);
    else if (e.key === 'Home') focus(0);
    else if (e.key === 'End') focus(items.length - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') close(e.key === 'Escape');
    else return;
    if (e.key !== 'Tab') e.preventDefault();
  };

  const name = info ? (info.isDefault ? 'Default workspace' : baseName(info.path)) : 'Workspace';
  const others = recent.filter((r) => r.path !== info?.path);
  return (
    <div className="ws-menu" ref={wrap}>
      <button
        type="button"
        className="btn btn-ghost topbar-btn ws-button"
        aria-haspopup="menu"
        aria-expanded={expanded}
        aria-label={`Workspace: ${name}`}
        title={info?.path}
        onClick={() => setExpanded(!expanded)}
      >
        <Icon name="database" />
        <span className="ws-name">{name}</span>
        <Icon name="chevronDown" size={14} className="faint" />
      </button>
      {expanded ? (
        <div className="menu ws-dropdown" role="menu" aria-label="Workspace" ref={menu} onKeyDown={onMenuKey}>
          {info ? (
            <div className="ws-current">
              <div className="ws-current-label">Current workspace</div>
              <div className="ws-current-path mono" title={info.path}>
                {info.path}
              </div>
              <div className="faint">
                {plural(info.datasetCount, 'dataset')} · format v{info.formatVersion}
              </div>
            </div>
          ) : null}
          <div className="menu-sep" />
          <button type="button" role="menuitem" className="menu-item" onClick={() => run(openWorkspaceFolder)}>
            <Icon name="folderOpen" /> Open workspace…
          </button>
          <button type="button" role="menuitem" className="menu-item" onClick={() => run(newWorkspace)}>
            <Icon name="folderPlus" /> New workspace…
          </button>
          <div className="menu-sep" />
          <div className="menu-section">Recent</div>
          {others.length === 0 ? <div className="ws-none faint">No other recent workspaces</div> : null}
          {others.map((r) => (
            <button
              key={r.path}
              type="button"
              role="menuitem"
              className="menu-item"
              disabled={!r.exists}
              title={r.exists ? r.path : `${r.path} (missing)`}
              onClick={() => run(() => open(r.path, false))}
            >
              <Icon name="clock" />
              <span className="menu-item-text">
                <span>{baseName(r.path)}</span>
                <small>
                  {r.exists ? formatRelative(r.lastOpenedAt) : 'missing'} · {r.path}
                </small>
              </span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
