// Inline stroke icons (no image files, nothing fetched): one small path set per name.
import type { ReactElement } from 'react';

const PATHS = {
  logo: (
    <>
      <path d="M4 6.5C4 5.1 7.6 4 12 4s8 1.1 8 2.5S16.4 9 12 9 4 7.9 4 6.5Z" />
      <path d="M4 6.5v5C4 12.9 7.6 14 12 14c1.3 0 2.5-.1 3.6-.3" />
      <path d="M4 11.5v5c0 1.4 3.6 2.5 8 2.5.6 0 1.2 0 1.8-.1" />
      <path d="M20 6.5V11" />
      <path d="m15.5 17.5 2 2 4-4.5" />
    </>
  ),
  database: (
    <>
      <ellipse cx="12" cy="5.5" rx="7.5" ry="2.5" />
      <path d="M4.5 5.5v13c0 1.4 3.4 2.5 7.5 2.5s7.5-1.1 7.5-2.5v-13" />
      <path d="M4.5 12c0 1.4 3.4 2.5 7.5 2.5s7.5-1.1 7.5-2.5" />
    </>
  ),
  folder: <path d="M3.5 7.5V18a1.5 1.5 0 0 0 1.5 1.5h14a1.5 1.5 0 0 0 1.5-1.5V9.5A1.5 1.5 0 0 0 19 8h-7l-2-2.5H5A1.5 1.5 0 0 0 3.5 7Z" />,
  folderOpen: (
    <>
      <path d="M3.5 18V7a1.5 1.5 0 0 1 1.5-1.5h5l2 2.5h6.5A1.5 1.5 0 0 1 20 9.5V11" />
      <path d="M3.5 18 6 11.5h15.5L19 18.5H4Z" />
    </>
  ),
  folderPlus: (
    <>
      <path d="M3.5 7.5V18a1.5 1.5 0 0 0 1.5 1.5h14a1.5 1.5 0 0 0 1.5-1.5V9.5A1.5 1.5 0 0 0 19 8h-7l-2-2.5H5A1.5 1.5 0 0 0 3.5 7Z" />
      <path d="M12 11v6M9 14h6" />
    </>
  ),
  file: (
    <>
      <path d="M6.5 3.5h7l4 4v12a1 1 0 0 1-1 1h-10a1 1 0 0 1-1-1v-15a1 1 0 0 1 1-1Z" />
      <path d="M13.5 3.5v4h4" />
    </>
  ),
  fileTable: (
    <>
      <path d="M6.5 3.5h7l4 4v12a1 1 0 0 1-1 1h-10a1 1 0 0 1-1-1v-15a1 1 0 0 1 1-1Z" />
      <path d="M13.5 3.5v4h4M8.5 12h7M8.5 15.5h7M12 10.5v7.5" />
    </>
  ),
  upload: (
    <>
      <path d="M12 15.5V4M7.5 8.5 12 4l4.5 4.5" />
      <path d="M4.5 15v3.5a1.5 1.5 0 0 0 1.5 1.5h12a1.5 1.5 0 0 0 1.5-1.5V15" />
    </>
  ),
  download: (
    <>
      <path d="M12 4v11.5M7.5 11 12 15.5l4.5-4.5" />
      <path d="M4.5 15v3.5a1.5 1.5 0 0 0 1.5 1.5h12a1.5 1.5 0 0 0 1.5-1.5V15" />
    </>
  ),
  search: (
    <>
      <circle cx="11" cy="11" r="6" />
      <path d="m15.5 15.5 4 4" />
    </>
  ),
  x: <path d="M6.5 6.5l11 11M17.5 6.5l-11 11" />,
  chevronDown: <path d="m7 10 5 5 5-5" />,
  chevronRight: <path d="m10 7 5 5-5 5" />,
  arrowUp: <path d="M12 19V5M6.5 10.5 12 5l5.5 5.5" />,
  arrowDown: <path d="M12 5v14M6.5 13.5 12 19l5.5-5.5" />,
  arrowUpLevel: <path d="M12 19V6M7 11l5-5 5 5" />,
  trash: (
    <>
      <path d="M4.5 7h15M9.5 7V4.5h5V7M6.5 7l1 12.5h9l1-12.5" />
      <path d="M10.5 10.5v6M13.5 10.5v6" />
    </>
  ),
  copy: (
    <>
      <rect x="8.5" y="8.5" width="11" height="11" rx="1.5" />
      <path d="M15.5 8.5V5.5a1 1 0 0 0-1-1h-9a1 1 0 0 0-1 1v9a1 1 0 0 0 1 1h3" />
    </>
  ),
  check: <path d="m5 12.5 4.5 4.5L19 7.5" />,
  alert: (
    <>
      <path d="M12 4 2.8 19.5h18.4Z" />
      <path d="M12 10v4.5M12 17v.5" />
    </>
  ),
  errorCircle: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 7.5v5.5M12 16v.5" />
    </>
  ),
  info: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 11v5.5M12 8v.5" />
    </>
  ),
  activity: <path d="M3.5 12h4l2.5-6.5 4 13 2.5-6.5h4" />,
  layers: (
    <>
      <path d="m12 4 8.5 4.5L12 13 3.5 8.5Z" />
      <path d="m3.5 12.5 8.5 4.5 8.5-4.5M3.5 16.5 12 21l8.5-4.5" />
    </>
  ),
  home: <path d="M4 11 12 4.5l8 6.5v8a1 1 0 0 1-1 1h-4.5v-5.5h-5V20H5a1 1 0 0 1-1-1Z" />,
  drive: (
    <>
      <rect x="3.5" y="13" width="17" height="6.5" rx="1.5" />
      <path d="M5.5 13 8 5.5h8l2.5 7.5M16.5 16.25h.01" />
    </>
  ),
  sort: <path d="M8 5v14M4.5 8.5 8 5l3.5 3.5M16 19V5M12.5 15.5 16 19l3.5-3.5" />,
  inspect: (
    <>
      <rect x="3.5" y="4.5" width="17" height="15" rx="1.5" />
      <path d="M14.5 4.5v15M17 8.5h.01" />
    </>
  ),
  clock: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 7.5V12l3 2" />
    </>
  ),
  export: (
    <>
      <path d="M13.5 3.5h-7a1 1 0 0 0-1 1v15a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1V13" />
      <path d="M14 3.5h6.5V10M20.5 3.5 12 12" />
    </>
  ),
  barChart: (
    <>
      <path d="M4 20h16" />
      <path d="M6.5 16.5v-5M11 16.5V6.5M15.5 16.5v-7M20 16.5V12" />
    </>
  ),
  refresh: (
    <>
      <path d="M19.5 12A7.5 7.5 0 1 1 17 6.4" />
      <path d="M19.5 4.5V9H15" />
    </>
  ),
  plus: <path d="M12 5.5v13M5.5 12h13" />,
  undo: (
    <>
      <path d="M9 14.5 4.5 10 9 5.5" />
      <path d="M4.5 10h10a5 5 0 0 1 0 10H11" />
    </>
  ),
  redo: (
    <>
      <path d="m15 14.5 4.5-4.5L15 5.5" />
      <path d="M19.5 10h-10a5 5 0 0 0 0 10H13" />
    </>
  ),
  play: <path d="M7.5 5.5v13l11-6.5Z" />,
  save: (
    <>
      <path d="M5.5 4.5h10l3 3v11a1 1 0 0 1-1 1h-12a1 1 0 0 1-1-1v-13a1 1 0 0 1 1-1Z" />
      <path d="M8.5 4.5v4h6v-4M8 19.5v-6h8v6" />
    </>
  ),
  grip: <path d="M9.5 6.5h.01M14.5 6.5h.01M9.5 12h.01M14.5 12h.01M9.5 17.5h.01M14.5 17.5h.01" strokeWidth={2.6} />,
  policy: (
    <>
      <path d="M6.5 3.5h11a1 1 0 0 1 1 1v15a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1v-15a1 1 0 0 1 1-1Z" />
      <path d="m8.5 8.5 1.2 1.2 2-2.2M8.5 14.5l1.2 1.2 2-2.2M13.5 9h2.5M13.5 15h2.5" />
    </>
  ),
  diff: (
    <>
      <path d="M7 4.5v9M2.5 9h9" />
      <path d="M12.5 18.5h9" />
      <path d="M16 4 8 20" />
    </>
  ),
  filter: <path d="M4.5 5.5h15l-6 7.5v5.5l-3 1.5v-7Z" />,
  chevronLeft: <path d="m14 7-5 5 5 5" />,
  chevronUp: <path d="m7 14 5-5 5 5" />,
  shield: (
    <>
      <path d="M12 3.5 5 6v5.5c0 4.2 2.9 7.6 7 9 4.1-1.4 7-4.8 7-9V6Z" />
      <path d="m9 12 2 2 4-4.5" />
    </>
  ),
  panelRight: (
    <>
      <rect x="3.5" y="4.5" width="17" height="15" rx="1.5" />
      <path d="M14.5 4.5v15" />
    </>
  ),
} satisfies Record<string, ReactElement>;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16, className }: { name: IconName; size?: number; className?: string }) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  );
}
