/** The issue badge strip shared by the issue page and the `?show=` drawer. */
import { BadgeList } from '../../components/BadgeList';
import type { RequestOf } from '../../utils/messages';
import { sendMessage } from '../../utils/send-message';
import { BackgroundStrip } from './kpi-strip';

export function IssueOverview({ request }: { request: RequestOf<'content:issue-overview'> }) {
  return (
    <BackgroundStrip
      label="Engineering Lens: issue KPIs"
      lines={2}
      load={() => sendMessage('content:issue-overview', request)}
      render={(data, freshness) => (
        <>
          <BadgeList badges={data.issue} />
          {freshness}
          {/* The issue's own badges on the first line, its project's KPIs on the second. */}
          <span className="lens-line-break" aria-hidden="true" />
          {data.project.length ? (
            <span className="lens-muted lens-scope" title={`KPIs of ${data.projectPath} over the last ${data.windowDays} days`}>
              Project:
            </span>
          ) : null}
          <BadgeList badges={data.project} />
        </>
      )}
    />
  );
}
