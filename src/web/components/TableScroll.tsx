import type { ReactNode } from 'react';

/**
 * A wide table scrolls sideways inside its own region on a narrow screen, never the whole page. The region
 * is named (its table's caption) and takes focus, so it can be scrolled with the keyboard (WCAG 2.1.1).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
