import type { ResponseOf } from '../../utils/messages';

const STATUS_WORDS = { met: 'meets its target', near: 'within 10 % of its target', missed: 'misses its target', neutral: 'no target status' };

/** The team's six KPIs against their targets, each with the sentence that explains its sample. */
export function TeamKpis({ kpis }: { kpis: ResponseOf<'ui:team-kpis'> }) {
  if (!kpis.teamConfigured) return <p className="lens-muted">Add the team's group or projects in the settings to see its KPIs here.</p>;
  return (
    <>
      <TeamProblems problems={kpis.problems} />
      {kpis.badges.length ? (
        <KpiList kpis={kpis} />
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

function KpiList({ kpis }: { kpis: ResponseOf<'ui:team-kpis'> }) {
  return (
    <ul className="kpi-list" aria-label={`Team KPIs, last ${kpis.windowDays} days`}>
      {kpis.badges.map((badge) => (
        <li key={badge.id} data-status={badge.status} title={badge.explanation}>
          <span className="kpi-list__text">{badge.text}</span>
          <span className="visually-hidden">, {STATUS_WORDS[badge.status]}. {badge.explanation}</span>
        </li>
      ))}
    </ul>
  );
}
