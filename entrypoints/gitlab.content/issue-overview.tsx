/** The issue badge strip shared by the issue page and the `?show=` drawer. */
import { Badge } from '../../components/Badge';
import { FreshnessNote } from '../../components/FreshnessNote';
import { LensRow, SetupPrompt } from '../../components/LensRow';
import type { RequestOf } from '../../utils/messages';
import { sendMessage } from '../../utils/send-message';
import { useBackgroundAnswer } from './use-background-answer';

export function IssueOverview({ request }: { request: RequestOf<'content:issue-overview'> }) {
  const answer = useBackgroundAnswer(() => sendMessage('content:issue-overview', request));
  return (
    <LensRow label="Engineering Lens: issue KPIs">
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
          {answer.data.issue.map((badge) => (
            <Badge key={badge.id} text={badge.text} explanation={badge.explanation} status={badge.status} testId={`lens-${badge.id}`} />
          ))}
          {answer.data.project.length ? (
            <span className="lens-muted lens-scope" title={`Project KPIs over the last ${answer.data.windowDays} days`}>
              {answer.data.projectPath}:
            </span>
          ) : null}
          {answer.data.project.map((badge) => (
            <Badge key={badge.id} text={badge.text} explanation={badge.explanation} status={badge.status} testId={`lens-${badge.id}`} />
          ))}
          <FreshnessNote {...answer.data.freshness} now={answer.receivedAt} />
        </>
      ) : null}
    </LensRow>
  );
}
