/**
 * KPI trends for the popup's sparklines (SPEC §7, issue item 4): each of the six team KPIs over
 * the last six windows, computed by the KPI engine itself so a sparkline's last point is the
 * badge next to it. Pure: the caller passes `now`.
 */
import type { AllocationRuleSet } from '../allocation/rules';
import {
  compileFailureMatcher,
  completeRate,
  DAY_MS,
  effectiveDueDate,
  mrRate,
  mtbf,
  mttr,
  onTimeRate,
  resolveEngineers,
  rollingWindow,
  techContribution,
  type KpiId,
  type KpiIssue,
  type KpiMergeRequest,
  type KpiResult,
  type KpiSettings,
  type KpiWindow,
  type TargetDirection,
} from '../kpi';
import { endOfDayCache } from '../kpi/time-zone';
import { isInWindow, parseTimestamp } from '../kpi/window';
import type { TeamData } from '../overview/team-kpis';

/** The team's cached data (as for the KPI badges) and the allocation rules Tech contribution needs. */
export interface KpiTrendInput extends TeamData {
  allocationRules: AllocationRuleSet;
}

/** One window of one KPI: what a sparkline point shows on hover. */
export interface KpiTrendPoint {
  /** Window start (inclusive) and end (exclusive), ISO instants. */
  start: string;
  end: string;
  /** The KPI's own value; null when the window has no sample (the line breaks there). */
  value: number | null;
  n: number;
  /** The KPI engine's badge text and tooltip sentence for this window. */
  display: string;
  formula: string;
}

export interface KpiTrendSeries {
  kpi: KpiId;
  /** Oldest → newest; the last one is the current badge's value. */
  values: (number | null)[];
  points: KpiTrendPoint[];
  /** From settings.targets, in the KPI's unit (ratio, ms, per engineer per month). */
  target: number;
  direction: TargetDirection;
}

export interface KpiTrend {
  windowDays: number;
  /** In the order of the popup's badges: On-time, Complete, MTTR, MTBF, MR rate, Tech contribution. */
  series: KpiTrendSeries[];
}

/**
 * Each KPI over `windows` back-to-back rolling windows of `settings.windowDays`: window i
 * (0 = oldest) is [end − windowDays, end) with end = now − (windows − 1 − i) × windowDays, so
 * the newest is exactly the badges' window (`rollingWindow(now, windowDays)`, same label) and
 * the windows tile the last windows × windowDays without gap or overlap.
 *
 * Every window is judged with today's knowledge (the engine gets the real `now`): an issue due
 * in an old window and closed after it is late there, as it was; an outage still open runs to
 * the end of each window it spans. The engineer roster is today's (members who left are not in
 * the cache), each engineer counting from their membership start, as for the badges.
 *
 * Cost: one pass over the issues and MRs sorts out what each KPI can count, using the engine's
 * own predicates and window test ([start, end) on fixed-length windows): issues with a due
 * date go to the window their due day ends in, merged MRs to the window of merged_at; issues in
 * a milestone or iteration, and failures (few), go to every window. The engine then runs
 * windows × 6 times over those small lists, each KPI skipping anything else first, so the values
 * equal the engine's over the full lists (a test holds every window to the direct call,
 * boundaries included). Linear in the data: about twice one set of badges at 100,000 issues.
 */
export function kpiTrend(input: KpiTrendInput, settings: KpiSettings, now: Date, windows = 6): KpiTrend {
  if (!Number.isInteger(windows) || windows < 1) throw new RangeError(`windows must be a positive integer, got ${windows}`);
  const days = settings.windowDays;
  const nowMs = now.getTime();
  const windowMs = days * DAY_MS;
  const spanStartMs = nowMs - windows * windowMs;
  /** Window i is [spanStart + i × windowMs, spanStart + (i + 1) × windowMs); null outside them all. */
  const windowIndex = (ms: number): number | null =>
    isInWindow(ms, spanStartMs, nowMs) ? Math.min(windows - 1, Math.floor((ms - spanStartMs) / windowMs)) : null;

  const isFailure = compileFailureMatcher(settings.failureRules);
  const endOfDay = endOfDayCache(settings.timeZone);
  const dueByWindow: KpiIssue[][] = Array.from({ length: windows }, () => []);
  const timeboxedIssues: KpiIssue[] = [];
  const failures: KpiIssue[] = [];
  for (const issue of input.issues) {
    const due = effectiveDueDate(issue);
    const dueEndMs = due ? endOfDay(due.date) : null;
    const dueIndex = dueEndMs === null ? null : windowIndex(dueEndMs);
    if (dueIndex !== null) dueByWindow[dueIndex]?.push(issue);
    if (issue.milestone || issue.iteration) timeboxedIssues.push(issue);
    if (isFailure(issue) !== null) failures.push(issue);
  }
  const mergedByWindow: KpiMergeRequest[][] = Array.from({ length: windows }, () => []);
  for (const mr of input.mergeRequests) {
    const mergedMs = parseTimestamp(mr.merged_at);
    const index = mergedMs === null ? null : windowIndex(mergedMs);
    if (index !== null) mergedByWindow[index]?.push(mr);
  }

  const engineers = resolveEngineers(input.members, {
    configuredUsernames: settings.engineerUsernames,
    minAccessLevel: settings.minEngineerAccessLevel,
  });
  const zone = { now, timeZone: settings.timeZone };
  const failureOpts = { now, failureRules: settings.failureRules };

  const byKpi = new Map<KpiId, KpiTrendPoint[]>();
  for (let i = 0; i < windows; i++) {
    const window = trendWindow(now, days, windows - 1 - i);
    const dueIssues = dueByWindow[i] ?? [];
    const merged = mergedByWindow[i] ?? [];
    const results: KpiResult<unknown>[] = [
      onTimeRate(dueIssues, window, zone),
      completeRate(timeboxedIssues, input.milestones, window, zone),
      mttr(failures, window, failureOpts),
      mtbf(failures, window, failureOpts),
      mrRate(merged, engineers, window, { now }),
      techContribution(merged, engineers, window, input.allocationRules, { now }),
    ];
    for (const result of results) {
      const point: KpiTrendPoint = {
        start: window.start.toISOString(),
        end: window.end.toISOString(),
        value: result.value,
        n: result.n,
        display: result.display,
        formula: result.formula,
      };
      const points = byKpi.get(result.kpi);
      if (points) points.push(point);
      else byKpi.set(result.kpi, [point]);
    }
  }

  return {
    windowDays: days,
    series: [...byKpi].map(([kpi, points]) => ({
      kpi,
      values: points.map((point) => point.value),
      points,
      target: settings.targets[kpi].target,
      direction: settings.targets[kpi].direction,
    })),
  };
}

/**
 * The window `back` windows before the current one. The current one is the badges' own; older
 * ones have no label, so their sentences name their dates ("the period 2025-01-01 to …").
 */
function trendWindow(now: Date, days: number, back: number): KpiWindow {
  if (back === 0) return rollingWindow(now, days);
  const windowMs = days * DAY_MS;
  const endMs = now.getTime() - back * windowMs;
  return { start: new Date(endMs - windowMs), end: new Date(endMs) };
}

/** What the scale must include besides the values; e.g. `{ min: 0, max: 1 }` for a share. */
export interface SparklineRange {
  min?: number;
  max?: number;
  /** The KPI's target: inside the scale, so its line is always drawn within the chart. */
  target?: number | null;
}

export interface Sparkline {
  /**
   * SVG `<polyline points>` strings, one per run of consecutive values: a null value breaks
   * the line rather than drawing a slope through a window without a sample. A run of one value
   * is a single "x,y" (draw it as a dot: a one-point polyline renders nothing).
   */
  segments: string[];
  /** Per value, its position, or null for a null value. */
  points: ({ x: number; y: number } | null)[];
  /** y of the target line; null without a target. */
  targetY: number | null;
  /** The scale: `min` maps to y = height, `max` to y = 0. */
  min: number;
  max: number;
}

/**
 * Sparkline geometry for `values` (oldest → newest) in a width × height box, SVG coordinates
 * (y grows downwards). x spreads the values evenly from 0 to width (a single value sits in the
 * middle). The scale is fixed by what must be visible: every value, the target and range.min /
 * range.max, so nothing is clipped and the target line is always inside. A flat scale (all equal)
 * draws at mid-height. Non-finite values count as null. Coordinates are rounded to 0.01.
 */
export function sparklinePoints(
  values: readonly (number | null)[],
  width: number,
  height: number,
  range: SparklineRange = {},
): Sparkline {
  const known = values.map((value) => (value !== null && Number.isFinite(value) ? value : null));
  const bounds = [...known, range.min, range.max, range.target].filter(
    (v): v is number => typeof v === 'number' && Number.isFinite(v),
  );
  const min = bounds.length ? Math.min(...bounds) : 0;
  const max = bounds.length ? Math.max(...bounds) : 1;
  const yOf = (value: number): number => round2(max === min ? height / 2 : ((max - value) / (max - min)) * height);
  const xOf = (index: number): number => round2(known.length === 1 ? width / 2 : (index * width) / (known.length - 1));

  const points = known.map((value, index) => (value === null ? null : { x: xOf(index), y: yOf(value) }));
  const segments: string[] = [];
  let run: string[] = [];
  for (const point of points) {
    if (point) {
      run.push(`${point.x},${point.y}`);
      continue;
    }
    if (run.length) segments.push(run.join(' '));
    run = [];
  }
  if (run.length) segments.push(run.join(' '));

  const target = range.target;
  return {
    segments,
    points,
    targetY: typeof target === 'number' && Number.isFinite(target) ? yOf(target) : null,
    min,
    max,
  };
}

/** Two decimals keep the points string short; +0 turns -0 into 0. */
function round2(value: number): number {
  return Math.round(value * 100) / 100 + 0;
}
