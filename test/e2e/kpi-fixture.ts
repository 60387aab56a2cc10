/**
 * A small, hand-made project history whose KPIs are computed by hand below, for e2e tests that
 * check the numbers the overlays show. Dates are relative to the real clock, because the
 * extension computes with the browser's clock; due dates are calendar days in UTC, the default
 * KPI time zone.
 */
import type { FixtureInput } from '../gitlab-sandbox/index';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export function kpiFixture(projectPath: string, now = Date.now()): FixtureInput {
  const at = (offsetMs: number) => new Date(now + offsetMs).toISOString();
  const day = (offsetDays: number) => new Date(now + offsetDays * DAY).toISOString().slice(0, 10);
  return {
    project: projectPath,
    milestones: [{ title: 'Sprint Fixture', start_date: day(-22), due_date: day(-8) }],
    // Every issue carries a type:: label, so no card gets an allocation badge (allocation.spec.ts
    // covers those).
    issues: [
      // On-time sample (due date in the last 90 days and not in the future):
      // #1 due -10 d, closed -12 d: on time.
      { iid: 1, title: 'Closed before its due date', created_at: at(-40 * DAY), due_date: day(-10), closed_at: at(-12 * DAY), labels: ['type::feature'] },
      // #2 due -5 d, still open: late (open overdue).
      { iid: 2, title: 'Open and overdue', created_at: at(-30 * DAY), due_date: day(-5), labels: ['type::maintenance'] },
      // #3 due -20 d, closed -18 d: late.
      { iid: 3, title: 'Closed after its due date', created_at: at(-50 * DAY), due_date: day(-20), closed_at: at(-18 * DAY), labels: ['type::feature'] },
      // #4 due in 5 d: not in the sample yet.
      { iid: 4, title: 'Due next week', created_at: at(-3 * DAY), due_date: day(5), labels: ['type::feature'] },
      // #5 no due date: not in the sample.
      { iid: 5, title: 'No due date', created_at: at(-2 * DAY), labels: ['type::feature'] },
      // #6 and #7 take their due date (-8 d) from the milestone; #6 closed -9 d: on time, #7 open: late.
      { iid: 6, title: 'Sprint work done', created_at: at(-20 * DAY), milestone: 'Sprint Fixture', closed_at: at(-9 * DAY), labels: ['type::feature'] },
      { iid: 7, title: 'Sprint work left', created_at: at(-20 * DAY), milestone: 'Sprint Fixture', labels: ['type::feature'] },
      // Failures: two incidents, 2 h and 6 h long.
      { iid: 8, title: 'Checkout down', issue_type: 'incident', labels: ['incident', 'type::bug'], created_at: at(-30 * DAY), closed_at: at(-30 * DAY + 2 * HOUR) },
      { iid: 9, title: 'Login errors', issue_type: 'incident', labels: ['incident', 'type::bug'], created_at: at(-10 * DAY), closed_at: at(-10 * DAY + 6 * HOUR) },
    ],
    mergeRequests: [
      // Six merged in the window, three of them engineering-led (type::maintenance).
      { iid: 1, title: 'MR 1', state: 'merged', created_at: at(-6 * DAY), merged_at: at(-5 * DAY), labels: ['type::maintenance'] },
      { iid: 2, title: 'MR 2', state: 'merged', created_at: at(-16 * DAY), merged_at: at(-15 * DAY), labels: ['type::maintenance'] },
      { iid: 3, title: 'MR 3', state: 'merged', created_at: at(-26 * DAY), merged_at: at(-25 * DAY), labels: ['type::maintenance'] },
      { iid: 4, title: 'MR 4', state: 'merged', created_at: at(-36 * DAY), merged_at: at(-35 * DAY), labels: ['type::feature'] },
      { iid: 5, title: 'MR 5', state: 'merged', created_at: at(-46 * DAY), merged_at: at(-45 * DAY) },
      { iid: 6, title: 'MR 6', state: 'merged', created_at: at(-56 * DAY), merged_at: at(-55 * DAY) },
      // Outside the window, and not merged: not counted.
      { iid: 7, title: 'MR 7', state: 'merged', created_at: at(-101 * DAY), merged_at: at(-100 * DAY), labels: ['type::maintenance'] },
      { iid: 8, title: 'MR 8', state: 'opened', created_at: at(-2 * DAY) },
    ],
  };
}

/**
 * The team the tests configure: three engineers, members of the stand-in's group since long before
 * any 90-day window (seed/catalog.ts: joined 900, 600 and 700 days ago), so each counts 3 months.
 */
export const FIXTURE_ENGINEERS = ['ava.chen', 'dev.patel', 'carla.diaz'];

/**
 * The project KPIs over the default 90-day window, by hand:
 * - On-time: on time #1, #6; late #2, #3, #7 → 2/5 = 40 %.
 * - Complete: Sprint Fixture (due -8 d) holds #6 (closed -9 d) and #7 (open) → 1/2 = 50 %.
 * - MTTR: (2 h + 6 h) / 2 = 4.0 h.
 * - MTBF: (90 d × 24 h − 8 h downtime) / 2 failures = 2152 h / 2 = 1076 h = 44.83 d → 44.8 d.
 * - MR rate: 6 merged / (3 engineers × 90 / 30 months = 9 engineer-months) = 0.67 → 0.7 /eng/mo.
 * - Tech contribution: 3 engineering-led / 9 engineer-months = 0.33 → 0.3 /eng/mo.
 */
export const EXPECTED_PROJECT_KPIS = [
  'On-time 40% (2/5)',
  'Complete 50% (1/2)',
  'MTTR 4.0 h',
  'MTBF 44.8 d',
  'MR rate 0.7 /eng/mo',
  'Tech contribution 0.3 /eng/mo',
];

/**
 * Their status against the default targets, in the words badges are read with (SPEC §2 targets:
 * On-time and Complete ≥ 80 %, MTTR ≤ 24 h, MTBF ≥ 30 d, MR rate ≥ 8, Tech contribution ≥ 2;
 * "near" is within 10 % of the target): 40 % and 50 % miss 80 % (below 72 %); 4.0 h meets 24 h;
 * 44.8 d meets 30 d; 0.7 and 0.3 miss 8 and 2.
 */
export const EXPECTED_PROJECT_KPI_STATUS = ['missed', 'missed', 'on target', 'on target', 'missed', 'missed'];

/** Each KPI badge's accessible name: its text, then its status in words. */
export const EXPECTED_PROJECT_KPI_NAMES = EXPECTED_PROJECT_KPIS.map((text, i) => `${text}, ${EXPECTED_PROJECT_KPI_STATUS[i]}`);
