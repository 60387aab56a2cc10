/**
 * What an overlay shows for one number: its text, the sentence explaining its sample (tooltip)
 * and its colour against the target. Plain data, so the background computes it and the content
 * script only renders it.
 */
import { targetStatus, type KpiId, type KpiResult, type KpiSettings } from '../kpi';

export type BadgeStatus = 'met' | 'near' | 'missed' | 'neutral';

export interface BadgeView {
  /** Stable id, e.g. `on-time`, `due`, `age`: tests and styling hook on it. */
  id: string;
  text: string;
  explanation: string;
  status: BadgeStatus;
}

const KPI_NAMES: Record<KpiId, string> = {
  'on-time': 'On-time',
  complete: 'Complete',
  mttr: 'MTTR',
  mtbf: 'MTBF',
  'mr-rate': 'MR rate',
  'tech-contribution': 'Tech contribution',
};

/** A KPI result as a badge, coloured against its configured target (SPEC §2). */
export function kpiBadge(result: KpiResult<unknown>, settings: KpiSettings): BadgeView {
  const name = KPI_NAMES[result.kpi];
  // The engine's MTBF text without failures is "no failures in 90 d": name the KPI in front.
  const text = result.display.startsWith(name) ? result.display : `${name}: ${result.display}`;
  const target = settings.targets[result.kpi];
  const status: BadgeStatus =
    result.value === null ? 'neutral' : targetStatus(result.value, target.target, target.direction, settings.nearTargetTolerance);
  return { id: result.kpi, text, explanation: result.formula, status };
}
