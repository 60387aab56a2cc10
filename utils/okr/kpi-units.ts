/**
 * How a KPI key result reads its KPI (SPEC §5 "a KPI of §2 with target and direction"). A KR's
 * target and baseline are typed in the unit the KPI settings use for targets (percent, hours,
 * days, MRs per engineer per month), so "On-time target 80" means the same on both pages; the
 * KPI engine's values (ratio 0–1, milliseconds, rate) are converted here, in one place.
 */
import type { KpiId } from '../kpi/types';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export type OkrDirection = 'increase' | 'decrease';

interface KpiUnit {
  /** The spec's vocabulary (SPEC §1). */
  name: string;
  /** Where the value can lie in this unit: percent 0–100; otherwise from 0 up. */
  kind: 'percent' | 'positive';
  /** Engine value (KpiResult.value) → the unit of targets. */
  fromEngine: (value: number) => number;
  /** A value in this unit, as the KR text shows it: "72%", "30.5 h", "8.3 /eng/mo". */
  format: (value: number) => string;
  /** Which way the KPI gets better; a KR that does not say its direction moves it this way. */
  better: OkrDirection;
}

/** At most one decimal, none when it is whole: 24 → "24", 30.46 → "30.5". */
export function formatOkrNumber(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

const percent: Pick<KpiUnit, 'kind' | 'fromEngine' | 'format'> = {
  kind: 'percent',
  fromEngine: (value) => value * 100,
  format: (value) => `${Math.round(value)}%`,
};

export const OKR_KPI_UNITS: Readonly<Record<KpiId, KpiUnit>> = {
  'on-time': { name: 'On-time', ...percent, better: 'increase' },
  complete: { name: 'Complete', ...percent, better: 'increase' },
  mttr: { name: 'MTTR', kind: 'positive', fromEngine: (ms) => ms / HOUR_MS, format: (hours) => `${formatOkrNumber(hours)} h`, better: 'decrease' },
  mtbf: { name: 'MTBF', kind: 'positive', fromEngine: (ms) => ms / DAY_MS, format: (days) => `${formatOkrNumber(days)} d`, better: 'increase' },
  'mr-rate': { name: 'MR rate', kind: 'positive', fromEngine: (rate) => rate, format: (rate) => `${formatOkrNumber(rate)} /eng/mo`, better: 'increase' },
  'tech-contribution': {
    name: 'Tech contribution',
    kind: 'positive',
    fromEngine: (rate) => rate,
    format: (rate) => `${formatOkrNumber(rate)} /eng/mo`,
    better: 'increase',
  },
};

/** The KPI ids the engine uses (`KpiResult.kpi`), in the order the KPI views list them. */
export const OKR_KPI_IDS = ['on-time', 'complete', 'mttr', 'mtbf', 'mr-rate', 'tech-contribution'] as const satisfies readonly KpiId[];

// Compile-time check that the list names every KPI: a new KpiId fails here until it is added.
type MissingKpi = Exclude<KpiId, (typeof OKR_KPI_IDS)[number]>;
const everyKpiListed: [MissingKpi] extends [never] ? true : MissingKpi = true;
void everyKpiListed;
