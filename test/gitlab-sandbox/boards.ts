// Board contents (which issue is in which list), card moves, and topping a project up with
// backlog issues so the scale board really shows 1,000 cards.

import type { Dataset } from './dataset.ts';
import { MINUTE, isoTime } from './dates.ts';
import { addIssue } from './fixtures.ts';
import { createRandom, deriveSeed } from './prng.ts';
import { PROJECTS, SENIOR_ENGINEERS, userId } from './seed/catalog.ts';
import type { Board, BoardList, Issue, Project } from './types.ts';

export interface BoardColumn {
  list: BoardList;
  /** "Open", the label name, or "Closed". */
  title: string;
  issues: Issue[];
}

export function boardProjects(data: Dataset, board: Board): Project[] {
  if (board.project_id !== null) {
    const project = data.project(board.project_id);
    return project ? [project] : [];
  }
  return board.group_id === null ? [] : data.projectsOfGroup(board.group_id);
}

/** GitLab's list rules: label lists hold open issues with the label, Open holds open issues with no list label. */
export function boardColumns(data: Dataset, board: Board, maxCards?: number): BoardColumn[] {
  const issues = boardProjects(data, board).flatMap((project) => data.issuesOf(project.id));
  const listLabels = board.lists.flatMap((list) => (list.label ? [list.label] : []));
  const byPosition = (a: Issue, b: Issue): number => a.relative_position - b.relative_position || b.id - a.id;
  const columns = [...board.lists]
    .sort((a, b) => a.position - b.position)
    .map((list): BoardColumn => {
      if (list.list_type === 'closed') {
        const closed = issues.filter((issue) => issue.state === 'closed');
        return { list, title: 'Closed', issues: closed.sort((a, b) => (b.closed_at ?? '').localeCompare(a.closed_at ?? '') || b.id - a.id) };
      }
      if (list.list_type === 'label' && list.label) {
        const label = list.label;
        return { list, title: label, issues: issues.filter((issue) => issue.state === 'opened' && issue.labels.includes(label)).sort(byPosition) };
      }
      const open = issues.filter((issue) => issue.state === 'opened' && !issue.labels.some((label) => listLabels.includes(label)));
      return { list, title: 'Open', issues: open.sort(byPosition) };
    });
  if (maxCards !== undefined) trimColumns(columns, maxCards);
  return columns;
}

/** Keeps at most `max` cards, trimming the Closed list first, then the others from the right. */
function trimColumns(columns: BoardColumn[], max: number): void {
  let excess = columns.reduce((sum, column) => sum + column.issues.length, 0) - max;
  const order = [...columns].sort((a, b) => Number(b.list.list_type === 'closed') - Number(a.list.list_type === 'closed'));
  for (const column of order) {
    if (excess <= 0) return;
    const cut = Math.min(excess, column.issues.length);
    column.issues = column.issues.slice(0, column.issues.length - cut);
    excess -= cut;
  }
}

/**
 * Adds deterministic backlog issues until the project has `count` issues (created in the last
 * hours, no due date or milestone, so KPIs over the seeded history barely move). Returns how many
 * were added.
 */
export function ensureIssueCount(data: Dataset, project: Project, count: number): number {
  const missing = count - data.issuesOf(project.id).length;
  if (missing <= 0) return 0;
  const spec = PROJECTS.find((candidate) => candidate.id === project.id);
  const areas = spec?.areas ?? ['backlog'];
  const rnd = createRandom(deriveSeed(data.options.seed, `filler:${project.id}:${data.issuesOf(project.id).length}`));
  // The dataset's own `now` (not the wall clock) keeps the filler deterministic.
  const now = data.now.getTime();
  for (let k = 0; k < missing; k++) {
    const created = now - (missing - k) * MINUTE;
    const closed = rnd.chance(0.15);
    const labels: string[] = [rnd.weighted([['type::feature', 5], ['type::maintenance', 3], ['type::bug', 2]] as const)];
    const workflow = closed ? null : rnd.weighted<string | null>([['workflow::in dev', 2], ['workflow::in review', 1], [null, 5]]);
    if (workflow) labels.push(workflow);
    addIssue(data, project.id, {
      title: `Backlog: ${rnd.pick(areas)} follow-up ${k + 1}`,
      description: 'Backlog item added so the scale board has enough cards.',
      created_at: isoTime(created),
      state: closed ? 'closed' : 'opened',
      closed_at: closed ? isoTime(created + 30_000) : null,
      labels,
      assignees: rnd.chance(0.7) ? [userId(rnd.pick(SENIOR_ENGINEERS))] : [],
      author: userId('kofi.mensah'),
      weight: project.tier === 'premium' ? rnd.int(1, 5) : null,
    });
  }
  return missing;
}

export class BoardMoveError extends Error {}

/** Moves a card between lists the way GitLab's board mutation changes the issue. */
export function moveCard(data: Dataset, board: Board, issue: Issue, fromListId: number | null, toListId: number, actorId: number): void {
  const to = board.lists.find((list) => list.id === toListId);
  if (!to) throw new BoardMoveError(`board ${board.id} has no list ${toListId}`);
  const from = fromListId === null ? undefined : board.lists.find((list) => list.id === fromListId);
  const listLabels = board.lists.flatMap((list) => (list.label ? [list.label] : []));
  const now = isoTime(data.clock());
  if (from?.label) issue.labels = issue.labels.filter((label) => label !== from.label);
  if (to.list_type === 'backlog') issue.labels = issue.labels.filter((label) => !listLabels.includes(label));
  if (to.label && !issue.labels.includes(to.label)) issue.labels.push(to.label);
  if (to.list_type === 'closed' && issue.state === 'opened') {
    issue.state = 'closed';
    issue.closed_at = now;
    issue.closed_by_id = actorId;
  } else if (to.list_type !== 'closed' && issue.state === 'closed') {
    issue.state = 'opened';
    issue.closed_at = null;
    issue.closed_by_id = null;
  }
  issue.updated_at = now;
  data.touch();
}
