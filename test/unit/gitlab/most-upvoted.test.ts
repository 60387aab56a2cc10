/**
 * Protects GitLabClient.mostUpvotedIssues (the weekly survey checkpoint) against the GitLab
 * stand-in: the seeded web-app project has three open suggestions with 7, 4 and 2 upvotes
 * (test/gitlab-sandbox/seed/special-issues.ts). GitLab orders by upvotes only with
 * `order_by=popularity` and offset pagination; keyset cannot order that way.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GitLabClient } from '../../../utils/gitlab/client';
import { API_TOKEN, GROUP_PATH, PROJECT_PATHS, startSandbox, type Sandbox } from '../../gitlab-sandbox/index.ts';

const SUGGESTION = 'engineering-allocation::suggestion';
let sandbox: Sandbox;
let client: GitLabClient;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 1, now: new Date('2025-06-02T12:00:00.000Z') });
  client = new GitLabClient({ baseUrl: sandbox.url, getToken: async () => API_TOKEN, sleep: async () => {}, maxRetries: 0 });
});

afterAll(async () => {
  client.close();
  await sandbox.close();
});

beforeEach(() => sandbox.requests.reset());

const issueRequests = () => sandbox.requests.entries.filter((entry) => entry.path.endsWith('/issues'));

describe('mostUpvotedIssues', () => {
  it("lists a project's open suggestions most upvoted first, in one popularity-ordered offset request", async () => {
    const { items, more } = await client.mostUpvotedIssues({ kind: 'project', id: PROJECT_PATHS.webApp }, { labels: [SUGGESTION], state: 'opened' });
    expect(items.map((issue) => [issue.title, issue.upvotes])).toEqual([
      ['Move checkout sessions off Redis DB 0', 7],
      ['Delete the legacy search API', 4],
      ['Faster local dev setup', 2],
    ]);
    expect(more).toBe(false);
    const requests = issueRequests();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.path).toBe(`/api/v4/projects/${encodeURIComponent(PROJECT_PATHS.webApp)}/issues`);
    expect(requests[0]!.query).toMatchObject({ order_by: 'popularity', sort: 'desc', labels: SUGGESTION, state: 'opened' });
    expect(requests[0]!.query).not.toHaveProperty('pagination');
  });

  it('with a category label too, only the suggestions of that category', async () => {
    const { items } = await client.mostUpvotedIssues({ kind: 'project', id: PROJECT_PATHS.webApp }, { labels: [SUGGESTION, 'engineering-allocation-category::tech-debt'], state: 'opened' });
    expect(items.map((issue) => [issue.title, issue.upvotes, issue.labels])).toEqual([
      ['Delete the legacy search API', 4, [SUGGESTION, 'engineering-allocation-category::tech-debt']],
    ]);
    expect(issueRequests()[0]!.query).toMatchObject({ labels: `${SUGGESTION},engineering-allocation-category::tech-debt` });
  });

  it("a group lists its projects' suggestions, from the group's issues endpoint", async () => {
    const { items, more } = await client.mostUpvotedIssues({ kind: 'group', id: GROUP_PATH }, { labels: [SUGGESTION], state: 'opened' });
    expect(items.map((issue) => [issue.references?.full, issue.upvotes])).toEqual([
      [`${PROJECT_PATHS.webApp}#${items[0]!.iid}`, 7],
      [`${PROJECT_PATHS.webApp}#${items[1]!.iid}`, 4],
      [`${PROJECT_PATHS.webApp}#${items[2]!.iid}`, 2],
    ]);
    expect(more).toBe(false);
    expect(issueRequests().map((entry) => entry.path)).toEqual([`/api/v4/groups/${encodeURIComponent(GROUP_PATH)}/issues`]);
  });
});
