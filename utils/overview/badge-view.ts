/**
 * What an overlay shows for one number: its text, the sentence explaining its sample (tooltip)
 * and its colour against the target. Plain data, so the background computes it and the content
 * script only renders it.
 */
import { targetStatus, type KpiId, type KpiResult, type KpiSettings } from '../kpi';
import { formatDuration, formatRate } from '../kpi/format';

export type BadgeStatus = 'met' | 'near' | 'missed' | 'neutral';

export interface BadgeView {
  /** Stable id, e.g. `on-time`, `due`, `age`: tests and styling hook on it. */
  id: string;
  text: string;
  explanation: string;
  status: BadgeStatus;
  /** The status in words, read with the text ("missed"), where the text does not say it already. */
  statusLabel?: string;
  /** KPI badges: the value and the target in the KPI's unit ("62%", "≥ 80%"). */
  value?: string;
  target?: string;
}

/** What a screen reader reads for a badge: its text, then its status in words when there is one. */
export function badgeLabel(badge: Pick<BadgeView, 'text' | 'statusLabel'>): string {
  return badge.statusLabel ? `${badge.text}, ${badge.statusLabel}` : badge.text;
}

const KPI_NAMES: Record<KpiId, string> = {
  'on-time': 'On-time',
  complete: 'Complete',
  mttr: 'MTTR',
  mtbf: 'MTBF',
  'mr-rate': 'MR rate',
  'tech-contribution': 'Tech contribution',
};

/** What each status means, in words: the colour is never the only signal. */
export const STATUS_WORDS: Record<BadgeStatus, string> = {
  met: 'on target',
  near: 'near target',
  missed: 'missed',
  neutral: '',
};

/** A KPI value or target in the KPI's unit: 62%, 24.0 h, 2.3 /eng/mo. */
export function formatKpiValue(kpi: KpiId, value: number): string {
  switch (kpi) {
    case 'on-time':
    case 'complete':
      return `${Math.round(value * 100)}%`;
    case 'mttr':
    case 'mtbf':
      return formatDuration(value);
    case 'mr-rate':
    case 'tech-contribution':
      return `${formatRate(value)} /eng/mo`;
  }
}

/**
 * A KPI result as a badge, judged against its configured target (SPEC §2). The tooltip starts
 * with value, target and status in words ("62% · target 80% · missed"), then the sample and
 * formula.
 */
export function kpiBadge(result: KpiResult<unknown>, settings: KpiSettings): BadgeView {
  const name = KPI_NAMES[result.kpi];
  // The engine's MTBF text without failures is "no failures in 90 d": name the KPI in front.
  const text = result.display.startsWith(name) ? result.display : `${name}: ${result.display}`;
  const target = settings.targets[result.kpi];
  const status: BadgeStatus =
    result.value === null ? 'neutral' : targetStatus(result.value, target.target, target.direction, settings.nearTargetTolerance);
  const goal = `${target.direction === 'lower-is-better' ? '≤' : '≥'} ${formatKpiValue(result.kpi, target.target)}`;
  const value = result.value === null ? null : formatKpiValue(result.kpi, result.value);
  const judged = value === null ? `no value · target ${goal}` : `${value} · target ${goal} · ${STATUS_WORDS[status]}`;
  return {
    id: result.kpi,
    text,
    explanation: `${name}: ${judged}. ${result.formula}`,
    status,
    ...(status === 'neutral' ? {} : { statusLabel: STATUS_WORDS[status] }),
    ...(value === null ? {} : { value }),
    target: goal,
  };
}
