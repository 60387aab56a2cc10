import { describe, expect, it } from 'vitest';
import { relatedMergeRequests } from '../../../../utils/background/handlers/dri';
import type { GitLabMergeRequest } from '../../../../utils/gitlab/schemas';

const mr = (iid: number, title: string, description: string, updatedAt: string) => ({ iid, title, description, updated_at: updatedAt }) as GitLabMergeRequest;

describe('relatedMergeRequests', () => {
  it('finds MRs that close or mention the issue, newest first, and not other numbers or references', () => {
    const mergeRequests = [
      mr(1, 'Fix the cache', 'Closes #12', '2025-03-01T00:00:00Z'),
      mr(2, 'Refactor #12 follow-up', '', '2025-03-05T00:00:00Z'),
      mr(3, 'Other', 'Closes #123 and see &12, !12, other/project#12', '2025-03-06T00:00:00Z'),
    ];
    expect(relatedMergeRequests(mergeRequests, 12).map((found) => found.iid)).toEqual([2, 1]);
  });
});
