import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  boardSchema,
  epicSchema,
  issueSchema,
  memberSchema,
  mergeRequestSchema,
  parseList,
  tokenInfoSchema,
} from '../../../utils/gitlab/schemas';
import { EXAMPLES_DIR, readExample } from './fake-gitlab';

const listIssues = () => readExample('list_project_issues.json') as Record<string, unknown>[];
const singleIssue = () => readExample('single_project_issue.json') as Record<string, unknown>;

/**
 * The Premium/Ultimate issue fields from issue_ee_fields.jsonc. That file holds doc fragments
 * with `//` comments and "..." placeholders: strip those, split the top-level values, merge them.
 */
function premiumFieldsFromDocs(): Record<string, unknown> {
  const cleaned = readFileSync(join(EXAMPLES_DIR, 'issue_ee_fields.jsonc'), 'utf8')
    .replace(/(^|[\s,])\/\/.*$/gm, '$1') // comments, but not the // in "https://"
    .replace(/^\s*\.\.\.\s*$/gm, '')
    .replace(/,(\s*[}\]])/g, '$1');
  const fragments: unknown[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < cleaned.length; i += 1) {
    const char = cleaned[i];
    if (char === '{' || char === '[') {
      if (depth === 0) start = i;
      depth += 1;
    } else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth === 0) fragments.push(JSON.parse(cleaned.slice(start, i + 1)));
    }
  }
  const objects = fragments.map((f) => (Array.isArray(f) ? f[0] : f) as Record<string, unknown>);
  return Object.assign({}, ...objects);
}

describe('issue schema', () => {
  it('reads GitLab\'s documented list and single issue examples', () => {
    const { items, problems } = parseList(issueSchema, listIssues(), 'issues');
    expect(problems).toEqual([]);
    expect(items[0]).toMatchObject({
      iid: 1,
      project_id: 4,
      due_date: '2016-07-22',
      closed_at: '2016-01-05T15:31:46.176Z',
      milestone: { iid: 3, due_date: null },
      labels: ['foo', 'bar'],
      assignees: [{ username: 'lennie' }],
      issue_type: 'issue',
      references: { full: 'my-group/my-project#1' },
      time_stats: { time_estimate: 0 },
    });
    expect(issueSchema.parse(singleIssue())).toMatchObject({ closed_at: null, due_date: null, closed_by: null });
  });

  it('reads a Premium issue (fields from issue_ee_fields.jsonc) and normalises epic, weight and health', () => {
    const premiumFields = premiumFieldsFromDocs();
    expect(Object.keys(premiumFields)).toEqual(
      expect.arrayContaining(['weight', 'epic_iid', 'epic', 'iteration', 'health_status']),
    );
    expect(issueSchema.parse({ ...listIssues()[0], ...premiumFields }).weight).toBeNull();
    const issue = issueSchema.parse({ ...listIssues()[0], ...premiumFields, weight: 3 });
    expect(issue).toMatchObject({ weight: 3, epic: { iid: 5, group_id: 8 }, health_status: 'at_risk', iteration: { id: 90 } });
    expect(issue).not.toHaveProperty('epic_iid');
  });

  it('reads a Free-tier issue: Premium fields absent become null', () => {
    const issue = issueSchema.parse(listIssues()[0]);
    expect(issue).toMatchObject({ weight: null, epic: null, iteration: null, health_status: null });
  });

  it('folds deprecated fields into their replacements, and works without them', () => {
    const { assignees: _assignees, type: _type, issue_type: _issueType, ...old } = listIssues()[0]!;
    const fromDeprecated = issueSchema.parse({ ...old, epic_iid: 7 });
    expect(fromDeprecated.assignees.map((a) => a.username)).toEqual(['lennie']);
    expect(fromDeprecated.epic).toEqual({ iid: 7 });
    expect(fromDeprecated.issue_type).toBe('issue');

    const { assignee: _assignee, ...modern } = listIssues()[0]!;
    expect(issueSchema.parse({ ...modern, type: 'INCIDENT', issue_type: undefined }).issue_type).toBe('incident');
    expect(issueSchema.parse(modern).assignees).toHaveLength(1);
  });

  it('accepts nulls wherever GitLab may send them', () => {
    const issue = issueSchema.parse({
      ...listIssues()[0],
      description: null,
      milestone: null,
      closed_at: null,
      closed_by: null,
      due_date: null,
      assignee: null,
      weight: null,
      epic: null,
    });
    expect(issue).toMatchObject({ description: null, milestone: null, due_date: null, epic: null });
  });

  it('reports a malformed element with its path and keeps the others', () => {
    const payload = [listIssues()[0], listIssues()[0], listIssues()[0], { ...listIssues()[0], iid: 9, milestone: { ...(listIssues()[0]!.milestone as object), due_date: '2016/07/22' } }];
    const { items, problems } = parseList(issueSchema, payload, 'issues of project 4');
    expect(items).toHaveLength(3);
    expect(problems).toEqual([
      { context: 'issues of project 4', index: 3, path: '[3].milestone.due_date', message: 'Not a YYYY-MM-DD date', id: 41, iid: 9 },
    ]);
  });

  it('reports a payload that is not a list instead of throwing', () => {
    expect(parseList(issueSchema, { message: 'oops' }, 'issues').problems[0]).toMatchObject({ index: -1, message: 'Expected a list, got object' });
  });
});

describe('merge request schema', () => {
  it.each(['list_merge_requests.json', 'list_project_merge_requests.json'])('reads %s', (file) => {
    const { items, problems } = parseList(mergeRequestSchema, readExample(file), 'mrs');
    expect(problems).toEqual([]);
    expect(items[0]).toMatchObject({ merged_at: '2018-09-07T11:16:17.520Z', merge_user: { username: 'DouweM' }, labels: ['Community contribution', 'Manage'] });
  });

  it('uses deprecated merged_by when merge_user is absent, and accepts an unmerged MR', () => {
    const [mr] = readExample('list_merge_requests.json') as Record<string, unknown>[];
    const { merge_user: _mergeUser, ...withoutMergeUser } = mr!;
    expect(mergeRequestSchema.parse(withoutMergeUser).merge_user?.username).toBe('DouweM');
    const open = mergeRequestSchema.parse({ ...withoutMergeUser, merged_by: undefined, merged_at: null, state: 'opened' });
    expect(open).toMatchObject({ merge_user: null, merged_at: null });
  });
});

describe('other schemas', () => {
  it('reads both documented member lists', () => {
    for (const file of ['list_project_members.json', 'list_project_members_all.json']) {
      const { items, problems } = parseList(memberSchema, readExample(file), 'members');
      expect(problems).toEqual([]);
      // created_at is when the membership started (engineer-months of MR rate and Tech contribution).
      expect(items[0]).toMatchObject({ access_level: 30, state: 'active', expires_at: '2012-10-22', created_at: '2012-09-22T14:13:35Z' });
    }
  });

  it('reads the documented epics (with confidential sent as a string)', () => {
    const { items, problems } = parseList(epicSchema, readExample('list_group_epics.json'), 'epics');
    expect(problems).toEqual([]);
    expect(items.map((e) => [e.group_id, e.iid, e.parent_iid, e.work_item_id])).toEqual([
      [7, 4, 3, 1032],
      [17, 35, 1, 1035],
    ]);
  });

  it('reads a token with no expiry', () => {
    const token = tokenInfoSchema.parse({ id: 1, name: 'lens', scopes: ['read_api'], active: true, revoked: false, expires_at: null, created_at: '2024-01-01T00:00:00Z' });
    expect(token).toMatchObject({ scopes: ['read_api'], expires_at: null });
  });
});

describe('board schema', () => {
  it('reads the documented project boards: label lists, the milestone scope, Premium fields optional', () => {
    const { items, problems } = parseList(boardSchema, readExample('list_project_boards.json'), 'boards');
    expect(problems).toEqual([]);
    expect(items[0]).toMatchObject({
      id: 1,
      name: 'board1',
      hide_backlog_list: false,
      hide_closed_list: false,
      milestone: { id: 12, title: '10.0' },
      labels: [],
      assignee: null,
      weight: null,
    });
    expect(items[0]!.lists).toEqual([
      { id: 1, label: { name: 'Testing' }, position: 1, list_type: 'label', assignee: null, milestone: null, iteration: null },
      { id: 2, label: { name: 'Ready' }, position: 2, list_type: 'label', assignee: null, milestone: null, iteration: null },
      { id: 3, label: { name: 'Production' }, position: 3, list_type: 'label', assignee: null, milestone: null, iteration: null },
    ]);
  });

  it('reads the documented scoped board (assignee, labels, weight) and group boards', () => {
    const scoped = boardSchema.parse(readExample('update_project_board.json'));
    expect(scoped).toMatchObject({ name: 'new_name', milestone: { id: 43, title: 'Milestone 1' }, assignee: { id: 1, username: 'root' }, labels: ['Doing'], weight: 4, lists: [] });
    const { items, problems } = parseList(boardSchema, readExample('list_group_boards.json'), 'group boards');
    expect(problems).toEqual([]);
    expect(items[0]?.lists.map((list) => [list.id, list.label?.name, list.list_type])).toEqual([[1, 'Testing', 'label'], [2, 'Ready', 'label'], [3, 'Production', 'label']]);
  });

  it('reads a Free board (no scope, no hide flags) and Premium assignee, milestone and iteration lists', () => {
    const [documented] = readExample('list_project_boards.json') as Record<string, unknown>[];
    const { milestone: _milestone, hide_backlog_list: _backlog, hide_closed_list: _closed, ...free } = documented!;
    expect(boardSchema.parse(free)).toMatchObject({ milestone: null, labels: [], assignee: null, weight: null, hide_backlog_list: false, hide_closed_list: false });
    const board = boardSchema.parse({
      ...free,
      // SpecialBoardFilter: the "Started" milestone scope has a title and no id.
      milestone: { title: 'Started' },
      lists: [
        { id: 7, label: null, position: 0, assignee: { id: 3, username: 'ava', name: 'Ava', state: 'active' } },
        { id: 8, label: null, position: 1, milestone: { id: 12, iid: 2, title: '10.0', state: 'active' } },
        { id: 9, label: null, position: 2, iteration: { id: 40, iid: 4, title: null } },
        { id: 10, label: null, position: 3 },
      ],
    });
    expect(board.milestone).toEqual({ id: null, title: 'Started' });
    expect(board.lists.map((list) => list.list_type)).toEqual(['assignee', 'milestone', 'iteration', 'unknown']);
    expect(board.lists[0]!.assignee).toEqual({ id: 3, username: 'ava' });
  });
});
