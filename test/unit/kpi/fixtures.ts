import type { KpiIssue, KpiMember, KpiMergeRequest } from '@/utils/kpi/types';

/** An open issue in project 1 with no due date, no milestone, no labels, unless overridden. */
export function issue(iid: number, overrides: Partial<KpiIssue> = {}): KpiIssue {
  return {
    project_id: 1,
    iid,
    state: 'opened',
    created_at: '2025-01-01T00:00:00Z',
    closed_at: null,
    due_date: null,
    milestone: null,
    labels: [],
    ...overrides,
  };
}

export function closedIssue(iid: number, closedAt: string, overrides: Partial<KpiIssue> = {}): KpiIssue {
  return issue(iid, { state: 'closed', closed_at: closedAt, ...overrides });
}

export function mergedMr(iid: number, mergedAt: string | null, labels: string[] = []): KpiMergeRequest {
  return { project_id: 1, iid, state: mergedAt ? 'merged' : 'opened', merged_at: mergedAt, labels };
}

/** `createdAt`: when the membership started; left out, the member has no date (older GitLab). */
export function member(id: number, username: string, accessLevel: number, state = 'active', createdAt?: string | null): KpiMember {
  const base = { id, username, access_level: accessLevel, state };
  return createdAt === undefined ? base : { ...base, created_at: createdAt };
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
