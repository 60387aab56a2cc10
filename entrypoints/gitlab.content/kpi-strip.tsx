/** A strip of KPI badges asked from the background (epic page, board summary bar). */
import { Badge } from '../../components/Badge';
import { FreshnessNote } from '../../components/FreshnessNote';
import { LensRow, SetupPrompt } from '../../components/LensRow';
import type { FreshnessInfo } from '../../utils/messages';
import type { BadgeView } from '../../utils/overview/badge-view';
import { sendMessage } from '../../utils/send-message';
import { useBackgroundAnswer } from './use-background-answer';

export interface KpiAnswer {
  badges: BadgeView[];
  windowDays: number;
  freshness: FreshnessInfo;
}

interface KpiStripProps<T extends KpiAnswer> {
  /** Accessible name of the strip. */
  label: string;
  load: () => Promise<T>;
}

export function KpiStrip<T extends KpiAnswer>({ label, load }: KpiStripProps<T>) {
  const answer = useBackgroundAnswer(load);
  return (
    <LensRow label={label}>
      {answer.status === 'loading' ? <span className="lens-muted">Loading…</span> : null}
      {answer.status === 'error' ? (
        answer.error.kind === 'not-configured' ? (
          <SetupPrompt onOpenOptions={() => void sendMessage('content:open-options', {})} />
        ) : (
          <span className="lens-muted" role="status">
            Engineering Lens: {answer.error.message}
          </span>
        )
      ) : null}
      {answer.status === 'ready' ? (
        <>
          {answer.data.badges.map((badge) => (
            <Badge key={badge.id} text={badge.text} explanation={badge.explanation} status={badge.status} testId={`lens-${badge.id}`} />
          ))}
          <FreshnessNote {...answer.data.freshness} now={answer.receivedAt} />
        </>
      ) : null}
    </LensRow>
  );
}
