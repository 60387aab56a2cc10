import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { READ_TOKEN } from '../../gitlab-sandbox/index.ts';
import { call, useSandbox } from './helpers.ts';

type Json = Record<string, unknown>;

describe('merge requests', () => {
  const sandbox = useSandbox();

  it('filters by state and updated_after', async () => {
    const sb = sandbox();
    const merged = await call<Json[]>(sb, '/api/v4/groups/100/merge_requests?state=merged&updated_after=2025-04-01T00:00:00Z&per_page=100');
    expect(merged.body.length).toBeGreaterThan(0);
    for (const mr of merged.body) {
      expect(mr.state).toBe('merged');
      expect(mr.merged_at).not.toBeNull();
      expect(mr.merge_user).toEqual(mr.merged_by);
      expect(String(mr.updated_at) >= '2025-04-01').toBe(true);
    }
    const expected = sb.data.mergeRequests.filter((mr) => mr.state === 'merged' && mr.updated_at >= '2025-04-01T00:00:00.000Z').length;
    expect(Number(merged.headers.get('x-total'))).toBe(expected);
  });
});

describe('members and milestones', () => {
  const sandbox = useSandbox();

  it('lists inherited members with access levels, states and join dates', async () => {
    const members = await call<Json[]>(sandbox(), '/api/v4/projects/201/members/all?per_page=100');
    expect(members.body).toHaveLength(12);
    expect(members.body.filter((member) => member.state === 'blocked').map((member) => member.username)).toEqual(['hugo.martin']);
    // lucia.rossi is a Guest of the group but a Developer of web-app: members/all keeps the highest.
    const lucia = members.body.find((member) => member.username === 'lucia.rossi');
    expect(lucia?.access_level).toBe(30);
    const group = await call<Json[]>(sandbox(), '/api/v4/groups/100/members/all?per_page=100');
    expect(new Set(group.body.map((member) => member.access_level))).toEqual(new Set([10, 20, 30, 40, 50]));
    const joinedRecently = members.body.filter((member) => String(member.created_at) > '2025-05-19');
    expect(joinedRecently.map((member) => member.username).sort()).toEqual(['ines.silva', 'jonas.berg']);
  });

  it('lists sprints as group milestones with start and due dates', async () => {
    const sb = sandbox();
    const group = await call<Json[]>(sb, '/api/v4/groups/100/milestones?per_page=100');
    expect(group.body.length).toBeGreaterThanOrEqual(13);
    for (const milestone of group.body) {
      expect(milestone.start_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(milestone.due_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const project = await call<Json[]>(sb, '/api/v4/projects/201/milestones');
    expect(project.body.map((milestone) => milestone.title)).toEqual(['Release 2.0', 'Release 2.1']);
    const withGroup = await call<Json[]>(sb, '/api/v4/projects/201/milestones?include_ancestors=true&state=active');
    expect(withGroup.body.some((milestone) => String(milestone.title).startsWith('Sprint'))).toBe(true);
  });
});

describe('repository files and CODEOWNERS', () => {
  const sandbox = useSandbox();

  it('serves .gitlab/CODEOWNERS raw with sections', async () => {
    const reply = await call(sandbox(), '/api/v4/projects/lens-demo%2Fweb-app/repository/files/.gitlab%2FCODEOWNERS/raw?ref=main');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toContain('text/plain');
    expect(reply.text).toContain('[Backend][2] @ben.okafor');
    expect(reply.text).toContain('^[Docs]');
    expect(reply.headers.get('x-gitlab-file-path')).toBe('.gitlab/CODEOWNERS');
  });

  it('answers 404 File Not Found for missing files', async () => {
    const sb = sandbox();
    for (const path of ['CODEOWNERS', 'docs%2FCODEOWNERS', '.gitlab%2FCODEOWNERS']) {
      const reply = await call(sb, `/api/v4/projects/203/repository/files/${path}/raw?ref=main`);
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual({ message: '404 File Not Found' });
    }
    expect((await call(sb, '/api/v4/projects/202/repository/files/docs%2FCODEOWNERS/raw?ref=main')).status).toBe(200);
    expect((await call(sb, '/api/v4/projects/202/repository/files/docs%2FCODEOWNERS/raw?ref=nope')).body).toEqual({ message: '404 Commit Not Found' });
  });
});

describe('groups and epics', () => {
  const sandbox = useSandbox();

  it('returns the group with its projects', async () => {
    const group = await call<Json & { projects: Json[] }>(sandbox(), '/api/v4/groups/lens-demo');
    expect(group.body).toMatchObject({ id: 100, full_path: 'lens-demo' });
    expect(group.body.projects.map((project) => project.path_with_namespace).sort()).toEqual(['lens-demo/api-service', 'lens-demo/infra', 'lens-demo/web-app']);
  });

  it('lists epics with work_item_id and the deprecated fields, and a top epic with three children', async () => {
    const sb = sandbox();
    const epics = await call<Json[]>(sb, '/api/v4/groups/100/epics?per_page=100');
    for (const epic of epics.body) {
      expect(epic).toHaveProperty('work_item_id');
      expect(epic).toHaveProperty('due_date_from_inherited_source');
      expect(epic).toHaveProperty('parent_iid');
    }
    const children = epics.body.filter((epic) => epic.parent_iid === 1).map((epic) => epic.iid);
    expect(children.sort()).toEqual([2, 3, 4]);
  });

  it('shows one epic by iid, and 404 for a group work item that is no epic', async () => {
    const sb = sandbox();
    expect((await call<Json>(sb, '/api/v4/groups/100/epics/2')).body).toMatchObject({ iid: 2, parent_iid: 1 });
    const groupIssue = await call<Json>(sb, '/api/v4/groups/100/epics/12');
    expect(groupIssue.status).toBe(404);
    expect(groupIssue.body).toEqual({ message: '404 Not found' });
  });
});

describe('issue boards', () => {
  const sandbox = useSandbox();
  const example = JSON.parse(readFileSync(new URL('../../fixtures/gitlab-examples/list_project_boards.json', import.meta.url), 'utf8')) as Json[];

  it('lists a project\'s boards with the documented fields, label lists only', async () => {
    const sb = sandbox();
    const reply = await call<Json[]>(sb, '/api/v4/projects/201/boards');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('x-total')).toBe('2');
    expect(reply.body.map((board) => [board.id, board.name])).toEqual([[1, 'Development'], [2, 'Scale test (1,000 cards)']]);
    const [board] = reply.body as (Json & { lists: Json[]; project: Json })[];
    for (const key of Object.keys(example[0]!)) expect(board).toHaveProperty(key);
    expect(board).toMatchObject({ hide_backlog_list: false, hide_closed_list: false, group: null, milestone: null, assignee: null, labels: [], weight: null });
    expect(board!.project).toMatchObject({ id: 201, path_with_namespace: 'lens-demo/web-app' });
    // Open (11) and Closed (14) are not destroyable lists: GitLab's API leaves them out.
    expect(board!.lists.map((list) => list.id)).toEqual([12, 13]);
    const exampleList = (example[0]!.lists as Json[])[0]!;
    for (const key of Object.keys(exampleList)) expect(board!.lists[0]).toHaveProperty(key);
    const label = sb.data.labels.find((candidate) => candidate.name === 'workflow::in dev');
    expect(board!.lists[0]).toEqual({
      id: 12,
      label: { id: label?.id, name: 'workflow::in dev', description: null, text_color: label?.text_color, description_html: '', color: label?.color },
      position: 0,
      max_issue_count: 0,
      max_issue_weight: 0,
      limit_metric: null,
    });
  });

  it('uses the list ids of the board page\'s data-list-id', async () => {
    const sb = sandbox();
    const reply = await call<(Json & { lists: Json[] })[]>(sb, '/api/v4/projects/202/boards');
    const page = await fetch(`${sb.url}/lens-demo/api-service/-/boards/3?sandbox_static=1`).then((response) => response.text());
    const domIds = [...page.matchAll(/data-list-id="gid:\/\/gitlab\/List\/(\d+)"/g)].map((match) => Number(match[1]));
    expect(domIds).toEqual([31, 32, 33, 34]);
    expect(reply.body[0]!.lists.map((list) => list.id)).toEqual(domIds.slice(1, -1));
  });

  it('leaves out the Premium scope and WIP limits on a Free-like project', async () => {
    const reply = await call<(Json & { lists: Json[] })[]>(sandbox(), '/api/v4/projects/lens-demo%2Finfra/boards');
    const [board] = reply.body;
    expect(board).toMatchObject({ id: 4, name: 'Operations', hide_backlog_list: false, hide_closed_list: false, group: null });
    for (const key of ['milestone', 'assignee', 'labels', 'weight']) expect(board).not.toHaveProperty(key);
    expect(Object.keys(board!.lists[0]!).sort()).toEqual(['id', 'label', 'position']);
  });

  it('lists group boards with the group and no project', async () => {
    const reply = await call<(Json & { lists: Json[] })[]>(sandbox(), '/api/v4/groups/lens-demo/boards');
    expect(reply.body).toHaveLength(1);
    expect(reply.body[0]).toMatchObject({ id: 5, name: 'Team board', project: null, group: { id: 100, name: 'Lens Demo' }, milestone: null, labels: [] });
    expect(Object.keys(reply.body[0]!.group as Json).sort()).toEqual(['id', 'name', 'web_url']);
    expect(reply.body[0]!.lists.map((list) => list.id)).toEqual([52, 53]);
  });

  it('paginates and hides private projects from strangers', async () => {
    const sb = sandbox();
    const page2 = await call<Json[]>(sb, '/api/v4/projects/201/boards?per_page=1&page=2');
    expect(page2.body.map((board) => board.id)).toEqual([2]);
    expect(page2.headers.get('x-total-pages')).toBe('2');
    expect(page2.headers.get('x-next-page')).toBe('');
    const anonymous = await call(sb, '/api/v4/projects/201/boards', { token: null });
    expect(anonymous.status).toBe(404);
    expect(anonymous.body).toEqual({ message: '404 Project Not Found' });
  });
});

describe('editing an issue (Suggested DRI: Assign)', () => {
  const sandbox = useSandbox();
  type IssueReply = { assignees: Array<{ username: string }> };

  it('sets assignee_ids with an api token, Premium keeping several, and drops non-members', async () => {
    const sb = sandbox();
    const [first, second] = sb.data.membersOf({ type: 'project', id: 201 }).map((record) => record.user);
    const answer = await call<IssueReply>(sb, '/api/v4/projects/201/issues/1', { method: 'PUT', json: { assignee_ids: [first!.id, second!.id, 999_999] } });
    expect(answer.status).toBe(200);
    expect(answer.body.assignees.map((user) => user.username)).toEqual([first!.username, second!.username]);
    expect(sb.data.issue(201, 1)?.assignee_ids).toEqual([first!.id, second!.id]);
  });

  it('keeps one assignee on Free, as GitLab does', async () => {
    const sb = sandbox();
    const [first, second] = sb.data.membersOf({ type: 'project', id: 203 }).map((record) => record.user);
    const answer = await call<IssueReply>(sb, '/api/v4/projects/203/issues/1', { method: 'PUT', json: { assignee_ids: [first!.id, second!.id] } });
    expect(answer.body.assignees.map((user) => user.username)).toEqual([first!.username]);
  });

  it('refuses a read_api token with insufficient_scope and changes nothing', async () => {
    const sb = sandbox();
    const before = [...(sb.data.issue(201, 1)?.assignee_ids ?? [])];
    const answer = await call<{ error: string; scope: string }>(sb, '/api/v4/projects/201/issues/1', { method: 'PUT', token: READ_TOKEN, json: { assignee_ids: [] } });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ error: 'insufficient_scope', scope: 'api' });
    expect(sb.data.issue(201, 1)?.assignee_ids).toEqual(before);
  });
});

describe('merge request diffs (Suggested DRI: paths a related MR changed)', () => {
  const sandbox = useSandbox();

  it('lists the changed files of one MR, and 404 for an MR that does not exist', async () => {
    const sb = sandbox();
    const { mergeRequests } = sb.controls.addFixtures({ project: 'lens-demo/web-app', mergeRequests: [{ title: 'Cache', changes: ['lib/cache/store.rb', 'docs/cache.md'] }] });
    const iid = mergeRequests![0]!.iid;
    const diffs = await call<Array<{ new_path: string; old_path: string; diff: string }>>(sb, `/api/v4/projects/201/merge_requests/${iid}/diffs`);
    expect(diffs.status).toBe(200);
    expect(diffs.body.map((diff) => diff.new_path)).toEqual(['lib/cache/store.rb', 'docs/cache.md']);
    expect((await call(sb, '/api/v4/projects/201/merge_requests/99999/diffs')).status).toBe(404);
  });
});
