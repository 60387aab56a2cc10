/**
 * Settings section "okr" (SPEC §5): how quarters are numbered, when a key result is at risk or
 * off track, and the objectives with their key results. Settings saved before this section
 * existed get the defaults (calendar quarters, no objectives). Errors are reported per field path
 * (`okr.objectives.0.keyResults.1.target`) so the OKR editor shows each next to its input.
 *
 * Key result kinds:
 * - `kpi`: a team KPI (SPEC §2) moved from a baseline to a target. Target and baseline are in
 *   the unit of the KPI targets: percent (On-time, Complete), hours (MTTR), days (MTBF), MRs per
 *   engineer per month (MR rate, Tech contribution). The direction defaults to the way the KPI
 *   gets better (MTTR decreases, the others increase). Without a baseline the caller uses the
 *   KPI's value over the quarter's first window.
 * - `epic`: closed weight (or count) of an epic's issues and its descendant epics' issues.
 * - `label`: closed / total issues carrying all the labels in the team's projects (or in
 *   `projects`, when it names some).
 * - `manual`: a number with a unit updated by hand, for goals GitLab cannot measure ("4 of 6
 *   engineers hired"); `history` holds the dated updates.
 */
import { z } from 'zod';
import { OKR_KPI_IDS, OKR_KPI_UNITS } from '../okr/kpi-units';
import { quarterById } from '../okr/quarter';

const number = () => z.number({ error: 'Enter a number.' });

/** First spelling of each value, compared case-insensitively (labels and paths are). */
function uniqueIgnoringCase(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A real calendar date as YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/**
 * Updates may be dated inside the objective's quarter or up to this many days after it: the final
 * count of a hiring plan is often entered in the first weeks of the next quarter.
 */
export const HISTORY_GRACE_DAYS = 31;

const idField = (what: string) =>
  z
    .string({ error: `Enter an id for the ${what}.` })
    .trim()
    .min(1, `Enter an id for the ${what}.`)
    .max(60, 'At most 60 characters.');

const titleField = z.string({ error: 'Enter a title.' }).trim().min(1, 'Enter a title.').max(255, 'At most 255 characters.');

const labelField = z.string({ error: 'Enter a label.' }).trim().min(1, 'A label cannot be blank.').max(255, 'At most 255 characters.');

/** `gitlab-org/quality` as typed, leading and trailing slashes dropped. */
const groupPathField = z
  .string({ error: "Enter the group's full path." })
  .trim()
  .transform((value) => value.replace(/^\/+|\/+$/g, ''))
  .pipe(
    z
      .string()
      .min(1, "Enter the group's full path, such as gitlab-org/quality.")
      .regex(/^[A-Za-z0-9_.][A-Za-z0-9_.-]*(?:\/[A-Za-z0-9_.][A-Za-z0-9_.-]*)*$/, 'Not a group path: names of letters, digits, "_", "-" and "." separated by "/".'),
  );

const common = { id: idField('key result'), title: titleField };

const kpiKeyResult = z
  .object({
    ...common,
    kind: z.literal('kpi'),
    kpi: z.enum(OKR_KPI_IDS, { error: 'Choose a KPI: On-time, Complete, MTTR, MTBF, MR rate or Tech contribution.' }),
    target: number(),
    /** Omitted: the way the KPI gets better (filled in below). */
    direction: z.enum(['increase', 'decrease'], { error: 'Choose increase or decrease.' }).optional(),
    /** The KPI's value when the quarter started; omitted: its value over the quarter's first window. */
    baseline: number().optional(),
  })
  .superRefine((kr, ctx) => {
    const unit = OKR_KPI_UNITS[kr.kpi];
    for (const field of ['target', 'baseline'] as const) {
      const value = kr[field];
      if (value === undefined) continue;
      if (unit.kind === 'percent' && (value < 0 || value > 100)) {
        ctx.addIssue({ code: 'custom', path: [field], message: `${unit.name} is a percentage: enter 0 to 100.` });
      } else if (unit.kind === 'positive' && field === 'target' && value <= 0) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'Must be more than 0.' });
      } else if (unit.kind === 'positive' && value < 0) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'Cannot be negative.' });
      }
    }
  })
  .transform(({ direction, ...kr }) => ({ ...kr, direction: direction ?? OKR_KPI_UNITS[kr.kpi].better }));

const epicKeyResult = z.object({
  ...common,
  kind: z.literal('epic'),
  epic: z.object(
    {
      group: groupPathField,
      iid: number().int("Enter the epic's number (the digits after &).").positive("Enter the epic's number (the digits after &)."),
    },
    { error: 'Choose an epic: its group and number.' },
  ),
});

const labelKeyResult = z
  .object({
    ...common,
    kind: z.literal('label'),
    /** Every label must be on an issue for it to count; compared case-insensitively. */
    labels: z.array(labelField, { error: 'Enter a list of labels.' }).max(20, 'At most 20 labels.').default([]).transform(uniqueIgnoringCase),
    /** Project ids or full paths; empty: all the team's projects. */
    projects: z
      .array(z.string({ error: 'Enter a project.' }).trim().min(1, 'A project cannot be blank.'), { error: 'Enter a list of projects.' })
      .max(100, 'At most 100 projects.')
      .default([])
      .transform(uniqueIgnoringCase),
  })
  .superRefine((kr, ctx) => {
    if (kr.labels.length === 0) ctx.addIssue({ code: 'custom', path: ['labels'], message: 'Add at least one label.' });
  });

const historyEntry = z.object({
  date: z.string({ error: 'Enter a date.' }).trim().refine(isCalendarDate, 'Enter a date as YYYY-MM-DD, such as 2026-02-15.'),
  value: number(),
});

const manualKeyResult = z
  .object({
    ...common,
    kind: z.literal('manual'),
    /** What is counted, read after the number: "engineers hired" → "4 of 6 engineers hired". */
    unit: z.string({ error: 'Enter a unit.' }).trim().min(1, 'Enter a unit, such as "engineers hired".').max(60, 'At most 60 characters.'),
    target: number(),
    /** The value when the quarter started. */
    start: number().default(0),
    history: z.array(historyEntry, { error: 'Enter a list of updates.' }).max(500, 'At most 500 updates.').default([]),
  })
  .superRefine((kr, ctx) => {
    if (kr.target === kr.start) ctx.addIssue({ code: 'custom', path: ['target'], message: 'The target equals the start value: set where the key result should end.' });
  });

/** The kinds in the order the OKR editor offers them. */
export const KEY_RESULT_KINDS = ['kpi', 'epic', 'label', 'manual'] as const;

const keyResultSchema = z.discriminatedUnion('kind', [kpiKeyResult, epicKeyResult, labelKeyResult, manualKeyResult], {
  error: 'Choose a kind: KPI, epic, label or manual.',
});

const objectiveSchema = z.object({
  id: idField('objective'),
  /** `YYYY-Qn` in the configured numbering (utils/okr/quarter.ts); lower-case `q` is accepted. */
  quarter: z
    .string({ error: 'Enter a quarter.' })
    .trim()
    .toUpperCase()
    .regex(/^20\d{2}-Q[1-4]$/, 'Enter a quarter as YYYY-Qn, such as 2026-Q1.'),
  title: titleField,
  keyResults: z.array(keyResultSchema, { error: 'Enter a list of key results.' }).max(20, 'At most 20 key results.').default([]),
});

const ratio = () => number().min(0, 'A ratio from 0 to 1, such as 0.9 for 90 % of the expected progress.').max(1, 'A ratio from 0 to 1, such as 0.9 for 90 % of the expected progress.');

/**
 * Status compares progress with the share of the quarter that has passed (ratio = progress /
 * elapsed, see `krStatus`). Defaults: below 90 % of the expected pace a key result is at risk,
 * below 70 % off track. At the end of the quarter that reads as 90 % done or more on track,
 * 70–90 % at risk (70 % is the classic "good stretch" OKR score), under 70 % off track.
 */
const thresholdsSchema = z
  .object({
    atRiskBelow: ratio().default(0.9),
    offTrackBelow: ratio().default(0.7),
  })
  .superRefine((thresholds, ctx) => {
    if (thresholds.atRiskBelow === 0) ctx.addIssue({ code: 'custom', path: ['atRiskBelow'], message: 'Must be more than 0, or nothing is ever at risk.' });
    if (thresholds.offTrackBelow >= thresholds.atRiskBelow) {
      ctx.addIssue({ code: 'custom', path: ['offTrackBelow'], message: `Must be below the at-risk threshold (${thresholds.atRiskBelow}).` });
    }
  })
  .prefault({});

export const okrSection = z
  .object({
    /** 1 = calendar quarters; 2 = quarters Feb–Apr, May–Jul, Aug–Oct, Nov–Jan. */
    quarterStartMonth: number()
      .int('Enter a month from 1 (January) to 12 (December).')
      .min(1, 'Enter a month from 1 (January) to 12 (December).')
      .max(12, 'Enter a month from 1 (January) to 12 (December).')
      .default(1),
    thresholds: thresholdsSchema,
    objectives: z.array(objectiveSchema, { error: 'Enter a list of objectives.' }).max(50, 'At most 50 objectives.').default([]),
  })
  .superRefine((section, ctx) => {
    const objectiveIds = new Set<string>();
    // Key result ids are unique across all objectives: an epic page links to a KR by id alone.
    const keyResultIds = new Set<string>();
    section.objectives.forEach((objective, o) => {
      if (objectiveIds.has(objective.id)) ctx.addIssue({ code: 'custom', path: ['objectives', o, 'id'], message: 'Two objectives have this id.' });
      objectiveIds.add(objective.id);
      const quarter = quarterById(objective.quarter, section.quarterStartMonth);
      objective.keyResults.forEach((kr, k) => {
        const path = ['objectives', o, 'keyResults', k];
        if (keyResultIds.has(kr.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: 'Two key results have this id.' });
        keyResultIds.add(kr.id);
        if (kr.kind !== 'manual' || !quarter) return;
        const lastAllowed = new Date(Date.parse(`${quarter.lastDay}T00:00:00Z`) + HISTORY_GRACE_DAYS * 86_400_000).toISOString().slice(0, 10);
        kr.history.forEach((entry, h) => {
          if (entry.date < quarter.firstDay || entry.date > lastAllowed) {
            ctx.addIssue({
              code: 'custom',
              path: [...path, 'history', h, 'date'],
              message: `Outside ${quarter.id} (${quarter.firstDay} to ${quarter.lastDay}): enter a date from ${quarter.firstDay} to ${lastAllowed}.`,
            });
          }
        });
      });
    });
  })
  .prefault({});

export type OkrSettings = z.output<typeof okrSection>;
export type OkrThresholds = OkrSettings['thresholds'];
export type Objective = OkrSettings['objectives'][number];
export type KeyResult = Objective['keyResults'][number];
export type KeyResultKind = KeyResult['kind'];
export type KpiKeyResult = Extract<KeyResult, { kind: 'kpi' }>;
export type EpicKeyResult = Extract<KeyResult, { kind: 'epic' }>;
export type LabelKeyResult = Extract<KeyResult, { kind: 'label' }>;
export type ManualKeyResult = Extract<KeyResult, { kind: 'manual' }>;
