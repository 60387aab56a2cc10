/**
 * Allocation answers that are not tied to one page: the team's split (popup) and the options
 * page's live preview under candidate rules (nothing saved).
 */
import type { LensDb } from '../../db/database';
import { epicsStamp } from '../../db/sync-state';
import { windowAllocation } from '../../overview/allocation-scopes';
import type { AllocationView } from '../../overview/allocation-view';
import { allocationSection } from '../../settings/allocation';
import type { Settings } from '../../settings';
import type { Answers } from '../answers';
import type { DataService } from '../data-service';
import type { Handlers } from '../router';
import { hasTeam, resolveTeam } from '../scopes';
import { loadTeamData, type ScopeTarget } from '../scope-cache';

type AllocationHandlers = Pick<Handlers, 'ui:allocation-preview'>;

/** The team's split over the KPI window, kept as a snapshot beside the team's KPIs. */
export async function teamAllocation(
  answers: Answers,
  context: { settings: Settings; db: LensDb },
  targets: readonly ScopeTarget[],
  now: number,
): Promise<AllocationView | null> {
  const { settings, db } = context;
  const dependsOn = epicsStamp(db).then((epics) => ({ allocation: settings.allocation, windowDays: settings.kpi.windowDays, gitlabUrl: settings.gitlabUrl, epics }));
  const { value } = await answers.over(db, 'allocation', targets, undefined, dependsOn, () => computeTeamAllocation(context, targets, now));
  return value;
}

async function computeTeamAllocation({ settings, db }: { settings: Settings; db: LensDb }, targets: readonly ScopeTarget[], now: number): Promise<AllocationView> {
  const [{ issues }, epics] = await Promise.all([loadTeamData(db, targets, settings.gitlabUrl), db.getAll('epics')]);
  return windowAllocation(issues, settings, epics, new Date(now));
}

export function createAllocationHandlers(data: DataService, answers: Answers, now: () => number): AllocationHandlers {
  return {
    'ui:allocation-preview': async ({ allocation }) => {
      const parsed = allocationSection.safeParse(allocation);
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of parsed.error.issues) fieldErrors[['allocation', ...issue.path.map(String)].join('.')] ??= issue.message;
        return { view: null, scopeText: '', fieldErrors };
      }
      const { settings, db } = await data.context();
      if (!hasTeam(settings)) return { view: null, scopeText: 'Set the team (group or projects) to preview its split.', fieldErrors: {} };
      const { targets } = await resolveTeam(settings, data);
      if (!targets.length) return { view: null, scopeText: "The team's group and projects could not be found.", fieldErrors: {} };
      // A team never synced (or stale) starts syncing now; the preview says so and is asked again.
      const { syncing, syncedAt } = await answers.freshness(targets, undefined);
      // Straight from the cache, never a snapshot: the rules are the candidate's.
      const view = await computeTeamAllocation({ settings: { ...settings, allocation: parsed.data }, db }, targets, now());
      const paths = [settings.team.group, ...settings.team.projects].filter(Boolean).join(', ');
      const state = syncing ? (syncedAt ? 'cached; updating' : 'syncing, more to come') : 'cached';
      return { view, scopeText: `${paths}: issues created or updated in the last ${settings.kpi.windowDays} days (${state}).`, syncing, fieldErrors: {} };
    },
  };
}
