/**
 * The current quarter's OKRs evaluated over the team's cached data (SPEC §5): each key result's
 * progress and status, each objective's roll-up. Pure: the background gathers the team data and
 * the issues of each epic key result's tree, this only computes.
 */
import type { AllocationRuleSet } from '../allocation/rules';
import { completeRate, mrRate, mtbf, mttr, onTimeRate, resolveEngineers, rollingWindow, techContribution, type KpiSettings, type KpiWindow } from '../kpi';
import type { KpiId } from '../kpi/types';
import type { TeamData } from '../overview/team-kpis';
import type { KeyResult, OkrSettings } from '../settings/okr';
import {
  epicKrProgress,
  KR_STATUS_TEXT,
  krStatus,
  krStatusExplanation,
  kpiKrProgress,
  labelKrProgress,
  manualKrProgress,
  objectiveProgress,
  progressBarFraction,
  type EpicKrIssue,
  type KrProgress,
  type KrStatus,
} from './progress';
import { currentQuarter, elapsedFraction } from './quarter';

export interface KeyResultView {
  id: string;
  title: string;
  kind: KeyResult['kind'];
  progress: number | null;
  /** 0–1 for the bar. */
  bar: number;
  text: string;
  status: KrStatus;
  statusText: string;
  explanation: string;
  /** Epic key results: the epic, so an epic page can find the ones linked to it. */
  epic?: { group: string; iid: number };
}

export interface ObjectiveView {
  id: string;
  title: string;
  progress: number | null;
  bar: number;
  status: KrStatus;
  statusText: string;
  keyResults: KeyResultView[];
}

export interface OkrView {
  quarter: { id: string; label: string };
  /** Share of the quarter gone, 0–1. */
  elapsed: number;
  objectives: ObjectiveView[];
}

export interface OkrInputs {
  okr: OkrSettings;
  kpi: KpiSettings;
  allocationRules: AllocationRuleSet;
  /** The team's cached issues, merge requests and members (as for the KPI badges). */
  team: TeamData;
  /** The issues of each epic key result's epic tree, by `group#iid`; absent: not cached. */
  epicIssues: ReadonlyMap<string, readonly EpicKrIssue[]>;
  now: Date;
}

export const epicKey = (epic: { group: string; iid: number }) => `${epic.group.toLowerCase()}#${epic.iid}`;

/** One KPI's engine value over a window, judged at `now`. */
export function kpiValueOver(kpi: KpiId, team: TeamData, window: KpiWindow, settings: KpiSettings, rules: AllocationRuleSet, now: Date): number | null {
  const zone = { now, timeZone: settings.timeZone };
  const failures = { now, failureRules: settings.failureRules };
  const engineers = () => resolveEngineers(team.members, { configuredUsernames: settings.engineerUsernames, minAccessLevel: settings.minEngineerAccessLevel });
  switch (kpi) {
    case 'on-time':
      return onTimeRate(team.issues, window, zone).value;
    case 'complete':
      return completeRate(team.issues, team.milestones, window, zone).value;
    case 'mttr':
      return mttr(team.issues, window, failures).value;
    case 'mtbf':
      return mtbf(team.issues, window, failures).value;
    case 'mr-rate':
      return mrRate(team.mergeRequests, engineers(), window, { now }).value;
    case 'tech-contribution':
      return techContribution(team.mergeRequests, engineers(), window, rules, { now }).value;
  }
}

/**
 * The current quarter's objectives, or null when none is set for it. KPI key results: the KPI
 * over the quarter so far against the target, from the baseline (or the KPI over the window
 * before the quarter began). Label key results: the matching issues open at some time in the
 * quarter (created before its end, not closed before its start).
 */
export function evaluateOkrs(inputs: OkrInputs): OkrView | null {
  const { okr, kpi, team, now } = inputs;
  const quarter = currentQuarter(now, okr.quarterStartMonth, kpi.timeZone);
  const objectives = okr.objectives.filter((objective) => objective.quarter === quarter.id);
  if (!objectives.length) return null;
  const elapsed = elapsedFraction(quarter, now);
  const soFar: KpiWindow = { start: quarter.start, end: now < quarter.end ? now : quarter.end };
  const startMs = quarter.start.getTime();
  const endMs = quarter.end.getTime();
  const inQuarter = team.issues.filter((issue) => Date.parse(issue.created_at) < endMs && (!issue.closed_at || Date.parse(issue.closed_at) >= startMs));

  const evaluate = (kr: KeyResult): KrProgress => {
    switch (kr.kind) {
      case 'kpi':
        return kpiKrProgress(kr, {
          current: kpiValueOver(kr.kpi, team, soFar, kpi, inputs.allocationRules, now),
          quarterStart: kpiValueOver(kr.kpi, team, rollingWindow(quarter.start, kpi.windowDays), kpi, inputs.allocationRules, quarter.start),
        });
      case 'epic': {
        const issues = inputs.epicIssues.get(epicKey(kr.epic));
        if (!issues) return { progress: null, text: `${kr.epic.group}&${kr.epic.iid}: not synced yet`, explanation: `The issues of ${kr.epic.group}&${kr.epic.iid} are not in the cache yet: open the epic or its group once, or add the group to the team.` };
        return epicKrProgress(kr, issues);
      }
      case 'label':
        return labelKrProgress(kr, inQuarter);
      case 'manual':
        return manualKrProgress(kr);
    }
  };

  return {
    quarter: { id: quarter.id, label: quarter.label },
    elapsed,
    objectives: objectives.map((objective) => {
      const keyResults = objective.keyResults.map((kr): KeyResultView => {
        const result = evaluate(kr);
        const status = krStatus(result.progress, elapsed, okr.thresholds);
        return {
          id: kr.id,
          title: kr.title,
          kind: kr.kind,
          progress: result.progress,
          bar: progressBarFraction(result.progress),
          text: result.text,
          status,
          statusText: KR_STATUS_TEXT[status],
          explanation: `${result.explanation} ${krStatusExplanation(result.progress, elapsed, okr.thresholds)}`,
          ...(kr.kind === 'epic' ? { epic: { group: kr.epic.group, iid: kr.epic.iid } } : {}),
        };
      });
      const rollUp = objectiveProgress(keyResults);
      return {
        id: objective.id,
        title: objective.title,
        progress: rollUp.progress,
        bar: progressBarFraction(rollUp.progress),
        status: rollUp.status,
        statusText: KR_STATUS_TEXT[rollUp.status],
        keyResults,
      };
    }),
  };
}
