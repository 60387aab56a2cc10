/** Settings section "kpi": window, time zone, failure labels and targets (SPEC §2). */
import { z } from 'zod';
import { DEFAULT_KPI_SETTINGS, isValidTimeZone, type KpiSettings } from '../kpi';

const number = () => z.number({ error: 'Enter a number.' });

export const kpiSection = z
  .object({
    /** Rolling window in days (SPEC §2). */
    windowDays: number().int().min(7, 'At least 7 days.').max(365, 'At most 365 days.').default(90),
    /** IANA zone in which a due day ends, e.g. Europe/Berlin. */
    timeZone: z.string().trim().refine(isValidTimeZone, 'Not a time zone name such as UTC or Europe/Berlin.').default('UTC'),
    dueSoonDays: number().int().min(0).max(60).default(3),
    incidentTypeIsFailure: z.boolean().default(true),
    /** Each set is all-must-match; sets are alternatives (`type::bug` + `severity::1`). */
    failureLabelSets: z
      .array(z.array(z.string().trim().min(1)).min(1))
      .default([['incident'], ['type::bug', 'severity::1'], ['type::bug', 'severity::2']]),
    /**
     * Failures with one of these labels (or of issue type incident) are outages: only they add
     * MTBF downtime. Settings saved before this field existed get the default.
     */
    outageLabels: z
      .array(z.string({ error: 'Enter label names.' }).trim().min(1, 'A label cannot be blank.'), { error: 'Enter a list of labels.' })
      .default(['incident']),
    targets: z
      .object({
        onTimePercent: number().min(0).max(100).default(80),
        completePercent: number().min(0).max(100).default(80),
        mttrHours: number().positive('Must be more than 0.').default(24),
        mtbfDays: number().positive('Must be more than 0.').default(30),
        mrRate: number().positive('Must be more than 0.').default(8),
        techContribution: number().positive('Must be more than 0.').default(2),
      })
      .prefault({}),
  })
  .prefault({});

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The KPI engine's settings from the user's (percent, hours and days become its units). */
export function kpiSettingsFrom(settings: { kpi: z.output<typeof kpiSection>; team: { engineers: string[] } }): KpiSettings {
  const { kpi, team } = settings;
  const higher = 'higher-is-better' as const;
  return {
    ...DEFAULT_KPI_SETTINGS,
    windowDays: kpi.windowDays,
    timeZone: kpi.timeZone,
    dueSoonDays: kpi.dueSoonDays,
    failureRules: { incidentTypeIsFailure: kpi.incidentTypeIsFailure, labelSets: kpi.failureLabelSets, outageLabels: kpi.outageLabels },
    engineerUsernames: team.engineers,
    targets: {
      'on-time': { target: kpi.targets.onTimePercent / 100, direction: higher },
      complete: { target: kpi.targets.completePercent / 100, direction: higher },
      mttr: { target: kpi.targets.mttrHours * HOUR_MS, direction: 'lower-is-better' },
      mtbf: { target: kpi.targets.mtbfDays * DAY_MS, direction: higher },
      'mr-rate': { target: kpi.targets.mrRate, direction: higher },
      'tech-contribution': { target: kpi.targets.techContribution, direction: higher },
    },
  };
}
