// An empty state: an icon, a heading and what to do about it (a sentence, a button).
import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

export function EmptyState({ icon, iconSize = 22, title, className, children }: { icon?: IconName; iconSize?: number; title?: string; className?: string; children?: ReactNode }) {
  return (
    <div className={`empty ${className ?? ''}`}>
      {icon ? (
        <div className="empty-icon">
          <Icon name={icon} size={iconSize} />
        </div>
      ) : null}
      {title ? <h2>{title}</h2> : null}
      {children}
    </div>
  );
}
