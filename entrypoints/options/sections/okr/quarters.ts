/** The quarters an objective can be set in, as the OKR editor offers them. */
import { isValidTimeZone } from '../../../../utils/kpi/time-zone';
import { currentQuarter, quarterById, quarterOf, type Quarter } from '../../../../utils/okr/quarter';

export interface QuarterChoice {
  value: string;
  label: string;
  /** First and last day, for the hint ("2026-04-01 to 2026-06-30"); absent for a value that is no quarter. */
  days?: string;
  /** The quarter now: new objectives start in it. */
  current?: boolean;
}

/** The start month as typed, or calendar quarters while it is not a month. */
export function startMonthOf(text: string): number {
  const month = Number(text);
  return Number.isInteger(month) && month >= 1 && month <= 12 ? month : 1;
}

/** The zone quarters begin in: the KPI settings' time zone when it is one, else UTC. */
export function zoneOf(timeZone: string | undefined): string | undefined {
  const zone = timeZone?.trim();
  return zone && isValidTimeZone(zone) ? zone : undefined;
}

const choiceOf = (quarter: Quarter, current: boolean): QuarterChoice => ({
  value: quarter.id,
  // "Q2 2026 (current)"; "Q2 2026 (May–Jul, current)" in a fiscal year.
  label: current ? (quarter.label.endsWith(')') ? `${quarter.label.slice(0, -1)}, current)` : `${quarter.label} (current)`) : quarter.label,
  days: `${quarter.firstDay} to ${quarter.lastDay}`,
  ...(current ? { current } : {}),
});

/**
 * The current quarter and the next three, plus every quarter already used (`used`, as the
 * objectives hold them), in order. A used value that names no quarter is kept as it is, so the
 * select shows what is saved and its message says what is wrong.
 */
export function quarterChoices(startMonthText: string, timeZone: string | undefined, used: readonly string[], now: Date): QuarterChoice[] {
  const startMonth = startMonthOf(startMonthText);
  const zone = zoneOf(timeZone);
  const current = currentQuarter(now, startMonth, zone);
  const choices = new Map<string, QuarterChoice>([[current.id, choiceOf(current, true)]]);
  let next = current;
  for (let i = 0; i < 3; i++) {
    // The first instant after a quarter is in the next one.
    next = quarterOf(next.end, startMonth, zone);
    choices.set(next.id, choiceOf(next, false));
  }
  for (const value of used) {
    const id = value.trim().toUpperCase();
    if (!id || choices.has(id)) continue;
    const quarter = quarterById(id, startMonth, zone);
    choices.set(id, quarter ? choiceOf(quarter, false) : { value, label: value });
  }
  return [...choices.values()].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
