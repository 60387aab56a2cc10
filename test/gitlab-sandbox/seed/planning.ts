// Group, projects, labels, milestones (two-week sprints), epics and boards.

import { DAY, isoDate, isoTime, startOfDay } from '../dates.ts';
import type { Board, Epic, Group, GroupWorkItem, Label, Milestone, Project } from '../types.ts';
import {
  API_SERVICE_CODEOWNERS,
  GROUP_ID,
  GROUP_LABELS,
  GROUP_PATH,
  PROJECTS,
  TEAM_CONFIG_JSON,
  WEB_APP_CODEOWNERS,
  WORKFLOW_LABELS,
  userId,
} from './catalog.ts';

export const HISTORY_DAYS = 182;
export const SPRINT_DAYS = 14;

export function seedGroup(now: number): Group {
  return {
    id: GROUP_ID,
    name: 'Lens Demo',
    path: GROUP_PATH,
    full_path: GROUP_PATH,
    description: 'Demo organisation for Engineering Lens for GitLab.',
    created_at: isoTime(now - 1000 * DAY),
    tier: 'premium',
  };
}

export function seedProjects(now: number): Project[] {
  return PROJECTS.map((spec) => {
    const files = new Map<string, string>();
    for (const path of spec.paths) files.set(path, `# ${path}\n`);
    files.set('README.md', `# ${spec.name}\n\n${spec.description}\n`);
    if (spec.path === 'web-app') {
      files.set('.gitlab/CODEOWNERS', WEB_APP_CODEOWNERS);
      files.set('.lens/team.json', TEAM_CONFIG_JSON);
    }
    if (spec.path === 'api-service') files.set('docs/CODEOWNERS', API_SERVICE_CODEOWNERS);
    return {
      id: spec.id,
      name: spec.name,
      path: spec.path,
      path_with_namespace: `${GROUP_PATH}/${spec.path}`,
      namespace_id: GROUP_ID,
      description: spec.description,
      default_branch: 'main',
      created_at: isoTime(now - 900 * DAY),
      tier: spec.tier,
      files,
    };
  });
}

/** Dark text on light label colours, white on dark ones. */
export const labelTextColor = (color: string): string => (parseInt(color.slice(1), 16) > 0xa0a0a0 ? '#1F1E24' : '#FFFFFF');

export function seedLabels(): Label[] {
  const labels: Label[] = [];
  const textColor = labelTextColor;
  for (const spec of GROUP_LABELS) {
    labels.push({ id: labels.length + 1, ...spec, text_color: textColor(spec.color), group_id: GROUP_ID, project_id: null });
  }
  for (const project of PROJECTS) {
    for (const spec of project.projectLabels) {
      labels.push({ id: labels.length + 1, ...spec, text_color: textColor(spec.color), group_id: null, project_id: project.id });
    }
  }
  return labels;
}

/** Group sprints covering the history plus two upcoming ones, and a few project releases. */
export function seedMilestones(now: number): Milestone[] {
  const milestones: Milestone[] = [];
  const first = startOfDay(now) - HISTORY_DAYS * DAY;
  const sprintCount = Math.ceil((HISTORY_DAYS + 2 * SPRINT_DAYS) / SPRINT_DAYS);
  for (let n = 0; n < sprintCount; n++) {
    const start = first + n * SPRINT_DAYS * DAY;
    const due = start + (SPRINT_DAYS - 1) * DAY;
    milestones.push({
      id: 301 + n,
      iid: n + 1,
      group_id: GROUP_ID,
      project_id: null,
      title: `Sprint ${n + 1}`,
      description: `Two-week sprint ${n + 1}.`,
      state: due < startOfDay(now) ? 'closed' : 'active',
      created_at: isoTime(start - 7 * DAY),
      updated_at: isoTime(Math.min(now, due + DAY)),
      start_date: isoDate(start),
      due_date: isoDate(due),
    });
  }
  const release = (id: number, iid: number, projectId: number, title: string, startDays: number, dueDays: number): Milestone => ({
    id,
    iid,
    group_id: null,
    project_id: projectId,
    title,
    description: `${title} release.`,
    state: now + dueDays * DAY < now ? 'closed' : 'active',
    created_at: isoTime(now + (startDays - 10) * DAY),
    updated_at: isoTime(now + Math.min(0, dueDays) * DAY),
    start_date: isoDate(now + startDays * DAY),
    due_date: isoDate(now + dueDays * DAY),
  });
  milestones.push(release(401, 1, 201, 'Release 2.0', -75, -30));
  milestones.push(release(402, 2, 201, 'Release 2.1', -29, 20));
  milestones.push(release(403, 1, 202, 'v3 API', -60, 45));
  return milestones;
}

export function seedEpics(now: number): Epic[] {
  const at = (days: number): string => isoTime(now + days * DAY);
  const epic = (iid: number, title: string, parentIid: number | null, opts: Partial<Epic> = {}): Epic => ({
    id: 500 + iid,
    iid,
    work_item_id: 9000 + iid,
    group_id: GROUP_ID,
    parent_id: parentIid === null ? null : 500 + parentIid,
    title,
    description: `${title}.`,
    state: 'opened',
    author_id: userId('ava.chen'),
    created_at: at(-150 + iid),
    updated_at: at(-3),
    closed_at: null,
    start_date: isoDate(now - 120 * DAY),
    due_date: isoDate(now + 45 * DAY),
    labels: [],
    color: '#1068bf',
    upvotes: iid % 3,
    ...opts,
  });
  return [
    epic(1, 'Platform reliability (Q3 objective)', null, { labels: ['type::maintenance'], author_id: userId('ava.chen') }),
    epic(2, 'Checkout performance', 1, { labels: ['type::maintenance'], author_id: userId('carla.diaz') }),
    epic(3, 'Database resilience', 1, { labels: ['type::maintenance'], author_id: userId('ben.okafor'), due_date: isoDate(now + 10 * DAY) }),
    epic(4, 'Observability v2', 1, { author_id: userId('farid.haddad') }),
    epic(5, 'Search relevance', null, { labels: ['type::feature'], author_id: userId('kofi.mensah') }),
    epic(6, 'Design system refresh', null, {
      labels: ['type::feature'],
      state: 'closed',
      closed_at: at(-20),
      start_date: isoDate(now - 170 * DAY),
      due_date: isoDate(now - 25 * DAY),
      author_id: userId('carla.diaz'),
    }),
  ];
}

/** A group-level issue beside the epics (an iid no epic has): not an epic, so no epic overlay. */
export function seedGroupWorkItems(now: number): GroupWorkItem[] {
  return [
    {
      id: 9101,
      iid: 12,
      group_id: GROUP_ID,
      type: 'Issue',
      title: 'Quarterly access review',
      description: 'Review who can reach production.',
      state: 'opened',
      author_id: userId('ava.chen'),
      created_at: isoTime(now - 12 * DAY),
      labels: ['type::maintenance'],
    },
  ];
}

/** Epics that hold issues (the top epic holds only child epics). */
export const LEAF_EPIC_IDS = [502, 503, 504, 505, 506];

export function seedBoards(): Board[] {
  const lists = (boardId: number): Board['lists'] => [
    { id: boardId * 10 + 1, list_type: 'backlog', label: null, position: -Infinity },
    { id: boardId * 10 + 2, list_type: 'label', label: WORKFLOW_LABELS[0], position: 0 },
    { id: boardId * 10 + 3, list_type: 'label', label: WORKFLOW_LABELS[1], position: 1 },
    { id: boardId * 10 + 4, list_type: 'closed', label: null, position: Infinity },
  ];
  const board = (id: number, name: string, projectId: number | null, extra: Partial<Board> = {}): Board => ({
    id,
    name,
    project_id: projectId,
    group_id: projectId === null ? GROUP_ID : null,
    lists: lists(id),
    card_target: null,
    page_size: 20,
    ...extra,
  });
  return [
    board(1, 'Development', 201),
    board(2, 'Scale test (1,000 cards)', 201, { card_target: 1000, page_size: 1000 }),
    board(3, 'Development', 202),
    board(4, 'Operations', 203),
    board(5, 'Team board', null),
  ];
}
