import { useId } from 'react';
import { badgeLabel, type BadgeStatus } from '../utils/overview/badge-view';

export type { BadgeStatus };

interface BadgeProps {
  /** What the badge shows, e.g. `On-time 70% (7/10)`. */
  text: string;
  /** How it was computed (formula, window, n); shown on hover and keyboard focus. */
  explanation: string;
  status?: BadgeStatus;
  /** The status in words, for screen readers (BadgeView.statusLabel). */
  statusLabel?: string;
  testId?: string;
}

/**
 * A KPI or status badge: keyboard-focusable, named by its text, described by its explanation.
 * All text arrives as React children, so GitLab data is never parsed as HTML.
 */
export function Badge({ text, explanation, status = 'neutral', statusLabel, testId }: BadgeProps) {
  const tooltipId = useId();
  return (
    <span
      className="lens-badge"
      tabIndex={0}
      role="note"
      aria-label={badgeLabel({ text, statusLabel })}
      aria-describedby={tooltipId}
      data-status={status}
      data-testid={testId}
    >
      {text}
      <span className="lens-tooltip" id={tooltipId} role="tooltip">
        {explanation}
      </span>
    </span>
  );
}
