import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../../utils/settings';
import { isCalendarDate, okrSection } from '../../../utils/settings/okr';

/** Field errors keyed by path, as the options form shows them (first message per field). */
function errorsOf(candidate: unknown): Record<string, string> {
  const result = okrSection.safeParse(candidate);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[issue.path.map(String).join('.')] ??= issue.message;
  return errors;
}

const objective = (keyResults: unknown[], extra: Record<string, unknown> = {}) => ({ id: 'o1', quarter: '2026-Q1', title: 'Ship reliably', keyResults, ...extra });

describe('settings: okr', () => {
  it('defaults: calendar quarters, at risk below 0.9 and off track below 0.7 of the expected pace, no objectives', () => {
    expect(okrSection.parse(undefined)).toEqual({ quarterStartMonth: 1, thresholds: { atRiskBelow: 0.9, offTrackBelow: 0.7 }, objectives: [] });
  });

  it('is part of the settings, with paths under okr.', () => {
    const ok = parseSettings({ gitlabUrl: 'https://gitlab.com', token: '' });
    if (!ok.ok) throw new Error(JSON.stringify(ok.fieldErrors));
    expect(ok.settings.okr.quarterStartMonth).toBe(1);
    expect(parseSettings({ gitlabUrl: 'https://gitlab.com', token: '', okr: { objectives: [objective([], { quarter: '2026-Q5' })] } })).toEqual({
      ok: false,
      fieldErrors: { 'okr.objectives.0.quarter': 'Enter a quarter as YYYY-Qn, such as 2026-Q1.' },
    });
  });

  it('normalises and fills in: quarter upper-cased, KPI direction from the KPI (MTTR decreases, On-time increases), labels deduplicated, manual start 0', () => {
    const parsed = okrSection.parse({
      quarterStartMonth: 2,
      objectives: [
        objective(
          [
            { id: 'kr1', title: 'Faster fixes', kind: 'kpi', kpi: 'mttr', target: 24, baseline: 40 },
            { id: 'kr2', title: 'On time', kind: 'kpi', kpi: 'on-time', target: 80 },
            { id: 'kr3', title: 'Hold MR rate', kind: 'kpi', kpi: 'mr-rate', target: 6, direction: 'decrease' },
            { id: 'kr4', title: 'Platform epic', kind: 'epic', epic: { group: '/acme/platform/', iid: 12 } },
            { id: 'kr5', title: 'Security bugs', kind: 'label', labels: ['type::bug', ' security ', 'Type::Bug'] },
            { id: 'kr6', title: 'Hiring plan', kind: 'manual', unit: 'engineers hired', target: 6 },
          ],
          { quarter: ' 2026-q1 ' },
        ),
      ],
    });
    expect(parsed.objectives[0]).toEqual({
      id: 'o1',
      quarter: '2026-Q1',
      title: 'Ship reliably',
      keyResults: [
        { id: 'kr1', title: 'Faster fixes', kind: 'kpi', kpi: 'mttr', target: 24, baseline: 40, direction: 'decrease' },
        { id: 'kr2', title: 'On time', kind: 'kpi', kpi: 'on-time', target: 80, direction: 'increase' },
        { id: 'kr3', title: 'Hold MR rate', kind: 'kpi', kpi: 'mr-rate', target: 6, direction: 'decrease' },
        { id: 'kr4', title: 'Platform epic', kind: 'epic', epic: { group: 'acme/platform', iid: 12 } },
        { id: 'kr5', title: 'Security bugs', kind: 'label', labels: ['type::bug', 'security'], projects: [] },
        { id: 'kr6', title: 'Hiring plan', kind: 'manual', unit: 'engineers hired', target: 6, start: 0, history: [] },
      ],
    });
    // What it saves reads back the same (export re-parses its own output).
    expect(okrSection.parse(parsed)).toEqual(parsed);
  });

  it('names each invalid field by its path', () => {
    expect(
      errorsOf({
        quarterStartMonth: 13,
        thresholds: { atRiskBelow: 1.2 },
        objectives: [
          objective(
            [
              { id: 'kr1', title: 'On time', kind: 'kpi', kpi: 'on-time', target: 120 },
              { id: 'kr2', title: 'Bugs', kind: 'label', labels: [] },
              { id: 'kr3', title: 'Faster', kind: 'kpi', kpi: 'mttr', target: 0, baseline: -1 },
              { id: 'kr4', title: 'Lead time', kind: 'kpi', kpi: 'lead-time', target: 5 },
              { id: 'kr5', title: 'Goal', kind: 'okr' },
              { id: 'kr6', title: 'Epic', kind: 'epic', epic: { group: 'acme platform', iid: 0 } },
              { id: 'kr7', title: 'Hiring', kind: 'manual', unit: ' ', target: 6, history: [{ date: '2026-02-30', value: 1 }] },
              { id: ' ', title: '', kind: 'manual', unit: 'engineers hired', target: 0 },
            ],
            { id: '', quarter: 'Q1 2026' },
          ),
        ],
      }),
    ).toEqual({
      quarterStartMonth: 'Enter a month from 1 (January) to 12 (December).',
      'thresholds.atRiskBelow': 'A ratio from 0 to 1, such as 0.9 for 90 % of the expected progress.',
      'objectives.0.id': 'Enter an id for the objective.',
      'objectives.0.quarter': 'Enter a quarter as YYYY-Qn, such as 2026-Q1.',
      'objectives.0.keyResults.0.target': 'On-time is a percentage: enter 0 to 100.',
      'objectives.0.keyResults.1.labels': 'Add at least one label.',
      'objectives.0.keyResults.2.target': 'Must be more than 0.',
      'objectives.0.keyResults.2.baseline': 'Cannot be negative.',
      'objectives.0.keyResults.3.kpi': 'Choose a KPI: On-time, Complete, MTTR, MTBF, MR rate or Tech contribution.',
      'objectives.0.keyResults.4.kind': 'Choose a kind: KPI, epic, label or manual.',
      'objectives.0.keyResults.5.epic.group': 'Not a group path: names of letters, digits, "_", "-" and "." separated by "/".',
      'objectives.0.keyResults.5.epic.iid': "Enter the epic's number (the digits after &).",
      'objectives.0.keyResults.6.unit': 'Enter a unit, such as "engineers hired".',
      'objectives.0.keyResults.6.history.0.date': 'Enter a date as YYYY-MM-DD, such as 2026-02-15.',
      'objectives.0.keyResults.7.id': 'Enter an id for the key result.',
      'objectives.0.keyResults.7.title': 'Enter a title.',
      'objectives.0.keyResults.7.target': 'The target equals the start value: set where the key result should end.',
    });
  });

  it('thresholds: off track must be below at risk (equal is refused too)', () => {
    expect(errorsOf({ thresholds: { atRiskBelow: 0.8, offTrackBelow: 0.8 } })).toEqual({ 'thresholds.offTrackBelow': 'Must be below the at-risk threshold (0.8).' });
    expect(errorsOf({ thresholds: { atRiskBelow: 0.6 } })).toEqual({ 'thresholds.offTrackBelow': 'Must be below the at-risk threshold (0.6).' });
    expect(errorsOf({ thresholds: { atRiskBelow: 1, offTrackBelow: 0 } })).toEqual({});
  });

  it('ids are unique: objectives among objectives, key results across all objectives', () => {
    const kr = (id: string) => ({ id, title: 'Epic', kind: 'epic', epic: { group: 'acme', iid: 1 } });
    expect(errorsOf({ objectives: [objective([kr('a'), kr('b')]), objective([kr('c'), kr('a')], { quarter: '2026-Q2' })] })).toEqual({
      'objectives.1.id': 'Two objectives have this id.',
      'objectives.1.keyResults.1.id': 'Two key results have this id.',
    });
  });

  it('manual updates are dated inside the quarter or in the 31 days after: 2026-Q1 allows 2026-01-01 to 2026-05-01 (March 31 + 31 days)', () => {
    const hiring = (dates: string[]) =>
      errorsOf({ objectives: [objective([{ id: 'kr1', title: 'Hiring', kind: 'manual', unit: 'engineers hired', target: 6, history: dates.map((date, value) => ({ date, value })) }])] });
    expect(hiring(['2026-01-01', '2026-03-31', '2026-05-01'])).toEqual({});
    const message = 'Outside 2026-Q1 (2026-01-01 to 2026-03-31): enter a date from 2026-01-01 to 2026-05-01.';
    expect(hiring(['2025-12-31', '2026-02-01', '2026-05-02'])).toEqual({
      'objectives.0.keyResults.0.history.0.date': message,
      'objectives.0.keyResults.0.history.2.date': message,
    });
  });

  it('the quarter of a history check follows the start month: 2025-Q1 with start month 11 is Nov 2025–Jan 2026, updates up to 2026-03-03', () => {
    const hiring = (date: string) =>
      errorsOf({
        quarterStartMonth: 11,
        objectives: [objective([{ id: 'kr1', title: 'Hiring', kind: 'manual', unit: 'engineers hired', target: 6, history: [{ date, value: 1 }] }], { quarter: '2025-Q1' })],
      });
    expect(hiring('2025-11-01')).toEqual({});
    expect(hiring('2026-03-03')).toEqual({}); // Jan 31 + 31 days: Feb has 28 in 2026
    expect(hiring('2025-10-31')).toEqual({
      'objectives.0.keyResults.0.history.0.date': 'Outside 2025-Q1 (2025-11-01 to 2026-01-31): enter a date from 2025-11-01 to 2026-03-03.',
    });
  });

  it('isCalendarDate refuses dates the calendar does not have', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-05')).toBe(false);
  });
});
