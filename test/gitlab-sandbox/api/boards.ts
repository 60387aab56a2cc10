// GET /projects/:id/boards and GET /groups/:id/boards (doc/api/boards.md, doc/api/group_boards.md),
// shaped after lib/api/entities/board.rb, list.rb, label_basic.rb and their EE prepends:
// - `lists` is `board.destroyable_lists`: the label lists only. The Open (backlog) and Closed lists
//   are not destroyable, so the API never shows them ("Does not include `open` and `closed` lists").
// - EE exposes `group` on every board (null on project boards); the board scope (`milestone`,
//   `assignee`, `labels`, `weight`) only with the `scoped_issue_board` feature, and the WIP limits
//   (`max_issue_count`, `max_issue_weight`, `limit_metric`) only with `wip_limits`: both Premium,
//   so a Free-like project's boards carry neither.

import type { ApiRequest, ApiResult } from '../http.ts';
import { escapeHtml } from '../pages/html.ts';
import type { Board, BoardList, Label } from '../types.ts';
import { listResult, visibleGroup, visibleProject } from './access.ts';
import { groupEntity, projectEntity } from './serialize.ts';

/** Entities::LabelBasic. */
function labelBasic(label: Label | undefined, name: string): Record<string, unknown> {
  const description = label?.description ?? null;
  return {
    id: label?.id ?? 0,
    name,
    description,
    text_color: label?.text_color ?? '#FFFFFF',
    description_html: description ? `<p dir="auto">${escapeHtml(description)}</p>` : '',
    color: label?.color ?? '#808080',
  };
}

function listEntity(list: BoardList, labels: readonly Label[], premium: boolean): Record<string, unknown> {
  const name = list.label ?? '';
  return {
    id: list.id,
    label: list.label === null ? null : labelBasic(labels.find((label) => label.name === name), name),
    position: list.position,
    ...(premium ? { max_issue_count: 0, max_issue_weight: 0, limit_metric: null } : {}),
  };
}

interface BoardContext {
  project: Record<string, unknown> | null;
  group: Record<string, unknown> | null;
  labels: readonly Label[];
  premium: boolean;
}

function boardEntity(board: Board, context: BoardContext): Record<string, unknown> {
  // Board::destroyable_lists, ordered by list_type then position.
  const lists = board.lists.filter((list) => list.list_type === 'label').sort((a, b) => a.position - b.position);
  return {
    id: board.id,
    name: board.name,
    // The sandbox's boards never hide Open or Closed.
    hide_backlog_list: false,
    hide_closed_list: false,
    project: context.project,
    lists: lists.map((list) => listEntity(list, context.labels, context.premium)),
    group: context.group,
    // No sandbox board is scoped: a Premium board answers the empty scope.
    ...(context.premium ? { milestone: null, assignee: null, labels: [], weight: null } : {}),
  };
}

const byId = (a: Board, b: Board): number => a.id - b.id;

// Entities::BasicProjectDetails: the project entity without the Entities::Project extras.
const BASIC_PROJECT_KEYS = [
  'id', 'description', 'name', 'name_with_namespace', 'path', 'path_with_namespace', 'created_at', 'default_branch', 'tag_list', 'topics',
  'ssh_url_to_repo', 'http_url_to_repo', 'web_url', 'readme_url', 'forks_count', 'avatar_url', 'star_count', 'last_activity_at', 'namespace',
];

const pick = (entity: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(keys.filter((key) => key in entity).map((key) => [key, entity[key]]));

export function listProjectBoards(req: ApiRequest): ApiResult {
  const project = visibleProject(req);
  const context: BoardContext = {
    project: pick(projectEntity(req.baseUrl, req.data, project), BASIC_PROJECT_KEYS),
    group: null,
    labels: req.data.labelsFor(project),
    premium: project.tier === 'premium',
  };
  const boards = req.data.boards.filter((board) => board.project_id === project.id).sort(byId);
  return listResult(req, boards, (board) => boardEntity(board, context));
}

export function listGroupBoards(req: ApiRequest): ApiResult {
  const group = visibleGroup(req);
  const context: BoardContext = {
    project: null,
    group: pick(groupEntity(req.baseUrl, group), ['id', 'web_url', 'name']), // Entities::BasicGroupDetails
    labels: req.data.labels.filter((label) => label.group_id === group.id),
    premium: group.tier === 'premium',
  };
  const boards = req.data.boards.filter((board) => board.group_id === group.id).sort(byId);
  return listResult(req, boards, (board) => boardEntity(board, context));
}
