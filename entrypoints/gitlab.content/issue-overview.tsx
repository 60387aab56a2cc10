/** The issue badge strip shared by the issue page and the `?show=` drawer. */
import { useState } from 'react';
import { BadgeList } from '../../components/BadgeList';
import { ScopeSwitch, type KpiScope } from '../../components/ScopeSwitch';
import type { RequestOf } from '../../utils/messages';
import { sendMessage } from '../../utils/send-message';
import { BackgroundStrip } from './kpi-strip';

/** The scope last chosen in this tab, kept across client-side navigation. */
let preferredScope: KpiScope = 'project';

export function IssueOverview({ request }: { request: RequestOf<'content:issue-overview'> }) {
  const [scope, setScope] = useState<KpiScope>(preferredScope);
  const choose = (next: KpiScope) => {
    preferredScope = next;
    setScope(next);
  };
  return (
    <BackgroundStrip
      // A new scope is a new question: the strip asks again (its reserved lines keep the layout).
      key={scope}
      label="Engineering Lens: issue KPIs"
      lines={2}
      // The scope switch and six KPI badges need about this much room on one line.
      lastLineWidth={960}
      load={() => sendMessage('content:issue-overview', { ...request, kpiScope: scope })}
      render={(data, freshness) => (
        <>
          <BadgeList badges={data.issue} />
          {freshness}
          {/* The issue's own badges on the first line, the KPIs of its project or team on the second. */}
          <span className="lens-line-break" aria-hidden="true" />
          {data.kpis.length ? (
            <ScopeSwitch value={data.kpiScope} onChange={choose} projectPath={data.projectPath} teamConfigured={data.teamConfigured} />
          ) : null}
          <BadgeList badges={data.kpis} />
        </>
      )}
    />
  );
}
