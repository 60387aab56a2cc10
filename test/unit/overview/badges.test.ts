import { describe, expect, it } from 'vitest';
import { DEFAULT_KPI_SETTINGS, type KpiIssue, type KpiResult } from '../../../utils/kpi';
import { kpiBadge } from '../../../utils/overview/badge-view';
import { issueBadges } from '../../../utils/overview/issue-badges';

const result = (over: Partial<KpiResult<unknown>>): KpiResult<unknown> => ({
  kpi: 'on-time',
  value: 0.7,
  n: 10,
  items: [],
  formula: '7 of 10 issues due in the last 90 days were closed by their due date.',
  display: 'On-time 70% (7/10)',
  ...over,
});

describe('kpiBadge', () => {
  it('judges against the target: 0.8 met, 0.72 near (within 10 %), 0.7 missed, and says so in words', () => {
    expect(kpiBadge(result({ value: 0.8 }), DEFAULT_KPI_SETTINGS)).toMatchObject({ status: 'met', statusLabel: 'on target' });
    expect(kpiBadge(result({ value: 0.72 }), DEFAULT_KPI_SETTINGS)).toMatchObject({ status: 'near', statusLabel: 'near target' });
    expect(kpiBadge(result({ value: 0.7 }), DEFAULT_KPI_SETTINGS)).toEqual({
      id: 'on-time',
      text: 'On-time 70% (7/10)',
      // Value, target and status first, then the sample and formula.
      explanation: 'On-time: 70% · target ≥ 80% · missed. 7 of 10 issues due in the last 90 days were closed by their due date.',
      status: 'missed',
      statusLabel: 'missed',
      value: '70%',
      target: '≥ 80%',
    });
  });

  it('lower is better for MTTR: 20 h meets 24 h, 30 h misses', () => {
    const mttr = (hours: number) => result({ kpi: 'mttr', value: hours * 3_600_000, display: `MTTR ${hours}.0 h` });
    expect(kpiBadge(mttr(20), DEFAULT_KPI_SETTINGS).status).toBe('met');
    expect(kpiBadge(mttr(30), DEFAULT_KPI_SETTINGS).status).toBe('missed');
    expect(kpiBadge(mttr(30), DEFAULT_KPI_SETTINGS).explanation.startsWith('MTTR: 30.0 h · target ≤ 24.0 h · missed. ')).toBe(true);
  });

  it('names MTBF in front of "no failures" and leaves a KPI without a value uncoloured', () => {
    const badge = kpiBadge(result({ kpi: 'mtbf', value: null, display: 'no failures in 90 d' }), DEFAULT_KPI_SETTINGS);
    expect(badge.text).toBe('MTBF: no failures in 90 d');
    expect(badge.status).toBe('neutral');
    expect(badge.statusLabel).toBeUndefined();
    expect(badge.explanation.startsWith('MTBF: no value · target ≥ 30.0 d. ')).toBe(true);
  });
});

describe('issueBadges', () => {
  const now = new Date('2026-03-20T12:00:00Z');
  const base: KpiIssue = { project_id: 1, iid: 5, state: 'opened', created_at: '2026-03-10T12:00:00Z', closed_at: null, due_date: null, labels: [] };

  it('an open issue due 3 days ago is overdue 3 d (red), open 10 d', () => {
    const badges = issueBadges({ ...base, due_date: '2026-03-17' }, DEFAULT_KPI_SETTINGS, now);
    expect(badges.map((b) => [b.id, b.text, b.status])).toEqual([
      ['due', 'overdue 3 d', 'missed'],
      ['age', 'open 10 d', 'neutral'],
    ]);
    expect(badges[0]!.explanation).toBe('Due 2026-03-17 (its due date), end of day in UTC.');
  });

  it('takes the due date from the milestone and says so; due in 2 d is "due soon" (marked, not coloured)', () => {
    const later = issueBadges({ ...base, milestone: { id: 1, due_date: '2026-03-30' } }, DEFAULT_KPI_SETTINGS, now);
    expect(later[0]).toMatchObject({ id: 'due', text: 'on track', status: 'neutral' });
    const soon = issueBadges({ ...base, milestone: { id: 1, due_date: '2026-03-22' } }, DEFAULT_KPI_SETTINGS, now);
    expect(soon[0]).toMatchObject({ id: 'due', text: 'due in 2 d', status: 'near' });
    const badges = later;
    expect(badges[0]!.explanation).toContain("the milestone's due date");
  });

  it('a closed incident shows its time to fix: 2026-03-10 12:00 → 2026-03-10 18:30 = 6.5 h', () => {
    const incident = { ...base, state: 'closed', closed_at: '2026-03-10T18:30:00Z', issue_type: 'incident', labels: ['incident'] };
    const fix = issueBadges(incident, DEFAULT_KPI_SETTINGS, now).find((badge) => badge.id === 'time-to-fix');
    expect(fix?.text).toBe('Time to fix 6.5 h');
  });

  it('an open incident gets the one red badge, with its age and severity, instead of its age', () => {
    // Opened 2026-03-20 09:00, now 12:00: 3 h; GitLab's severity HIGH.
    const incident = { ...base, created_at: '2026-03-20T09:00:00Z', issue_type: 'incident', severity: 'HIGH' };
    const badges = issueBadges(incident, DEFAULT_KPI_SETTINGS, now);
    expect(badges.map((badge) => [badge.id, badge.text, badge.status])).toEqual([['incident', 'Ongoing incident · 3 h · High', 'missed']]);
    expect(badges[0]!.explanation).toContain('severity High');
    // No severity field: the severity::2 label says it; the outage label makes an incident too.
    const labelled = { ...base, labels: ['incident', 'severity::2'] };
    expect(issueBadges(labelled, DEFAULT_KPI_SETTINGS, now)[0]?.text).toBe('Ongoing incident · 10 d · S2');
    // Severity UNKNOWN and no label: not named.
    expect(issueBadges({ ...incident, severity: 'UNKNOWN' }, DEFAULT_KPI_SETTINGS, now)[0]?.text).toBe('Ongoing incident · 3 h');
    // Closed: history, no incident badge (time to fix instead); a severity-2 bug is no outage.
    expect(issueBadges({ ...incident, state: 'closed', closed_at: '2026-03-20T11:00:00Z' }, DEFAULT_KPI_SETTINGS, now).map((badge) => badge.id)).toEqual(['age', 'time-to-fix']);
    expect(issueBadges({ ...base, labels: ['type::bug', 'severity::2'] }, DEFAULT_KPI_SETTINGS, now).map((badge) => badge.id)).toEqual(['age']);
  });

  it('no due date: no due badge', () => {
    expect(issueBadges(base, DEFAULT_KPI_SETTINGS, now).map((badge) => badge.id)).toEqual(['age']);
  });
});
