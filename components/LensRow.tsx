import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** Height of one line of badges (22 px badge + 4 px gap). */
const LINE_PX = 26;

interface LensRowProps {
  label: string;
  children: ReactNode;
  /** Lines of badges to reserve from the start, so filling them never moves GitLab's content. */
  lines?: number;
  /**
   * Width the last reserved line needs (e.g. six KPI badges); where the row is narrower, one
   * more line is reserved for it to wrap into.
   */
  lastLineWidth?: number;
}

/** The strip that holds a page's badges, with a fixed minimum height so loading never shifts GitLab's layout. */
export function LensRow({ label, children, lines = 1, lastLineWidth }: LensRowProps) {
  const row = useRef<HTMLDivElement>(null);
  const [extraLine, setExtraLine] = useState(false);
  // Measured before the first paint (a layout effect), so the reserved height is right at once.
  useLayoutEffect(() => {
    const width = row.current?.clientWidth ?? 0;
    setExtraLine(lastLineWidth !== undefined && width > 0 && width < lastLineWidth);
  }, [lastLineWidth]);
  const minHeight = (lines + (extraLine ? 1 : 0)) * LINE_PX - 4;
  return (
    <div ref={row} className="lens-row" style={{ minHeight }} role="group" aria-label={label}>
      <span className="lens-brand" aria-hidden="true">
        Lens
      </span>
      {children}
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
