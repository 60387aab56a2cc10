import type { KpiId } from './types';

export type TargetDirection = 'higher-is-better' | 'lower-is-better';

interface KpiTarget {
  /** Same unit as the KPI value: ratio 0..1, milliseconds, or MRs per engineer per month. */
  target: number;
  direction: TargetDirection;
}

/**
 * What makes an issue a failure (MTTR, MTBF, time to fix). Label sets are OR-ed; inside a set
 * every label must be present, so `type::bug` alone is not a failure but `type::bug` +
 * `severity::1` is.
 */
export interface FailureRules {
  /** Issues whose `issue_type`/`type` is incident are failures regardless of labels. */
  incidentTypeIsFailure: boolean;
  labelSets: readonly (readonly string[])[];
  /**
   * Which failures are outages (the service was down), compared case-insensitively: a failure
   * of issue type incident or carrying one of these labels. Only outages add MTBF downtime;
   * other failures (a severity::2 bug left open for weeks) count as failures without downtime.
   */
  outageLabels: readonly string[];
}

export interface KpiSettings {
  /** Rolling window length in days (SPEC §2 default 90). */
  windowDays: number;
  /** IANA zone in which due dates end ("end of the due day"). */
  timeZone: string;
  /** Open issues due within this many days show "due in N d" instead of "on track". */
  dueSoonDays: number;
  failureRules: FailureRules;
  /** Engineers for MR rate and Tech contribution; empty means "derive from project members". */
  engineerUsernames: readonly string[];
  /** Members at or above this access level count as engineers (30 = Developer). */
  minEngineerAccessLevel: number;
  /** Amber band around a target: 0.1 = within 10 % (SPEC §2). */
  nearTargetTolerance: number;
  targets: Record<KpiId, KpiTarget>;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export const DEFAULT_FAILURE_RULES: FailureRules = {
  incidentTypeIsFailure: true,
  labelSets: [['incident'], ['type::bug', 'severity::1'], ['type::bug', 'severity::2']],
  outageLabels: ['incident'],
};

/**
 * Targets are starting points for a team to overwrite, not industry facts; they only drive
 * colouring and KPI key results.
 */
export const DEFAULT_KPI_SETTINGS: KpiSettings = {
  windowDays: 90,
  timeZone: 'UTC',
  dueSoonDays: 3,
  failureRules: DEFAULT_FAILURE_RULES,
  engineerUsernames: [],
  minEngineerAccessLevel: 30,
  nearTargetTolerance: 0.1,
  targets: {
    'on-time': { target: 0.8, direction: 'higher-is-better' },
    complete: { target: 0.8, direction: 'higher-is-better' },
    mttr: { target: 24 * HOUR_MS, direction: 'lower-is-better' },
    mtbf: { target: 30 * DAY_MS, direction: 'higher-is-better' },
    'mr-rate': { target: 8, direction: 'higher-is-better' },
    'tech-contribution': { target: 2, direction: 'higher-is-better' },
  },
};
