// Event log entries in words: what happened, to what, with the facts worth a glance.
import type { EventLogEntry } from '../../../shared/api/types';
import { baseName, formatBytes, formatCount } from '../../lib/format';
import type { IconName } from '../../ui/Icon';

export interface Described {
  icon: IconName;
  title: string;
  detail: string;
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function describe(e: EventLogEntry): Described {
  const d = e.details;
  const ds = e.subject.dataset ?? '';
  switch (e.action) {
    case 'dataset.imported': {
      const src = str(d.source);
      const rows = num(d.rows);
      const cols = num(d.columns);
      const size = num(d.size);
      return {
        icon: 'upload',
        title: `Imported ${src ? baseName(src) : 'a file'} as ${ds}`,
        detail: [rows !== null && cols !== null ? `${formatCount(rows)} rows × ${formatCount(cols)} columns` : '', size !== null ? formatBytes(size) : '', str(d.format)?.toUpperCase() ?? '']
          .filter(Boolean)
          .join(' · '),
      };
    }
    case 'dataset.profiled': {
      const rows = num(d.rows);
      const seconds = num(d.seconds);
      return {
        icon: 'barChart',
        title: `Profiled ${ds}${e.subject.version ? ` v${e.subject.version}` : ''}`,
        detail: [rows !== null ? `${formatCount(rows)} rows` : '', seconds !== null ? `${seconds} s` : ''].filter(Boolean).join(' · '),
      };
    }
    case 'dataset.risk_measured': {
      const k = num(d.k);
      const target = num(d.targetK);
      const below = num(d.recordsBelowK);
      const afterK = num(d.afterK);
      return {
        icon: 'alert',
        title: `Measured the re-identification risk of ${ds}${e.subject.version ? ` v${e.subject.version}` : ''}`,
        detail: [
          k !== null ? `k = ${formatCount(k)}${target !== null ? ` (target ${target})` : ''}` : '',
          below !== null ? `${formatCount(below)} records below k` : '',
          afterK !== null ? `v${num(d.afterVersion) ?? '?'}: k = ${formatCount(afterK)}` : '',
        ].filter(Boolean).join(' · '),
      };
    }
    case 'dataset.deleted':
      return { icon: 'trash', title: `Deleted dataset ${ds}`, detail: '' };
    case 'dataset.exported': {
      const path = str(d.path) ?? str(d.destination);
      const rows = num(d.rows);
      return {
        icon: 'download',
        title: `Exported ${ds}${path ? ` to ${baseName(path)}` : ''}`,
        detail: [rows !== null ? `${formatCount(rows)} rows` : '', str(d.format)?.toUpperCase() ?? ''].filter(Boolean).join(' · '),
      };
    }
    case 'workspace.opened':
    case 'workspace.created':
      return {
        icon: 'database',
        title: e.action === 'workspace.created' ? 'Workspace created' : 'Workspace opened',
        detail: [str(d.process), (num(d.migratedFrom) ?? 0) > 0 && num(d.migratedFrom) !== num(d.formatVersion) ? `migrated from format v${num(d.migratedFrom)}` : '']
          .filter(Boolean)
          .join(' · '),
      };
    default:
      return { icon: 'activity', title: e.action, detail: Object.entries(e.subject).map(([k, v]) => `${k} ${v}`).join(' · ') };
  }
}
