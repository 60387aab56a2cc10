import type { ReactNode } from 'react';

interface LensRowProps {
  label: string;
  children: ReactNode;
  /** Lines of badges to reserve from the start, so filling them never moves GitLab's content. */
  lines?: 1 | 2;
}

/** The strip that holds a page's badges, with a fixed minimum height so loading never shifts GitLab's layout. */
export function LensRow({ label, children, lines = 1 }: LensRowProps) {
  return (
    <div className={`lens-row lens-row--${lines}`} role="group" aria-label={label}>
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
