// JSON entities shaped like GitLab's (lib/api/entities/*; the documented example responses they
// must match are in test/fixtures/gitlab-examples).

import { createHash } from 'node:crypto';
import type { Dataset } from '../dataset.ts';
import { parseDate } from '../dates.ts';
import type { Group, Membership, Milestone, Project, User } from '../types.ts';

export const avatarUrl = (base: string, user: User): string => `${base}/uploads/-/system/user/avatar/${user.id}/avatar.png`;

/** Entities::UserBasic. */
export function userBasic(base: string, user: User): Record<string, unknown> {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    state: user.state,
    locked: false,
    avatar_url: avatarUrl(base, user),
    web_url: `${base}/${user.username}`,
  };
}

export function userRef(data: Dataset, base: string, id: number | null): Record<string, unknown> | null {
  const user = id === null ? undefined : data.user(id);
  return user ? userBasic(base, user) : null;
}

/** Entities::UserPublic, what GET /user answers. */
export function currentUser(base: string, user: User, accessLevel: number): Record<string, unknown> {
  return {
    ...userBasic(base, user),
    created_at: user.created_at,
    bio: '',
    location: '',
    public_email: null,
    linkedin: '',
    twitter: '',
    discord: '',
    website_url: '',
    organization: 'Lens Demo',
    job_title: user.job_title,
    pronouns: null,
    bot: false,
    work_information: null,
    local_time: null,
    last_sign_in_at: user.created_at,
    confirmed_at: user.created_at,
    last_activity_on: user.created_at.slice(0, 10),
    email: `${user.username}@lens-demo.example`,
    theme_id: 1,
    color_scheme_id: 1,
    projects_limit: 100000,
    current_sign_in_at: user.created_at,
    identities: [],
    can_create_group: accessLevel >= 50,
    can_create_project: true,
    two_factor_enabled: false,
    external: false,
    private_profile: false,
    commit_email: `${user.username}@lens-demo.example`,
  };
}

export function milestoneEntity(base: string, data: Dataset, milestone: Milestone): Record<string, unknown> {
  const owner = milestone.project_id !== null ? data.project(milestone.project_id) : undefined;
  const group = milestone.group_id !== null ? data.group(milestone.group_id) : undefined;
  const webUrl = owner
    ? `${base}/${owner.path_with_namespace}/-/milestones/${milestone.iid}`
    : `${base}/groups/${group?.full_path ?? ''}/-/milestones/${milestone.iid}`;
  return {
    id: milestone.id,
    iid: milestone.iid,
    ...(milestone.project_id !== null ? { project_id: milestone.project_id } : { group_id: milestone.group_id }),
    title: milestone.title,
    description: milestone.description,
    state: milestone.state,
    created_at: milestone.created_at,
    updated_at: milestone.updated_at,
    due_date: milestone.due_date,
    start_date: milestone.start_date,
    expired: milestone.due_date !== null && parseDate(milestone.due_date) < parseDate(data.now.toISOString().slice(0, 10)),
    web_url: webUrl,
  };
}

export function groupEntity(base: string, group: Group): Record<string, unknown> {
  return {
    id: group.id,
    web_url: `${base}/groups/${group.full_path}`,
    name: group.name,
    path: group.path,
    description: group.description,
    visibility: 'private',
    share_with_group_lock: false,
    require_two_factor_authentication: false,
    project_creation_level: 'developer',
    subgroup_creation_level: 'maintainer',
    lfs_enabled: true,
    default_branch: null,
    request_access_enabled: true,
    full_name: group.name,
    full_path: group.full_path,
    created_at: group.created_at,
    parent_id: null,
    avatar_url: null,
  };
}

export function projectEntity(base: string, data: Dataset, project: Project): Record<string, unknown> {
  const group = data.groupOf(project);
  const webUrl = `${base}/${project.path_with_namespace}`;
  const openIssues = data.issuesOf(project.id).reduce((count, issue) => count + (issue.state === 'opened' ? 1 : 0), 0);
  const lastActivity = data.issuesOf(project.id).reduce((latest, issue) => (issue.updated_at > latest ? issue.updated_at : latest), project.created_at);
  const apiBase = `${base}/api/v4/projects/${project.id}`;
  return {
    id: project.id,
    description: project.description,
    name: project.name,
    name_with_namespace: `${group?.name ?? ''} / ${project.name}`,
    path: project.path,
    path_with_namespace: project.path_with_namespace,
    created_at: project.created_at,
    default_branch: project.default_branch,
    tag_list: [],
    topics: [],
    ssh_url_to_repo: `git@${new URL(base).hostname}:${project.path_with_namespace}.git`,
    http_url_to_repo: `${webUrl}.git`,
    web_url: webUrl,
    readme_url: `${webUrl}/-/blob/${project.default_branch}/README.md`,
    forks_count: 0,
    avatar_url: null,
    star_count: 0,
    last_activity_at: lastActivity,
    namespace: {
      id: project.namespace_id,
      name: group?.name ?? '',
      path: group?.path ?? '',
      kind: 'group',
      full_path: group?.full_path ?? '',
      parent_id: null,
      avatar_url: null,
      web_url: `${base}/groups/${group?.full_path ?? ''}`,
    },
    visibility: 'private',
    empty_repo: false,
    archived: false,
    issues_enabled: true,
    merge_requests_enabled: true,
    open_issues_count: openIssues,
    _links: {
      self: apiBase,
      issues: `${apiBase}/issues`,
      merge_requests: `${apiBase}/merge_requests`,
      repo_branches: `${apiBase}/repository/branches`,
      labels: `${apiBase}/labels`,
      events: `${apiBase}/events`,
      members: `${apiBase}/members`,
    },
  };
}

export function memberEntity(base: string, data: Dataset, user: User, membership: Membership): Record<string, unknown> {
  return {
    ...userBasic(base, user),
    created_at: membership.created_at,
    created_by: userRef(data, base, membership.created_by_id),
    expires_at: membership.expires_at,
    access_level: membership.access_level,
    group_saml_identity: null,
    membership_state: 'active',
  };
}

/** Stable fake commit SHA for a record. */
export function fakeSha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex');
}

/** Gitlab::TimeTrackingFormatter: 8-hour days, 5-day weeks ("1w 2d 3h 30m"). */
export function humanDuration(seconds: number): string | null {
  if (seconds <= 0) return null;
  const units: [string, number][] = [['mo', 4 * 5 * 8 * 3600], ['w', 5 * 8 * 3600], ['d', 8 * 3600], ['h', 3600], ['m', 60]];
  let rest = seconds;
  const parts: string[] = [];
  for (const [unit, size] of units) {
    const amount = Math.floor(rest / size);
    if (amount > 0) parts.push(`${amount}${unit}`);
    rest -= amount * size;
  }
  return parts.join(' ') || null;
}
