/**
 * Protects the popup's list of ongoing incidents (utils/background/handlers/popup.ts
 * openIncidents): open outages only, oldest first, severity named, and only links into the
 * configured GitLab (the popup renders them as links).
 */
import { describe, expect, it } from 'vitest';
import { openIncidents } from '../../../../utils/background/handlers/popup';
import { DEFAULT_KPI_SETTINGS, type KpiIssue } from '../../../../utils/kpi';

const GITLAB = 'https://gitlab.example.com';
const issue = (iid: number, fields: Partial<KpiIssue>): KpiIssue => ({
  project_id: 1,
  iid,
  title: `Issue ${iid}`,
  state: 'opened',
  created_at: '2026-03-01T00:00:00Z',
  labels: [],
  web_url: `${GITLAB}/g/p/-/issues/${iid}`,
  references: { full: `g/p#${iid}` },
  ...fields,
});

describe('openIncidents', () => {
  it('lists open outages oldest first, with severity, and nothing else', () => {
    const issues = [
      issue(1, { issue_type: 'incident', created_at: '2026-03-02T00:00:00Z', severity: 'CRITICAL' }),
      issue(2, { labels: ['incident', 'severity::2'], created_at: '2026-03-01T00:00:00Z' }),
      issue(3, { issue_type: 'incident', state: 'closed' }), // closed: history
      issue(4, { labels: ['type::bug', 'severity::1'] }), // a failure, not an outage
      issue(5, { labels: ['feature'] }),
    ];
    expect(openIncidents(issues, DEFAULT_KPI_SETTINGS, GITLAB)).toEqual([
      { ref: 'g/p#2', title: 'Issue 2', url: `${GITLAB}/g/p/-/issues/2`, openedAt: '2026-03-01T00:00:00Z', severity: 'S2' },
      { ref: 'g/p#1', title: 'Issue 1', url: `${GITLAB}/g/p/-/issues/1`, openedAt: '2026-03-02T00:00:00Z', severity: 'Critical' },
    ]);
  });

  it('drops an incident whose link leaves the configured GitLab', () => {
    const issues = [
      issue(1, { issue_type: 'incident', web_url: 'javascript:alert(1)' }),
      issue(2, { issue_type: 'incident', web_url: 'https://gitlab.example.com.evil.test/g/p/-/issues/2' }),
      issue(3, { issue_type: 'incident' }),
    ];
    expect(openIncidents(issues, DEFAULT_KPI_SETTINGS, `${GITLAB}/`).map((incident) => incident.ref)).toEqual(['g/p#3']);
  });
});
