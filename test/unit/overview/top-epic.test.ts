import { describe, expect, it } from 'vitest';
import { DEFAULT_KPI_SETTINGS } from '@/utils/kpi/settings';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { HEALTH_LEGEND, topEpicTable, type TableEpic, type TableIssue } from '@/utils/overview/top-epic';
import { closedIssue, issue } from '../kpi/fixtures';

const GITLAB = 'https://gitlab.example.com';
const settings = { kpi: DEFAULT_KPI_SETTINGS, allocation: DEFAULT_SETTINGS.allocation, gitlabUrl: GITLAB };
const now = new Date('2025-03-10T12:00:00Z'); // today 2025-03-10 in UTC; KPI window from 2024-12-10

function epicOf(id: number, iid: number, parentId: number | null, overrides: Partial<TableEpic> = {}): TableEpic {
  return {
    id,
    iid,
    group_id: 5,
    parent_id: parentId,
    title: `Epic ${iid}`,
    state: 'opened',
    web_url: `${GITLAB}/groups/g/-/epics/${iid}`,
    labels: [],
    references: { short: `&${iid}`, relative: `&${iid}`, full: `g&${iid}` },
    start_date: null,
    due_date: null,
    ...overrides,
  };
}

const inEpic = (epic: TableIssue['epic'], base: TableIssue): TableIssue => ({ ...base, epic });

describe('topEpicTable', () => {
  const top = epicOf(11, 1, null, { title: 'Project' });
  const epics: TableEpic[] = [
    top,
    epicOf(12, 2, 11, { title: 'Beta', start_date: '2025-03-01', due_date: '2025-03-20' }),
    // &3 is &2's child, linked by parent iid only: it rolls up into &2's row.
    { ...epicOf(13, 3, null, { title: 'Grandchild' }), parent_iid: 2 },
    epicOf(14, 4, 11, { title: 'Docs' }),
    epicOf(15, 5, 11, { title: 'Alpha', state: 'closed', start_date: '2025-02-01', due_date: '2025-03-20' }),
    epicOf(16, 6, 11, { title: 'Launch', start_date: '2025-02-01', due_date: '2025-02-28' }),
    // In a subgroup: its reference is the full one.
    { ...epicOf(18, 8, 11, { title: 'Zeta' }), group_id: 9, references: { short: '&8', relative: 'sub&8', full: 'g/sub&8' } },
    // Not a child of &1.
    epicOf(17, 7, null, { title: 'Elsewhere', due_date: '2025-01-01' }),
  ];
  const issues: TableIssue[] = [
    // &2's tree: a closed on time (w3, feature), b late and open (w2, maintenance, in &3), c open (w5, feature), d closed, unweighted.
    inEpic({ id: 12, iid: 2 }, closedIssue(1, '2025-02-27T10:00:00Z', { due_date: '2025-03-01', weight: 3, labels: ['type::feature'] })),
    inEpic({ iid: 3, group_id: 5 }, issue(2, { due_date: '2025-03-05', weight: 2, labels: ['type::maintenance'] })),
    inEpic({ id: 12, iid: 2 }, issue(3, { weight: 5, labels: ['type::feature'] })),
    inEpic({ id: 12, iid: 2 }, closedIssue(4, '2025-03-01T10:00:00Z', { weight: null })),
    // &5: closed, one closed issue of weight 1.
    inEpic({ id: 15, iid: 5 }, closedIssue(5, '2025-03-02T10:00:00Z', { weight: 1, labels: ['type::bug'] })),
    // &6: no weights, one of two closed → by count.
    inEpic({ id: 16, iid: 6 }, closedIssue(6, '2025-02-20T10:00:00Z', { labels: ['type::feature'] })),
    inEpic({ id: 16, iid: 6 }, issue(7, { labels: ['type::feature'] })),
    // The top epic's own issue and an unrelated epic's: in no row.
    inEpic({ id: 11, iid: 1 }, issue(8, { weight: 8 })),
    inEpic({ id: 17, iid: 7 }, issue(9, { weight: 8 })),
  ];

  const table = topEpicTable(top, epics, issues, settings, now);

  it('lists the direct children by due date, then title, undated last', () => {
    // Launch Feb 28; Alpha and Beta both Mar 20 (by title); Docs and Zeta undated (by title).
    expect(table.rows.map((row) => [row.ref, row.title, row.dueDate])).toEqual([
      ['&6', 'Launch', '2025-02-28'],
      ['&5', 'Alpha', '2025-03-20'],
      ['&2', 'Beta', '2025-03-20'],
      ['&4', 'Docs', null],
      ['g/sub&8', 'Zeta', null],
    ]);
    expect(table.rows[2]!.url).toBe(`${GITLAB}/groups/g/-/epics/2`);
    expect(table.legend).toBe(HEALTH_LEGEND);
  });

  it('rolls grandchildren into their child: progress, On-time, allocation and health computed by hand', () => {
    const beta = table.rows.find((row) => row.ref === '&2')!;
    // Weighted: a 3 (closed), b 2, c 5 → 3/10 = 30 %; d has no weight and is not counted.
    expect(beta.progress).toEqual({ value: 0.3, by: 'weight', text: '30% (3/10 weight)' });
    // Due in the window and before today: a (on time) and b (open, late) → 1/2 = 50 %, under 72 %: missed.
    expect(beta.onTime).toMatchObject({ text: 'On-time 50% (1/2)', status: 'missed' });
    expect(beta.onTime!.explanation).toMatch(/^On-time: 50% · target ≥ 80% · missed\. 1 of 2 issues due in the last 90 days were closed by their due date/);
    // By weight (3 of 4 weighted): feature 3 + 5 = 8, maintenance 2, uncategorized d unmeasured → 80 / 20 / 0.
    expect(beta.allocation).toBe('Feature 80% · Maintenance 20% · Uncategorized 0%');
    // Mar 1 to Mar 20 is 20 days, 9 gone by Mar 10 → 45 %; 30 % done is 15 points behind: at risk (the edge).
    expect(beta.health).toBe('at risk');
    expect(beta.healthWhy).toBe('30% done with 45% of the time gone (9 of 20 days, 2025-03-01 to 2025-03-20): 15 points behind; up to 15 points behind is at risk.');
  });

  it('measures progress by count without weights, and past the due date with work left is off track', () => {
    const launch = table.rows[0]!;
    expect(launch.progress).toEqual({ value: 0.5, by: 'count', text: '50% (1/2 issues)' });
    expect(launch.onTime).toBeNull(); // neither issue has a due date
    expect(launch.allocation).toBe('Feature 100%');
    expect([launch.health, launch.healthWhy]).toEqual(['off track', '50% done and past its due date 2025-02-28.']);
  });

  it('calls a closed child done and one without dates no dates', () => {
    const alpha = table.rows[1]!;
    expect([alpha.health, alpha.healthWhy, alpha.progress.text]).toEqual(['done', 'The epic is closed.', '100% (1/1 weight)']);
    const docs = table.rows[3]!;
    expect(docs).toMatchObject({ health: 'no dates', progress: { value: 0, text: 'no issues' }, onTime: null, allocation: null, dueDate: null, startDate: null });
  });

  it('has no rows for an epic without children', () => {
    expect(topEpicTable(epics[3]!, epics, issues, settings, now).rows).toEqual([]);
  });
});

describe('topEpicTable health boundaries', () => {
  const top = epicOf(1, 1, null);
  // Mar 1 to Mar 20: 20 days. On Mar 11, 10 are gone: 50 %.
  const child = epicOf(2, 2, 1, { start_date: '2025-03-01', due_date: '2025-03-20' });
  /** Child issues of weight `done` (closed) and `100 − done` (open): `done` % progress. */
  const progressOf = (done: number): TableIssue[] => [
    inEpic({ id: 2, iid: 2 }, closedIssue(1, '2025-03-05T10:00:00Z', { weight: done })),
    inEpic({ id: 2, iid: 2 }, issue(2, { weight: 100 - done })),
  ];
  const healthAt = (done: number, at: string, epic: TableEpic = child) => {
    const row = topEpicTable(top, [top, epic], progressOf(done), settings, new Date(at)).rows[0]!;
    return [row.health, row.healthWhy];
  };

  it('is on track at or above the time gone, at risk up to 15 points behind, off track beyond', () => {
    expect(healthAt(50, '2025-03-11T09:00:00Z')).toEqual(['on track', '50% done with 50% of the time gone (10 of 20 days, 2025-03-01 to 2025-03-20): progress keeps up with time.']);
    expect(healthAt(49, '2025-03-11T09:00:00Z')).toEqual(['at risk', '49% done with 50% of the time gone (10 of 20 days, 2025-03-01 to 2025-03-20): 1 point behind; up to 15 points behind is at risk.']);
    // 0.5 − 0.35 is 0.15000000000000002 in floating point: still exactly 15 points, at risk.
    expect(healthAt(35, '2025-03-11T09:00:00Z')[0]).toBe('at risk');
    expect(healthAt(34, '2025-03-11T09:00:00Z')).toEqual(['off track', '34% done with 50% of the time gone (10 of 20 days, 2025-03-01 to 2025-03-20): 16 points behind, more than 15.']);
  });

  it('counts days in the KPI time zone', () => {
    // 23:30 UTC on Mar 10 is already Mar 11 in Berlin: 10 days gone there, 9 in UTC.
    const at = new Date('2025-03-10T23:30:00Z');
    const berlin = topEpicTable(top, [top, child], progressOf(45), { ...settings, kpi: { ...DEFAULT_KPI_SETTINGS, timeZone: 'Europe/Berlin' } }, at).rows[0]!;
    const utc = topEpicTable(top, [top, child], progressOf(45), settings, at).rows[0]!;
    expect([utc.health, berlin.health]).toEqual(['on track', 'at risk']);
  });

  it('is on track before the start day, and judges the whole span once the due day has passed', () => {
    expect(healthAt(0, '2025-02-20T09:00:00Z')).toEqual(['on track', 'Not started yet: starts 2025-03-01. 0% done.']);
    // On the due day 19 of 20 days are gone (95 %); 80 % is 15 behind: at risk. The day after, off track.
    expect(healthAt(80, '2025-03-20T09:00:00Z')[0]).toBe('at risk');
    expect(healthAt(99, '2025-03-21T09:00:00Z')).toEqual(['off track', '99% done and past its due date 2025-03-20.']);
    // Every issue closed but the epic left open: the work is done, nothing is late.
    expect(healthAt(100, '2025-03-21T09:00:00Z')[0]).toBe('on track');
  });

  it('has no dates without a start before the due date, without a due date, or with a start after it', () => {
    expect(healthAt(50, '2025-03-11T09:00:00Z', { ...child, start_date: null })).toEqual(['no dates', 'No start date: set one on the epic to compare its progress with the time gone.']);
    expect(healthAt(50, '2025-03-11T09:00:00Z', { ...child, due_date: null })[0]).toBe('no dates');
    expect(healthAt(50, '2025-03-11T09:00:00Z', { ...child, start_date: '2025-03-25' })[0]).toBe('no dates');
    // Past the due date a missing start does not matter: every day is gone.
    expect(healthAt(50, '2025-03-21T09:00:00Z', { ...child, start_date: null })[0]).toBe('off track');
  });
});
