// The open dataset's tabs: the tab bar (role=tablist; arrow keys, Home and End move between tabs)
// with the active tab's own tools beside it, and the active tab's panel. Adding a tab is adding
// one entry to DATASET_TABS.
import type { ComponentType } from 'react';
import { Icon, type IconName } from '../../ui/Icon';
import { useTabList } from '../../ui/useTabList';
import { DedupePane } from '../dedupe/DedupePane';
import { DedupeTools } from '../dedupe/DedupeTools';
import { FilterBox } from '../grid/FilterBox';
import { GridPane } from '../grid/GridPane';
import { PiiPane } from '../pii/PiiPane';
import { PiiTools } from '../pii/PiiTools';
import { PolicyEditor } from '../policy/PolicyEditor';
import { ProfilePane } from '../profile/ProfilePane';
import { ProfileTools } from '../profile/ProfileTools';
import { useDatasetTab, type DatasetTabId } from './tab-store';
import './tabs.css';

interface DatasetTab {
  id: DatasetTabId;
  label: string;
  icon: IconName;
  /** The tab's content, below the dataset header. */
  Panel: ComponentType;
  /** The tab's controls, shown in the header next to the tabs while it is active. */
  Tools?: ComponentType;
}

export const DATASET_TABS: readonly DatasetTab[] = [
  { id: 'data', label: 'Data', icon: 'fileTable', Panel: GridPane, Tools: FilterBox },
  { id: 'profile', label: 'Profile', icon: 'barChart', Panel: ProfilePane, Tools: ProfileTools },
  { id: 'pii', label: 'Personal data', icon: 'shield', Panel: PiiPane, Tools: PiiTools },
  { id: 'dedupe', label: 'Duplicates', icon: 'layers', Panel: DedupePane, Tools: DedupeTools },
  { id: 'policy', label: 'Policy', icon: 'policy', Panel: PolicyEditor },
];

const TAB_IDS = DATASET_TABS.map((t) => t.id);
const tabId = (id: string) => `ds-tab-${id}`;
const panelId = (id: string) => `ds-panel-${id}`;

function useActiveTab(): DatasetTab {
  const tab = useDatasetTab((s) => s.tab);
  return DATASET_TABS.find((t) => t.id === tab) ?? (DATASET_TABS[0] as DatasetTab);
}

export function DatasetTabBar() {
  const active = useActiveTab();
  const setTab = useDatasetTab((s) => s.setTab);
  const { onKeyDown, tabProps } = useTabList(TAB_IDS, active.id, setTab);
  const Tools = active.Tools;
  return (
    <>
      <div className="ds-tabs" role="tablist" aria-label="Dataset views" onKeyDown={onKeyDown}>
        {DATASET_TABS.map((t) => (
          <button key={t.id} type="button" {...tabProps(t.id)} id={tabId(t.id)} aria-controls={panelId(t.id)} className={`ds-tab ${t === active ? 'is-active' : ''}`}>
            <Icon name={t.icon} size={15} /> {t.label}
          </button>
        ))}
      </div>
      {Tools ? <Tools /> : null}
    </>
  );
}

export function DatasetTabPanel() {
  const active = useActiveTab();
  const Panel = active.Panel;
  return (
    <div className="ds-panel" role="tabpanel" id={panelId(active.id)} aria-labelledby={tabId(active.id)}>
      <Panel />
    </div>
  );
}
