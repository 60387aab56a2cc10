import type { BadgeView } from '../utils/overview/badge-view';
import { Badge } from './Badge';

/** Badges computed by the background, in order; `lens-<id>` test ids. */
export function BadgeList({ badges }: { badges: readonly BadgeView[] }) {
  return (
    <>
      {badges.map((badge) => (
        <Badge key={badge.id} text={badge.text} explanation={badge.explanation} status={badge.status} statusLabel={badge.statusLabel} testId={`lens-${badge.id}`} />
      ))}
    </>
  );
}
