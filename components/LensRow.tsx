import type { CSSProperties, ReactNode } from 'react';

/** Widths a last line may need (overlay.css has one container query per value). */
export type LastLineWidth = 960 | 1100;

interface LensRowProps {
  label: string;
  children: ReactNode;
  /** Lines of badges to reserve from the start, so filling them never moves GitLab's content. */
  lines?: number;
  /**
   * Width the last reserved line needs (e.g. six KPI badges); where the row is narrower, one
   * more line is reserved for it to wrap into.
   */
  lastLineWidth?: LastLineWidth;
  /** Lines reserved where the row is narrower than `lastLineWidth` (default: one more than `lines`). */
  narrowLines?: number;
}

/**
 * The strip that holds a page's badges, with a fixed minimum height so loading never shifts
 * GitLab's layout. The extra line for narrow rows is a CSS container query, not a measurement:
 * reading the row's width from script forced a layout of the whole page (on a 1,000-card board,
 * about 250 ms inside GitLab's own first render).
 */
export function LensRow({ label, children, lines = 1, lastLineWidth, narrowLines }: LensRowProps) {
  return (
    <div className="lens-row-frame">
      <div
        className="lens-row"
        style={{ '--lens-lines': lines, '--lens-narrow-lines': narrowLines ?? lines + 1 } as CSSProperties}
        data-last-line={lastLineWidth}
        role="group"
        aria-label={label}
      >
        {children}
      </div>
    </div>
  );
}

export function SetupPrompt({ onOpenOptions }: { onOpenOptions: () => void }) {
  return (
    <span className="lens-muted">
      Engineering Lens is not set up.{' '}
      <button type="button" className="lens-link" onClick={onOpenOptions}>
        Open settings
      </button>
    </span>
  );
}
