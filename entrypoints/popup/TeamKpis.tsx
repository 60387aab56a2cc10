import type { ResponseOf } from '../../utils/messages';
import { Sparkline } from './Dashboard';

type Trends = ResponseOf<'ui:dashboard'>['trends'];

/** Marks drawn beside the status words; the words carry the meaning (never colour alone). */
const MARKS = { met: '✓', near: '◐', missed: '!', neutral: '' } as const;

/** The team's six KPIs: value and sample, target, and status in words, one row each. */
export function TeamKpis({ kpis, trends }: { kpis: ResponseOf<'ui:team-kpis'>; trends?: Trends | undefined }) {
  if (!kpis.teamConfigured) return <p className="lens-muted">Add the team's group or projects in the settings to see its KPIs here.</p>;
  return (
    <>
      <TeamProblems problems={kpis.problems} />
      {kpis.badges.length ? (
        <>
          <KpiList kpis={kpis} trends={trends} />
          {kpis.allocation ? <AllocationLine allocation={kpis.allocation} windowDays={kpis.windowDays} /> : null}
        </>
      ) : (
        <p className="lens-muted">{kpis.freshness.syncing ? 'Syncing the team’s data…' : 'No team data yet: press Sync now.'}</p>
      )}
    </>
  );
}

/** Team paths GitLab does not know: named, so they can be fixed in the settings. */
function TeamProblems({ problems }: { problems: ResponseOf<'ui:team-kpis'>['problems'] }) {
  if (!problems.length) return null;
  return (
    <ul className="field__error" aria-label="Team settings to fix" data-testid="team-problems">
      {problems.map((problem) => (
        <li key={problem.field}>
          Not counted: <code>{problem.path}</code>. {problem.message}
        </li>
      ))}
    </ul>
  );
}

function KpiList({ kpis, trends }: { kpis: ResponseOf<'ui:team-kpis'>; trends?: Trends | undefined }) {
  return (
    <ul className="kpi-list" aria-label={`Team KPIs, last ${kpis.windowDays} days`}>
      {kpis.badges.map((badge) => (
        <li key={badge.id} data-status={badge.status} title={badge.explanation}>
          <span className="kpi-list__text">{badge.text}</span>
          <span className="kpi-list__target">{badge.target ? `target ${badge.target}` : ''}</span>
          {(() => {
            const series = trends?.series.find((candidate) => candidate.kpi === badge.id);
            return series ? <Sparkline series={series} windowDays={trends!.windowDays} /> : null;
          })()}
          <span className="kpi-list__status">
            {MARKS[badge.status] ? <span aria-hidden="true">{MARKS[badge.status]} </span> : null}
            {badge.statusLabel ?? 'no value yet'}
          </span>
          <span className="visually-hidden">. {badge.explanation}</span>
        </li>
      ))}
    </ul>
  );
}

const BUDGET_WORDS = { within: 'on budget', over: 'over budget', under: 'under budget', 'no-data': 'no data' } as const;

/** The team's allocation split against the budget, one line; the measure and detail on hover. */
function AllocationLine({ allocation, windowDays }: { allocation: NonNullable<ResponseOf<'ui:team-kpis'>['allocation']>; windowDays: number }) {
  const needsAction = allocation.budgetStatus === 'over' || allocation.budgetStatus === 'under';
  return (
    <p className="allocation-line" data-testid="popup-allocation" title={`Issues created or updated in the last ${windowDays} days, ${allocation.measureText}. ${allocation.budgetDetail}`}>
      <span className="allocation-line__label">Allocation</span> {allocation.summary} ·{' '}
      <span data-status={needsAction ? 'near' : 'met'}>
        {allocation.budgetText}, {needsAction ? <span aria-hidden="true">◐ </span> : null}
        {BUDGET_WORDS[allocation.budgetStatus]}
      </span>
    </p>
  );
}
