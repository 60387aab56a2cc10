// Which issues an issue board shows in which list, from the board's REST payload and the issues
// themselves, following doc/user/project/issue_board.md ("Issue board terminology") and the
// services behind it (app/services/boards/issues/list_service.rb and its EE prepend):
// - the board scope (Premium "Configurable issue boards": milestone, labels, assignee, weight)
//   filters every list, Open and Closed included;
// - a label list holds the open issues with its label, an assignee list the open issues assigned
//   to its user, a milestone list the open issues in its milestone. An issue matching several lists
//   appears in each of them;
// - Open holds the open issues that belong to none of the other lists, Closed every closed issue;
//   a board may hide either (`hide_backlog_list`, `hide_closed_list`).

import type { GitLabBoard, GitLabBoardList } from '../gitlab/schemas';

export interface BoardIssue {
  /** Full reference, e.g. 'group/project#12'. */
  key: string;
  state: 'opened' | 'closed';
  labels: readonly string[];
  assigneeUsernames: readonly string[];
  milestoneTitle: string | null;
  weight: number | null;
}

/** 'backlog' is GitLab's Open list, 'closed' its Closed list, a number the API list id. */
export type BoardListKey = 'backlog' | 'closed' | number;

/** Board weight scope values that are not a weight (ee boards weight_select.vue). */
const ANY_WEIGHT = -1;
const NO_WEIGHT = -2;

function inScope(board: GitLabBoard, issue: BoardIssue): boolean {
  const { milestone, assignee, weight } = board;
  // "Upcoming" / "Started" scopes come without an id and depend on milestone dates the issue does
  // not carry: not applied (see boardMembershipCaveats).
  if (milestone && milestone.id !== null && issue.milestoneTitle !== milestone.title) return false;
  // Label names compare exactly: GitLab matches the label itself, and names are case-sensitive.
  if (!board.labels.every((label) => issue.labels.includes(label))) return false;
  if (assignee && !issue.assigneeUsernames.includes(assignee.username)) return false;
  if (weight === NO_WEIGHT) return issue.weight === null;
  if (weight !== null && weight !== ANY_WEIGHT) return issue.weight === weight;
  return true;
}

function inList(list: GitLabBoardList, issue: BoardIssue): boolean {
  if (issue.state !== 'opened') return false;
  switch (list.list_type) {
    case 'label':
      return list.label !== null && issue.labels.includes(list.label.name);
    case 'assignee':
      return list.assignee !== null && issue.assigneeUsernames.includes(list.assignee.username);
    case 'milestone':
      return list.milestone !== null && issue.milestoneTitle === list.milestone.title;
    default:
      // Iteration lists need the issue's iteration, which BoardIssue does not carry; they stay
      // empty, and their issues fall into Open (see boardMembershipCaveats). Unknown kinds too.
      return false;
  }
}

/**
 * The issues of each list: Open first (unless hidden), then the API lists by position, then
 * Closed (unless hidden). Issues outside the board scope are in no list.
 */
export function boardListMembership(board: GitLabBoard, issues: readonly BoardIssue[]): Map<BoardListKey, BoardIssue[]> {
  const lists = [...board.lists].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const result = new Map<BoardListKey, BoardIssue[]>();
  if (!board.hide_backlog_list) result.set('backlog', []);
  for (const list of lists) result.set(list.id, []);
  if (!board.hide_closed_list) result.set('closed', []);

  for (const issue of issues) {
    if (!inScope(board, issue)) continue;
    if (issue.state === 'closed') {
      result.get('closed')?.push(issue);
      continue;
    }
    let listed = false;
    for (const list of lists) {
      if (!inList(list, issue)) continue;
      result.get(list.id)?.push(issue);
      listed = true;
    }
    if (!listed) result.get('backlog')?.push(issue);
  }
  return result;
}

export type BoardMembershipCaveat = 'iteration-lists' | 'unknown-lists' | 'milestone-special-scope';

/**
 * Where boardListMembership cannot follow GitLab for this board, so callers can say the split is
 * approximate: iteration lists (kept empty, their issues counted in Open), list kinds the payload
 * does not identify, and an "Upcoming" / "Started" milestone scope (not applied).
 */
export function boardMembershipCaveats(board: GitLabBoard): BoardMembershipCaveat[] {
  const caveats: BoardMembershipCaveat[] = [];
  if (board.lists.some((list) => list.list_type === 'iteration')) caveats.push('iteration-lists');
  if (board.lists.some((list) => !['label', 'assignee', 'milestone', 'iteration'].includes(list.list_type))) caveats.push('unknown-lists');
  if (board.milestone && board.milestone.id === null) caveats.push('milestone-special-scope');
  return caveats;
}

const LIST_GID = /^gid:\/\/gitlab\/List\/(\d+)$/;

function listIdOf(gid: string): number | null {
  const match = LIST_GID.exec(gid.trim());
  return match?.[1] ? Number(match[1]) : null;
}

/**
 * The list a board column is, from its `data-list-id` (board_column.vue). The DOM has every list,
 * the API only the destroyable ones: a column whose id the API lists is that list; one it does not
 * is Open when it comes before every API list and Closed when after, since GitLab always renders
 * Open leftmost and Closed rightmost (issue_board.md). `domOrder` holds the columns' list gids in
 * page order. Null when the gid does not parse, is not in `domOrder`, or its place says nothing.
 */
export function domListKey(listGid: string, apiListIds: readonly number[], domOrder: readonly string[]): BoardListKey | null {
  const id = listIdOf(listGid);
  if (id === null) return null;
  if (apiListIds.includes(id)) return id;
  const order = domOrder.map(listIdOf);
  const index = order.indexOf(id);
  if (index === -1) return null;
  const apiIndexes = order.flatMap((other, i) => (other !== null && apiListIds.includes(other) ? [i] : []));
  if (apiIndexes.length === 0) {
    // No API list on the page: only a board showing exactly Open and Closed can be told apart.
    const columns = order.filter((other) => other !== null);
    if (columns.length !== 2) return null;
    return id === columns[0] ? 'backlog' : 'closed';
  }
  if (index < Math.min(...apiIndexes)) return 'backlog';
  if (index > Math.max(...apiIndexes)) return 'closed';
  return null;
}
