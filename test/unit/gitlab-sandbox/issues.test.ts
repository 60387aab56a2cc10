import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { call, useSandbox, type IssueJson } from './helpers.ts';

const all = async (sandbox: Parameters<typeof call>[0], path: string): Promise<IssueJson[]> => {
  const separator = path.includes('?') ? '&' : '?';
  const reply = await call<IssueJson[]>(sandbox, `${path}${separator}per_page=100&page=1`);
  const pages = Number(reply.headers.get('x-total-pages'));
  const rest = await Promise.all(Array.from({ length: pages - 1 }, (_, i) => call<IssueJson[]>(sandbox, `${path}${separator}per_page=100&page=${i + 2}`)));
  return [reply, ...rest].flatMap((r) => r.body);
};

describe('issue list filters', () => {
  const sandbox = useSandbox();

  it('filters by state', async () => {
    const sb = sandbox();
    const opened = await all(sb, '/api/v4/projects/201/issues?state=opened');
    expect(opened.length).toBe(sb.data.issuesOf(201).filter((issue) => issue.state === 'opened').length);
    expect(opened.every((issue) => issue.state === 'opened')).toBe(true);
    expect((await call(sb, '/api/v4/projects/201/issues?state=nope')).body).toEqual({ error: 'state does not have a valid value' });
  });

  it('requires every label in labels=a,b (None and Any too)', async () => {
    const sb = sandbox();
    const both = await all(sb, '/api/v4/projects/201/issues?labels=type::bug,severity::3');
    const expected = sb.data.issuesOf(201).filter((issue) => issue.labels.includes('type::bug') && issue.labels.includes('severity::3'));
    expect(both.map((issue) => issue.id).sort()).toEqual(expected.map((issue) => issue.id).sort());
    expect(both.length).toBeGreaterThan(0);
    const none = await all(sb, '/api/v4/projects/203/issues?labels=None');
    expect(none.every((issue) => issue.labels.length === 0)).toBe(true);
    expect(none.length).toBeGreaterThan(0);
  });

  it('filters by milestone title, None and Any', async () => {
    const sb = sandbox();
    const sprint = await all(sb, '/api/v4/projects/201/issues?milestone=Sprint%205');
    expect(sprint.length).toBeGreaterThan(0);
    expect(sprint.every((issue) => issue.milestone?.title === 'Sprint 5')).toBe(true);
    const none = await all(sb, '/api/v4/projects/201/issues?milestone=None');
    const any = await all(sb, '/api/v4/projects/201/issues?milestone=Any');
    expect(none.length + any.length).toBe(sb.data.issuesOf(201).length);
  });

  it('filters by iids[], issue_type, updated_after and created_after', async () => {
    const sb = sandbox();
    const byIid = await all(sb, '/api/v4/projects/202/issues?iids[]=3&iids[]=5');
    expect(byIid.map((issue) => issue.iid).sort()).toEqual([3, 5]);
    const incidents = await all(sb, '/api/v4/groups/100/issues?issue_type=incident');
    expect(incidents.length).toBe(11);
    expect(incidents.every((issue) => issue.issue_type === 'incident' && issue.type === 'INCIDENT')).toBe(true);
    const since = '2025-05-20T00:00:00Z';
    const updated = await all(sb, `/api/v4/projects/201/issues?updated_after=${since}`);
    expect(updated.length).toBe(sb.data.issuesOf(201).filter((issue) => issue.updated_at >= '2025-05-20T00:00:00.000Z').length);
    const created = await all(sb, `/api/v4/projects/201/issues?created_after=${since}`);
    expect(created.every((issue) => issue.created_at >= '2025-05-20')).toBe(true);
    expect((await call(sb, '/api/v4/projects/201/issues?updated_after=yesterday')).status).toBe(400);
  });

  it('supports scope, search and assignee filters', async () => {
    const sb = sandbox();
    const mine = await all(sb, '/api/v4/projects/201/issues?scope=assigned_to_me');
    expect(mine.every((issue) => (issue.assignees as { id: number }[]).some((user) => user.id === 1))).toBe(true);
    const suggestions = await all(sb, '/api/v4/projects/201/issues?search=checkout%20sessions%20redis');
    expect(suggestions.map((issue) => issue.title)).toEqual(['Move checkout sessions off Redis DB 0']);
    // Its submission marker sits in an HTML comment, which GitLab's full-text search does not index.
    expect(await all(sb, '/api/v4/projects/201/issues?search=ela-7f3a9c21-5b1e-4c2d-9a0f-3e8b6d4c2a10')).toEqual([]);
    const unassigned = await all(sb, '/api/v4/projects/201/issues?assignee_id=None&state=opened');
    expect(unassigned.every((issue) => (issue.assignees as unknown[]).length === 0)).toBe(true);
  });
});

describe('issue payloads', () => {
  const sandbox = useSandbox();
  const example = JSON.parse(readFileSync(new URL('../../fixtures/gitlab-examples/single_project_issue.json', import.meta.url), 'utf8')) as Record<string, unknown>;

  it('has every field of the documented single-issue example, plus Premium fields on Premium projects', async () => {
    const sb = sandbox();
    const reply = await call<Record<string, unknown>>(sb, '/api/v4/projects/lens-demo%2Fweb-app/issues/1');
    expect(reply.status).toBe(200);
    for (const key of Object.keys(example)) expect(reply.body).toHaveProperty(key);
    expect(reply.body).toHaveProperty('weight');
    expect(reply.body).toHaveProperty('epic');
    expect(reply.body).toHaveProperty('epic_iid');
    expect(reply.body.references).toEqual({ short: '#1', relative: '#1', full: 'lens-demo/web-app#1' });
    expect(reply.body.web_url).toBe(`${sb.url}/lens-demo/web-app/-/issues/1`);
  });

  it('omits weight and epic fields on the Free-like project', async () => {
    const reply = await call<Record<string, unknown>>(sandbox(), '/api/v4/projects/203/issues/1');
    expect(reply.body).not.toHaveProperty('weight');
    expect(reply.body).not.toHaveProperty('epic');
    expect(reply.body).not.toHaveProperty('epic_iid');
  });

  it('serializes the assignee (deprecated) as the first of assignees and group references relative to the group', async () => {
    const reply = await call<IssueJson[]>(sandbox(), '/api/v4/groups/lens-demo/issues?per_page=100');
    for (const issue of reply.body) {
      const assignees = issue.assignees as unknown[];
      expect(issue.assignee).toEqual(assignees[0] ?? null);
      expect((issue.references as { relative: string }).relative).toMatch(/^[\w-]+#\d+$/);
    }
  });

  it('counts the merge requests that close an issue', async () => {
    const sb = sandbox();
    const mr = sb.data.mergeRequests.find((candidate) => candidate.project_id === 202 && candidate.closes_issue_iids.length > 0);
    const iid = mr?.closes_issue_iids[0] ?? 0;
    const closing = sb.data.mergeRequestsOf(202).filter((candidate) => candidate.closes_issue_iids.includes(iid));
    const issue = await call<{ merge_requests_count: number }>(sb, `/api/v4/projects/202/issues/${iid}`);
    expect(issue.body.merge_requests_count).toBe(closing.length);
    expect(closing.length).toBeGreaterThan(0);
  });

  it('answers 404 like GitLab for unknown issues, projects and routes', async () => {
    const sb = sandbox();
    expect((await call(sb, '/api/v4/projects/201/issues/99999')).body).toEqual({ message: '404 Not found' });
    expect((await call(sb, '/api/v4/projects/lens-demo%2Fnope/issues')).body).toEqual({ message: '404 Project Not Found' });
    const route = await call(sb, '/api/v4/projects/201/wikis-of-nothing');
    expect(route.status).toBe(404);
    expect(route.body).toEqual({ error: '404 Not Found' });
  });
});
