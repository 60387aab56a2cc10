/** The issue badge strip shared by the issue page and the `?show=` drawer. */
import { BadgeList } from '../../../components/BadgeList';
import { ScopeSwitch } from '../../../components/ScopeSwitch';
import type { RequestOf } from '../../../utils/messages';
import { sendMessage } from '../../../utils/send-message';
import { useScopeChoice } from './kpi-scope';
import { BackgroundStrip } from './kpi-strip';

export function IssueOverview({ request }: { request: RequestOf<'content:issue-overview'> }) {
  const [scope, choose] = useScopeChoice();
  return (
    <BackgroundStrip
      // A new scope is a new question: the strip asks again (its reserved lines keep the layout).
      key={scope}
      label="Engineering Lens: issue KPIs"
      lines={2}
      // The scope switch and six KPI badges need about this much room on one line.
      lastLineWidth={960}
      load={() => sendMessage('content:issue-overview', { ...request, kpiScope: scope === 'team' ? 'team' : 'project' })}
      render={(data, freshness) => (
        <>
          <BadgeList badges={data.issue} />
          {freshness}
          {/* The issue's own badges on the first line, the KPIs of its project or team on the second. */}
          <span className="lens-line-break" aria-hidden="true" />
          {data.kpis.length ? (
            <ScopeSwitch
              value={data.kpiScope === 'team' ? 'team' : 'own'}
              onChange={choose}
              ownLabel="Project"
              ownPath={data.projectPath}
              teamConfigured={data.teamConfigured}
            />
          ) : null}
          <BadgeList badges={data.kpis} />
        </>
      )}
    />
  );
}
