/**
 * Key result progress and status (SPEC §5). Pure: the caller gathers the inputs (a KPI value over
 * the quarter, an epic's issues, the team's issues, the settings) and passes them in.
 *
 * Progress is the share of the way from the start value to the target: 0 at the start, 1 at the
 * target. It is never below 0 (moving the wrong way reads as no progress; the text still shows
 * the value) and may exceed 1 when a KPI or a manual count goes past its target; bars clamp it
 * with `progressBarFraction`, objectives cap each KR at 1. `null` means unknown: nothing to
 * measure yet (no KPI sample, an epic without issues), never a made-up 0 and never NaN.
 */
import { formatPercent, plural } from '../kpi/format';
import type { EpicKeyResult, KpiKeyResult, LabelKeyResult, ManualKeyResult, OkrThresholds } from '../settings/okr';
import { OKR_KPI_UNITS } from './kpi-units';

export type KrStatus = 'on-track' | 'at-risk' | 'off-track' | 'unknown';

/** Words for each status: colour is never the only signal (SPEC §2). */
export const KR_STATUS_TEXT: Readonly<Record<KrStatus, string>> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  unknown: 'No data',
};

export interface KrProgress {
  /** 0 at the start, 1 at the target, above 1 beyond it; null when unknown. */
  progress: number | null;
  /** Short text next to the bar: "On-time 72% → target 80%", "4 of 6 engineers hired". */
  text: string;
  /** The sample in words, for hover and focus (SPEC §1). */
  explanation: string;
}

/** "72%" of the way, or "—" when unknown; never "100%" short of the target (see formatPercent). */
export function formatProgress(progress: number | null): string {
  return progress === null ? '—' : formatPercent(progress, 1);
}

/** Width of a progress bar, 0–1: over-achievement fills it, unknown leaves it empty. */
export function progressBarFraction(progress: number | null): number {
  return progress === null ? 0 : Math.min(1, Math.max(0, progress));
}

// ---------------------------------------------------------------------------------------------
// KPI key results

export interface KpiKrInput {
  /** The KPI's value over the quarter so far, as the engine returns it (`KpiResult.value`). */
  current: number | null;
  /**
   * Engine value over the quarter's first window: the baseline when the KR sets none. Absent or
   * null with no baseline set: progress is known only once the target is met.
   */
  quarterStart?: number | null;
}

/**
 * Progress of a KPI key result. In the KR's unit (percent, hours, days, rate), for `increase`:
 * progress = (current − baseline) / (target − baseline), at least 0; `decrease` mirrors it:
 * (baseline − current) / (baseline − target). A baseline that already meets the target makes the
 * KR one of holding the line: progress 1 while the KPI still meets it, 0 once it does not.
 */
export function kpiKrProgress(kr: Pick<KpiKeyResult, 'kpi' | 'target' | 'direction' | 'baseline'>, input: KpiKrInput): KrProgress {
  const unit = OKR_KPI_UNITS[kr.kpi];
  const sign = kr.direction === 'increase' ? 1 : -1;
  const meets = (value: number) => sign * (value - kr.target) >= 0;
  const current = input.current === null ? null : unit.fromEngine(input.current);
  const given = kr.baseline !== undefined;
  const baseline = kr.baseline !== undefined ? kr.baseline : input.quarterStart == null ? null : unit.fromEngine(input.quarterStart);
  const target = unit.format(kr.target);
  const text = `${unit.name} ${current === null ? '—' : unit.format(current)} → target ${target}`;
  const goal = `${kr.direction === 'increase' ? 'at least' : 'at most'} ${target}`;

  if (current === null) return { progress: null, text, explanation: `No ${unit.name} value in the quarter yet: nothing to measure against ${goal}.` };
  const now = unit.format(current);
  if (baseline === null) {
    return meets(current)
      ? { progress: 1, text, explanation: `${unit.name} is ${now}, which meets the target of ${goal}.` }
      : { progress: null, text, explanation: `${unit.name} is ${now}, target ${goal}; no baseline yet to measure progress from.` };
  }
  const from = `${unit.format(baseline)} (${given ? 'baseline' : "the quarter's first window"})`;
  const span = sign * (kr.target - baseline);
  if (span <= 0) {
    const held = meets(current);
    return {
      progress: held ? 1 : 0,
      text,
      explanation: `${unit.name} started at ${from}, already meeting the target of ${goal}; it is ${now}, ${held ? 'still meeting it' : 'no longer meeting it'}.`,
    };
  }
  const progress = Math.max(0, (sign * (current - baseline)) / span);
  return { progress, text, explanation: `${unit.name} from ${from} to ${goal}; now ${now}: ${formatProgress(progress)} of the way.` };
}

// ---------------------------------------------------------------------------------------------
// Epic key results

export interface EpicKrIssue {
  /** 'opened' | 'closed'. */
  state: string;
  weight?: number | null;
}

export interface EpicKrProgress extends KrProgress {
  by: 'weight' | 'count';
  /** Closed weight (or count) and the total it is out of. */
  done: number;
  total: number;
  /** Issues of the epic tree. */
  issues: number;
  /** Issues left out of a weight measure because they carry no weight; 0 when counting. */
  unweighted: number;
}

const hasWeight = (issue: EpicKrIssue): issue is EpicKrIssue & { weight: number } =>
  typeof issue.weight === 'number' && Number.isFinite(issue.weight) && issue.weight >= 0;

/**
 * Progress of an epic key result over the issues of the epic and its descendant epics (the
 * caller collects them, e.g. with `epicFamily` + `issuesOfEpics`): closed weight / total weight
 * when any issue carries a weight, else closed count / total count: the rule of the epic page's
 * own Progress badge (overview/epic-badges.ts `epicProgress`), so the key result and the badge
 * on the same page agree. Weights that add up to 0 count instead, so zero is never divided.
 */
export function epicKrProgress(kr: Pick<EpicKeyResult, 'epic'>, issues: readonly EpicKrIssue[]): EpicKrProgress {
  const ref = `${kr.epic.group}&${kr.epic.iid}`;
  const weighted = issues.filter(hasWeight);
  const totalWeight = weighted.reduce((sum, issue) => sum + issue.weight, 0);
  if (issues.length === 0) {
    return { progress: null, text: 'No issues yet', explanation: `${ref} and its child epics have no issues yet.`, by: 'count', done: 0, total: 0, issues: 0, unweighted: 0 };
  }
  if (totalWeight > 0) {
    const done = weighted.reduce((sum, issue) => sum + (issue.state === 'closed' ? issue.weight : 0), 0);
    const unweighted = issues.length - weighted.length;
    const left = unweighted > 0 ? ` ${plural(unweighted, 'issue')} without a weight ${unweighted === 1 ? 'is' : 'are'} not counted.` : '';
    return {
      progress: done / totalWeight,
      text: `${done} of ${totalWeight} weight closed`,
      explanation: `${done} of ${totalWeight} weight is in closed issues of ${ref} and its child epics.${left}`,
      by: 'weight',
      done,
      total: totalWeight,
      issues: issues.length,
      unweighted,
    };
  }
  const done = issues.filter((issue) => issue.state === 'closed').length;
  return {
    progress: done / issues.length,
    text: `${done} of ${plural(issues.length, 'issue')} closed`,
    explanation: `${done} of ${plural(issues.length, 'issue')} of ${ref} and its child epics ${done === 1 ? 'is' : 'are'} closed (no weights set).`,
    by: 'count',
    done,
    total: issues.length,
    issues: issues.length,
    unweighted: 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Label key results

export interface LabelKrIssue {
  project_id: number;
  state: string;
  labels: readonly string[];
  /** `group/project#12`: where a project given by path is read from. */
  references?: { full?: string } | null;
}

/** The project path of an issue's full reference (`a/b#12` → `a/b`), lower-cased. */
function projectPathOf(issue: LabelKrIssue): string | null {
  const full = issue.references?.full;
  if (!full) return null;
  const hash = full.lastIndexOf('#');
  return hash > 0 ? full.slice(0, hash).toLowerCase() : null;
}

/**
 * Does an issue count for a label key result: every KR label on it (any case, as allocation
 * rules compare), and in one of the KR's projects when it names some (by id, or by full path
 * read from `references.full`)? The caller passes the team's issues; the KR narrows them.
 */
export function issueMatchesLabelKr(kr: Pick<LabelKeyResult, 'labels' | 'projects'>, issue: LabelKrIssue): boolean {
  const labels = new Set(issue.labels.map((label) => label.toLowerCase()));
  if (!kr.labels.every((label) => labels.has(label.toLowerCase()))) return false;
  if (kr.projects.length === 0) return true;
  const path = projectPathOf(issue);
  return kr.projects.some((project) => project === String(issue.project_id) || (path !== null && project.toLowerCase() === path));
}

/** Progress of a label key result: closed / total of the matching issues; none → unknown. */
export function labelKrProgress(kr: Pick<LabelKeyResult, 'labels' | 'projects'>, issues: readonly LabelKrIssue[]): KrProgress & { done: number; total: number } {
  const where = kr.projects.length === 0 ? "the team's projects" : kr.projects.join(', ');
  if (kr.labels.length === 0) return { progress: null, text: 'No labels', explanation: 'The key result names no label to match.', done: 0, total: 0 };
  const query = `Issues labelled ${kr.labels.join(' + ')} in ${where}`;
  let done = 0;
  let total = 0;
  for (const issue of issues) {
    if (!issueMatchesLabelKr(kr, issue)) continue;
    total += 1;
    if (issue.state === 'closed') done += 1;
  }
  if (total === 0) return { progress: null, text: 'No matching issues', explanation: `${query}: none yet.`, done, total };
  return { progress: done / total, text: `${done} of ${plural(total, 'issue')} closed`, explanation: `${query}: ${done} of ${total} closed.`, done, total };
}

// ---------------------------------------------------------------------------------------------
// Manual key results

/** Up to two decimals, none when whole: 4 → "4", 1.255 → "1.26". */
function formatManual(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * Progress of a manual key result: its latest update (by date; of two on one day, the later in
 * the list) from `start` toward `target`: (value − start) / (target − start), at least 0. A
 * target below the start counts down ("open CVEs from 40 to 10"). Before any update the start
 * value stands, so an untouched KR shows 0, not unknown: the number is what the team last said.
 */
export function manualKrProgress(kr: Pick<ManualKeyResult, 'unit' | 'target' | 'start' | 'history'>): KrProgress & { value: number; updated: string | null } {
  let latest: { date: string; value: number } | null = null;
  for (const entry of kr.history) if (latest === null || entry.date >= latest.date) latest = entry;
  const value = latest?.value ?? kr.start;
  const span = kr.target - kr.start;
  // A target equal to the start (settings refuse it) is reached by definition.
  const progress = span === 0 ? 1 : Math.max(0, (value - kr.start) / span);
  const [v, t, s] = [formatManual(value), formatManual(kr.target), formatManual(kr.start)];
  const text = span >= 0 ? `${v} of ${t} ${kr.unit}${kr.start === 0 ? '' : ` (from ${s})`}` : `${v} ${kr.unit}, target ${t} (from ${s})`;
  const when = latest === null ? `No update yet: the start value ${s} stands.` : `Last update ${latest.date}: ${v}.`;
  return { progress, text, explanation: `${when} From ${s} to ${t} ${kr.unit}: ${formatProgress(progress)} of the way.`, value, updated: latest?.date ?? null };
}

// ---------------------------------------------------------------------------------------------
// Status

/**
 * The start of a quarter in which every key result is on track: the first week of a 13-week
 * quarter. Before the first weekly checkpoint nothing has had time to move, and progress / a
 * tiny elapsed share would swing between extremes.
 */
export const EARLY_QUARTER_FRACTION = 1 / 13;

/** A ratio this close to a threshold counts as at it (0.45 / 0.5 must be exactly 0.9). */
const RATIO_TOLERANCE = 1e-9;

/**
 * Status of a key result by expected progress (SPEC §5): expected = elapsed share of the quarter,
 * ratio = progress / expected; on track when ratio ≥ `atRiskBelow`, at risk when ratio ≥
 * `offTrackBelow`, else off track. "Below" is strict: a ratio exactly at a threshold is the
 * better status. Unknown progress is unknown; a KR at or past its target (progress ≥ 1) is on
 * track however early; and in the first week (elapsed < EARLY_QUARTER_FRACTION) everything
 * known is on track.
 */
export function krStatus(progress: number | null, elapsed: number, thresholds: OkrThresholds): KrStatus {
  if (progress === null || Number.isNaN(progress)) return 'unknown';
  if (progress >= 1 || elapsed < EARLY_QUARTER_FRACTION) return 'on-track';
  const ratio = progress / elapsed;
  if (ratio + RATIO_TOLERANCE >= thresholds.atRiskBelow) return 'on-track';
  if (ratio + RATIO_TOLERANCE >= thresholds.offTrackBelow) return 'at-risk';
  return 'off-track';
}

/** The status in words with its formula, for hover and focus. */
export function krStatusExplanation(progress: number | null, elapsed: number, thresholds: OkrThresholds): string {
  const status = krStatus(progress, elapsed, thresholds);
  const words = KR_STATUS_TEXT[status];
  if (progress === null) return `${words}: no progress can be measured yet.`;
  if (progress >= 1) return `${words}: the target is reached.`;
  if (elapsed < EARLY_QUARTER_FRACTION) return `${words}: the quarter has just begun.`;
  const pace = formatPercent(progress / elapsed, 1);
  return `${words}: ${formatProgress(progress)} done with ${formatPercent(elapsed, 1)} of the quarter gone is ${pace} of the expected pace (at risk below ${formatPercent(thresholds.atRiskBelow, 1)}, off track below ${formatPercent(thresholds.offTrackBelow, 1)}).`;
}

const SEVERITY: Record<Exclude<KrStatus, 'unknown'>, number> = { 'on-track': 0, 'at-risk': 1, 'off-track': 2 };

export interface ObjectiveProgress {
  /** Mean of the known KRs' progress, each capped at 1 (one KR's overshoot hides no other's gap); null when none is known. */
  progress: number | null;
  /** The worst status among the known KRs; unknown when none is known. */
  status: KrStatus;
  /** Key results with a known progress, and without. */
  measured: number;
  unknown: number;
}

/**
 * Roll-up of an objective. Status is the worst KR's: an objective is only on track when every
 * measurable key result is. KRs without data neither lower nor raise it; `unknown` counts them
 * so the view can say "1 key result without data" rather than hide it.
 */
export function objectiveProgress(krs: readonly { progress: number | null; status: KrStatus }[]): ObjectiveProgress {
  let sum = 0;
  let measured = 0;
  let worst: Exclude<KrStatus, 'unknown'> | null = null;
  for (const kr of krs) {
    if (kr.progress === null || kr.status === 'unknown') continue;
    measured += 1;
    sum += Math.min(1, Math.max(0, kr.progress));
    if (worst === null || SEVERITY[kr.status] > SEVERITY[worst]) worst = kr.status;
  }
  return { progress: measured === 0 ? null : sum / measured, status: worst ?? 'unknown', measured, unknown: krs.length - measured };
}
