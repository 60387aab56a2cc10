import { DEFAULT_KPI_SETTINGS, type TargetDirection } from './settings';

type TargetStatus = 'met' | 'near' | 'missed';

/**
 * Colour of a KPI against its target (SPEC §2): green meets it, amber within `tolerance`
 * (10 %) of the target, red otherwise. The band is relative to the target, so for
 * lower-is-better (MTTR 24 h) amber is up to 26.4 h, and for higher-is-better (On-time 0.8)
 * amber is down to 0.72. A KPI without a value (null) has no colour: callers skip this.
 */
export function targetStatus(
  value: number,
  target: number,
  direction: TargetDirection,
  tolerance: number = DEFAULT_KPI_SETTINGS.nearTargetTolerance,
): TargetStatus {
  const band = Math.abs(target) * tolerance;
  if (direction === 'higher-is-better') {
    if (value >= target) return 'met';
    return value >= target - band ? 'near' : 'missed';
  }
  if (value <= target) return 'met';
  return value <= target + band ? 'near' : 'missed';
}
