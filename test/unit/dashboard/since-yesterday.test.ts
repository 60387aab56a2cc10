import { describe, expect, it } from 'vitest';
import { sinceYesterday } from '@/utils/dashboard/since-yesterday';
import { dueStatus, type KpiIssue, type KpiMergeRequest } from '@/utils/kpi';
import { closedIssue, issue } from '../kpi/fixtures';

// now = Monday 2025-03-10 09:00Z; the default period is (2025-03-09 09:00Z, now].
const now = new Date('2025-03-10T09:00:00Z');
const web = (iid: number, overrides: Partial<KpiIssue> = {}): Partial<KpiIssue> => ({
  title: `Issue ${iid}`,
  web_url: `https://gitlab.example.com/team/app/-/issues/${iid}`,
  references: { full: `team/app#${iid}` },
  ...overrides,
});
const merged = (iid: number, mergedAt: string | null, overrides: Partial<KpiMergeRequest> = {}): KpiMergeRequest => ({
  project_id: 1,
  iid,
  state: mergedAt ? 'merged' : 'opened',
  merged_at: mergedAt,
  labels: [],
  title: `MR ${iid}`,
  web_url: `https://gitlab.example.com/team/app/-/merge_requests/${iid}`,
  ...overrides,
});
const refs = (list: { items: { ref: string }[] }) => list.items.map((item) => item.ref);

describe('sinceYesterday: the period', () => {
  it('excludes the instant exactly 24 h ago and includes now', () => {
    const issues = [
      closedIssue(1, '2025-03-09T09:00:00Z', web(1)), // exactly 24 h ago: yesterday's list
      closedIssue(2, '2025-03-09T09:00:00.001Z', web(2)), // 1 ms later: in
      closedIssue(3, '2025-03-10T09:00:00Z', web(3)), // exactly now: in
      closedIssue(4, '2025-03-10T09:00:00.001Z', web(4)), // after now (clock skew): not yet
    ];
    const result = sinceYesterday({ issues, mergeRequests: [] }, now, 'UTC');
    expect(result.since).toBe('2025-03-09T09:00:00.000Z');
    expect(result.until).toBe('2025-03-10T09:00:00.000Z');
    expect(result.issuesClosed).toEqual({
      items: [
        { ref: 'team/app#3', title: 'Issue 3', url: 'https://gitlab.example.com/team/app/-/issues/3', at: '2025-03-10T09:00:00.000Z' },
        { ref: 'team/app#2', title: 'Issue 2', url: 'https://gitlab.example.com/team/app/-/issues/2', at: '2025-03-09T09:00:00.001Z' },
      ],
      total: 2,
    });
  });

  it('starts at the last daily sync when given', () => {
    const issues = [
      closedIssue(1, '2025-03-10T05:59:00Z', web(1)), // before the sync at 06:00
      closedIssue(2, '2025-03-10T06:01:00Z', web(2)),
    ];
    const result = sinceYesterday({ issues, mergeRequests: [] }, now, 'UTC', { since: new Date('2025-03-10T06:00:00Z') });
    expect(result.since).toBe('2025-03-10T06:00:00.000Z');
    expect(refs(result.issuesClosed)).toEqual(['team/app#2']);
  });

  it('does not list a reopened issue or a closed one without a close time as closed', () => {
    const issues = [
      issue(1, { ...web(1), closed_at: '2025-03-10T08:00:00Z' }), // state opened: reopened
      issue(2, { ...web(2), state: 'closed', closed_at: null }),
    ];
    expect(sinceYesterday({ issues, mergeRequests: [] }, now, 'UTC').issuesClosed).toEqual({ items: [], total: 0 });
  });
});

describe('sinceYesterday: became overdue', () => {
  it('lists open issues whose due day ended in the period, own or milestone due date', () => {
    const issues = [
      issue(1, web(1, { due_date: '2025-03-09' })), // ended Mar 9 23:59:59.999Z: overdue since Mar 10 00:00Z
      issue(2, web(2, { milestone: { id: 5, due_date: '2025-03-09' } })), // by its milestone
      issue(3, web(3, { due_date: '2025-03-08' })), // overdue since Mar 9 00:00Z, before the period
      issue(4, web(4, { due_date: '2025-03-10' })), // due today: not overdue yet
      closedIssue(5, '2025-03-10T08:00:00Z', web(5, { due_date: '2025-03-09' })), // closed late: not open
    ];
    const result = sinceYesterday({ issues, mergeRequests: [] }, now, 'UTC');
    expect(refs(result.becameOverdue)).toEqual(['team/app#1', 'team/app#2']); // same instant: by iid
    expect(result.becameOverdue.items[0]?.at).toBe('2025-03-10T00:00:00.000Z');
    expect(result.becameOverdue.total).toBe(2);
  });

  it("follows the team's time zone: Berlin's yesterday has ended when UTC's has not", () => {
    // now = 2025-03-09 23:30Z = Mar 10 00:30 in Berlin (UTC+1); period (Mar 8 23:30Z, Mar 9 23:30Z].
    const lateNow = new Date('2025-03-09T23:30:00Z');
    const dueSunday = issue(1, web(1, { due_date: '2025-03-09' }));
    const dueSaturday = issue(2, web(2, { due_date: '2025-03-08' }));
    const input = { issues: [dueSunday, dueSaturday], mergeRequests: [] };

    // Berlin: Mar 9 ended at 22:59:59.999Z → overdue from 23:00Z, in the period. Mar 8 ended at
    // Mar 8 22:59:59.999Z, before the period: it was overdue already yesterday.
    const berlin = sinceYesterday(input, lateNow, 'Europe/Berlin');
    expect(berlin.becameOverdue.items).toEqual([
      { ref: 'team/app#1', title: 'Issue 1', url: 'https://gitlab.example.com/team/app/-/issues/1', at: '2025-03-09T23:00:00.000Z' },
    ]);
    // The same verdict as the issue's badge.
    expect(dueStatus(dueSunday, lateNow, 'Europe/Berlin').display).toBe('overdue 1 d');

    // UTC: Mar 9 is not over until 23:59:59.999Z; Mar 8 ended at Mar 9 00:00Z, in the period.
    const utc = sinceYesterday(input, lateNow, 'UTC');
    expect(refs(utc.becameOverdue)).toEqual(['team/app#2']);
    expect(utc.becameOverdue.items[0]?.at).toBe('2025-03-09T00:00:00.000Z');
    expect(dueStatus(dueSunday, lateNow, 'UTC').display).toBe('due today');
  });
});

describe('sinceYesterday: incidents and ordinary issues', () => {
  it('lists outages as incidents, other issues (severity bugs too) as issues, each once per event', () => {
    const issues = [
      issue(1, web(1, { issue_type: 'incident', created_at: '2025-03-10T01:00:00Z' })), // opened
      closedIssue(2, '2025-03-10T02:00:00Z', web(2, { labels: ['incident'], created_at: '2025-03-07T00:00:00Z' })), // closed, by label
      // Opened and closed in the period: in both incident lists.
      closedIssue(3, '2025-03-10T04:00:00Z', web(3, { type: 'INCIDENT', created_at: '2025-03-10T03:00:00Z' })),
      // A severity::1 bug is a failure but no outage: an issue closed, not an incident.
      closedIssue(4, '2025-03-10T05:00:00Z', web(4, { labels: ['type::bug', 'severity::1'], created_at: '2025-03-10T00:30:00Z' })),
      issue(5, web(5, { created_at: '2025-03-10T06:00:00Z' })), // a new ordinary issue: not a listed change
      issue(6, web(6, { issue_type: 'incident', created_at: '2025-03-09T08:00:00Z' })), // opened before the period
    ];
    const result = sinceYesterday({ issues, mergeRequests: [] }, now, 'UTC');
    expect(refs(result.incidentsOpened)).toEqual(['team/app#3', 'team/app#1']);
    expect(refs(result.incidentsClosed)).toEqual(['team/app#3', 'team/app#2']);
    expect(refs(result.issuesClosed)).toEqual(['team/app#4']);
    expect(result.incidentsOpened.items[0]?.at).toBe('2025-03-10T03:00:00.000Z');
  });

  it('takes which issues are incidents from the failure rules', () => {
    const rules = { incidentTypeIsFailure: true, labelSets: [['outage']], outageLabels: ['outage'] };
    const issues = [
      closedIssue(1, '2025-03-10T02:00:00Z', web(1, { labels: ['incident'] })), // not an outage under these rules
      closedIssue(2, '2025-03-10T03:00:00Z', web(2, { labels: ['Outage'] })), // labels compare case-insensitively
    ];
    const result = sinceYesterday({ issues, mergeRequests: [] }, now, 'UTC', { failureRules: rules });
    expect(refs(result.incidentsClosed)).toEqual(['team/app#2']);
    expect(refs(result.issuesClosed)).toEqual(['team/app#1']);
  });
});

describe('sinceYesterday: merge requests, caps and links', () => {
  it('keeps the newest five per list and counts the rest', () => {
    // MRs !1 … !8 merged at 01:00 … 08:00 on Mar 10; !9 merged yesterday before the period; !10 open.
    const mergeRequests = [
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((iid) => merged(iid, `2025-03-10T0${iid}:00:00Z`)),
      merged(9, '2025-03-09T08:00:00Z'),
      merged(10, null),
    ];
    const result = sinceYesterday({ issues: [], mergeRequests }, now, 'UTC');
    expect(refs(result.mrsMerged)).toEqual(['!8', '!7', '!6', '!5', '!4']);
    expect(result.mrsMerged.total).toBe(8);
    expect(result.mrsMerged.items[0]).toEqual({
      ref: '!8',
      title: 'MR 8',
      url: 'https://gitlab.example.com/team/app/-/merge_requests/8',
      at: '2025-03-10T08:00:00.000Z',
    });

    const two = sinceYesterday({ issues: [], mergeRequests }, now, 'UTC', { cap: 2 });
    expect(two.mrsMerged).toMatchObject({ total: 8 });
    expect(refs(two.mrsMerged)).toEqual(['!8', '!7']);
  });

  it("uses GitLab's full reference and orders ties by project", () => {
    const mergeRequests = [
      merged(3, '2025-03-10T01:00:00Z', { project_id: 2, references: { full: 'team/api!3' } }),
      merged(7, '2025-03-10T01:00:00Z', { project_id: 1, references: { full: 'team/app!7' } }),
    ];
    expect(refs(sinceYesterday({ issues: [], mergeRequests }, now, 'UTC').mrsMerged)).toEqual(['team/app!7', 'team/api!3']);
  });

  it('links only http(s) URLs, and only into the configured GitLab when given', () => {
    const issues = [
      closedIssue(1, '2025-03-10T01:00:00Z', web(1)),
      closedIssue(2, '2025-03-10T02:00:00Z', web(2, { web_url: 'https://elsewhere.example/team/app/-/issues/2' })),
      closedIssue(3, '2025-03-10T03:00:00Z', web(3, { web_url: 'javascript:alert(1)' })),
      closedIssue(4, '2025-03-10T04:00:00Z', { references: { full: 'team/app#4' } }), // no web_url, no title
    ];
    const urls = (gitlabUrl?: string) =>
      sinceYesterday({ issues, mergeRequests: [] }, now, 'UTC', gitlabUrl ? { gitlabUrl } : {}).issuesClosed.items.map((i) => i.url);
    expect(urls('https://gitlab.example.com/')).toEqual([null, null, null, 'https://gitlab.example.com/team/app/-/issues/1']);
    expect(urls()).toEqual([null, null, 'https://elsewhere.example/team/app/-/issues/2', 'https://gitlab.example.com/team/app/-/issues/1']);
    expect(sinceYesterday({ issues, mergeRequests: [] }, now, 'UTC').issuesClosed.items[0]).toMatchObject({ ref: 'team/app#4', title: '' });
  });
});
