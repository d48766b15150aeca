// The open dataset's views as tabs (Data, Policy): a tab list with arrow-key movement, and the
// chosen view's panel. The list is data, so another view is one more entry.
import type { ComponentType } from 'react';
import { Icon, type IconName } from '../../ui/Icon';
import { PolicyEditor } from '../policy/PolicyEditor';
import { DataTab } from './DataTab';
import { useDatasetTab, type DatasetTabId } from './tab-store';
import './tabs.css';

interface TabDef {
  id: DatasetTabId;
  label: string;
  icon: IconName;
  Panel: ComponentType;
}

const TABS: TabDef[] = [
  { id: 'data', label: 'Data', icon: 'fileTable', Panel: DataTab },
  { id: 'policy', label: 'Policy', icon: 'policy', Panel: PolicyEditor },
];

const tabId = (id: DatasetTabId) => `ds-tab-${id}`;
const panelId = (id: DatasetTabId) => `ds-panel-${id}`;

export function DatasetTabs() {
  const tab = useDatasetTab((s) => s.tab);
  const setTab = useDatasetTab((s) => s.setTab);
  const active = TABS.find((t) => t.id === tab) ?? (TABS[0] as TabDef);

  const onKey = (e: React.KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === active.id);
    const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const next = TABS[(to + TABS.length) % TABS.length] as TabDef;
    setTab(next.id);
    document.getElementById(tabId(next.id))?.focus();
  };

  return (
    <>
      <div className="ds-tabs" role="tablist" aria-label="Dataset views" onKeyDown={onKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={tabId(t.id)}
            type="button"
            role="tab"
            className={`ds-tab ${t.id === active.id ? 'is-active' : ''}`}
            aria-selected={t.id === active.id}
            aria-controls={panelId(t.id)}
            tabIndex={t.id === active.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            <Icon name={t.icon} size={15} /> {t.label}
          </button>
        ))}
      </div>
      <div className="ds-panel" role="tabpanel" id={panelId(active.id)} aria-labelledby={tabId(active.id)}>
        <active.Panel />
      </div>
    </>
  );
}
