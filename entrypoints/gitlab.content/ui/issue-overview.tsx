/** The issue badge strip shared by the issue page and the `?show=` drawer. */
import { BadgeList } from '../../../components/BadgeList';
import { ScopeSwitch } from '../../../components/ScopeSwitch';
import { useId, useState, type ReactNode } from 'react';
import type { ScopeChoice } from '../../../components/ScopeSwitch';
import type { RequestOf, ResponseOf } from '../../../utils/messages';
import { issueAllocationBadge } from '../../../utils/overview/allocation-view';
import { sendMessage } from '../../../utils/send-message';
import { onSyncEnded } from './data-changes';
import { preferredScope, useKpisOpen, useScopeChoice } from './kpi-scope';
import { BackgroundStrip } from './kpi-strip';

type IssueRequest = RequestOf<'content:issue-overview'>;
type IssueAnswer = ResponseOf<'content:issue-overview'>;

const ask = (request: IssueRequest, scope: ScopeChoice) =>
  sendMessage('content:issue-overview', { ...request, kpiScope: scope === 'team' ? 'team' : 'project' });

/**
 * Asks for the issue's badges now, before GitLab has rendered the place they go: the answer is
 * then usually there when the strip mounts, and the badges go in with GitLab's first frame. The
 * first ask of the strip takes it; later ones (a data push, another scope) ask anew. A sync that
 * ended while the early answer waited (its push came before the strip listened) means asking
 * again instead of showing a stale "syncing".
 */
export function prepareIssueOverview(request: IssueRequest, signal: AbortSignal): () => ReactNode {
  const scope = preferredScope();
  const ended = new Set<string>();
  const stopListening = onSyncEnded((push) => void ended.add(push.scope));
  signal.addEventListener('abort', stopListening, { once: true });
  let early: Promise<IssueAnswer> | null = ask(request, scope);
  let settled: IssueAnswer | null = null;
  early.then(
    (answer) => (settled = answer),
    () => {
      // The strip shows the error when it asks.
    },
  );
  const fresh = (answer: IssueAnswer) => !answer.freshness.scopes.some((key) => ended.has(key));
  /** The early answer if it has come (and no sync ended since): taken once, for the first render. */
  const takeSettled = (wanted: ScopeChoice): IssueAnswer | null => {
    const answer = settled && wanted === scope && fresh(settled) ? settled : null;
    if (answer) {
      early = settled = null;
      stopListening();
    }
    return answer;
  };
  const take = async (wanted: ScopeChoice): Promise<IssueAnswer> => {
    const pending = early && wanted === scope ? early : null;
    early = settled = null;
    stopListening();
    if (!pending) return ask(request, wanted);
    const answer = await pending;
    return fresh(answer) ? answer : ask(request, wanted);
  };
  return () => <IssueOverview load={take} takeSettled={takeSettled} />;
}

interface IssueOverviewProps {
  load: (scope: ScopeChoice) => Promise<IssueAnswer>;
  takeSettled: (scope: ScopeChoice) => IssueAnswer | null;
}

function IssueOverview({ load, takeSettled }: IssueOverviewProps) {
  const [scope, choose] = useScopeChoice();
  const [open, setOpen] = useKpisOpen();
  const kpisId = useId();
  // Taken once, for the scope the strip starts with; a strip for another scope asks.
  const [first] = useState(() => ({ scope, answer: takeSettled(scope) }));
  return (
    <BackgroundStrip
      // A new scope is a new question: the strip asks again (its reserved lines keep the layout).
      key={scope}
      label="Engineering Lens: issue KPIs"
      // Folded: the issue's badges, then the KPI line: two lines. Open (the tab's choice, so a
      // page can start open): the scope switch and six KPI badges need about 960 px on a line,
      // so narrower columns reserve one more.
      lines={open ? 3 : 2}
      lastLineWidth={open ? 960 : undefined}
      load={() => load(scope)}
      initial={first.scope === scope ? first.answer : null}
      render={(data, freshness) => (
        <>
          <BadgeList badges={data.allocation ? [...data.issue, issueAllocationBadge(data.allocation)] : data.issue} />
          {freshness}
          {/* The issue's own badges on the first line, the KPIs of its project or team on the second. */}
          <span className="lens-line-break" aria-hidden="true" />
          {data.kpis.length ? (
            <>
              {/* The issue's own badges stay in view; the six KPIs fold into one line that opens in place. */}
              <button
                type="button"
                className="lens-disclosure"
                aria-expanded={open}
                aria-controls={kpisId}
                data-testid="lens-kpis-toggle"
                onClick={() => setOpen(!open)}
              >
                {kpiSummary(data)}
                <span aria-hidden="true">{open ? ' ▾' : ' ▸'}</span>
              </button>
              <span id={kpisId} className="lens-kpi-group" hidden={!open}>
                {data.teamIsOwn ? null : (
                  <ScopeSwitch
                    value={data.kpiScope === 'team' ? 'team' : 'own'}
                    onChange={choose}
                    ownLabel="Project"
                    ownPath={data.projectPath}
                    teamConfigured={data.teamConfigured}
                  />
                )}
                <BadgeList badges={data.kpis} />
              </span>
            </>
          ) : null}
        </>
      )}
    />
  );
}

/** "Team KPIs · 2 of 6 on target": what the folded KPI line says. */
export function kpiSummary(data: Pick<IssueAnswer, 'kpis' | 'kpiScope'>): string {
  const met = data.kpis.filter((badge) => badge.status === 'met').length;
  return `${data.kpiScope === 'team' ? 'Team' : 'Project'} KPIs · ${met} of ${data.kpis.length} on target`;
}
