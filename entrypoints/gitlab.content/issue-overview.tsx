/** The issue badge strip shared by the issue page and the `?show=` drawer. */
import { BadgeList } from '../../components/BadgeList';
import type { RequestOf } from '../../utils/messages';
import { sendMessage } from '../../utils/send-message';
import { BackgroundStrip } from './kpi-strip';

export function IssueOverview({ request }: { request: RequestOf<'content:issue-overview'> }) {
  return (
    <BackgroundStrip
      label="Engineering Lens: issue KPIs"
      load={() => sendMessage('content:issue-overview', request)}
      render={(data) => (
        <>
          <BadgeList badges={data.issue} />
          {data.project.length ? (
            <span className="lens-muted lens-scope" title={`Project KPIs over the last ${data.windowDays} days`}>
              {data.projectPath}:
            </span>
          ) : null}
          <BadgeList badges={data.project} />
        </>
      )}
    />
  );
}
