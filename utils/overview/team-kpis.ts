/** The six team KPIs (SPEC §2) over cached data, as badges. Pure: the caller passes `now`. */
import type { AllocationRuleSet } from '../allocation/rules';
import {
  completeRate,
  mrRate,
  mtbf,
  mttr,
  onTimeRate,
  resolveEngineers,
  rollingWindow,
  techContribution,
  type KpiIssue,
  type KpiMember,
  type KpiMergeRequest,
  type KpiMilestoneRef,
  type KpiSettings,
} from '../kpi';
import { kpiBadge, type BadgeView } from './badge-view';

export interface TeamData {
  issues: readonly KpiIssue[];
  mergeRequests: readonly KpiMergeRequest[];
  members: readonly KpiMember[];
  milestones?: readonly KpiMilestoneRef[];
}

export function teamKpiBadges(data: TeamData, settings: KpiSettings, rules: AllocationRuleSet, now: Date): BadgeView[] {
  const window = rollingWindow(now, settings.windowDays);
  const zone = { now, timeZone: settings.timeZone };
  const failures = { now, failureRules: settings.failureRules };
  const engineers = resolveEngineers(data.members, {
    configuredUsernames: settings.engineerUsernames,
    minAccessLevel: settings.minEngineerAccessLevel,
  });
  return [
    kpiBadge(onTimeRate(data.issues, window, zone), settings),
    kpiBadge(completeRate(data.issues, data.milestones, window, zone), settings),
    kpiBadge(mttr(data.issues, window, failures), settings),
    kpiBadge(mtbf(data.issues, window, failures), settings),
    kpiBadge(mrRate(data.mergeRequests, engineers, window, { now }), settings),
    kpiBadge(techContribution(data.mergeRequests, engineers, window, rules, { now }), settings),
  ];
}
