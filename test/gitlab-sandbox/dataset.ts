// The in-memory dataset: seeded records plus lookups. Tests read it to compute expectations and
// add records through fixtures.ts (or the same methods here). After mutating a record directly,
// call touch() so cached indexes and list results are rebuilt.

import { seedRecords, type SeedOptions, type SeedRecords } from './seed/index.ts';
import type {
  Board,
  Epic,
  Group,
  GroupWorkItem,
  Issue,
  Label,
  Membership,
  MergeRequest,
  Milestone,
  Project,
  Token,
  User,
} from './types.ts';

interface Indexes {
  issuesByProject: Map<number, Issue[]>;
  issueByProjectIid: Map<number, Map<number, Issue>>;
  mergeRequestsByProject: Map<number, MergeRequest[]>;
  mergeRequestsByIssueId: Map<number, MergeRequest[]>;
  usersById: Map<number, User>;
  milestonesById: Map<number, Milestone>;
  epicsById: Map<number, Epic>;
}

export interface MemberRecord {
  user: User;
  membership: Membership;
}

export class Dataset implements SeedRecords {
  users: User[] = [];
  memberships: Membership[] = [];
  tokens: Token[] = [];
  groups: Group[] = [];
  projects: Project[] = [];
  labels: Label[] = [];
  milestones: Milestone[] = [];
  epics: Epic[] = [];
  groupWorkItems: GroupWorkItem[] = [];
  issues: Issue[] = [];
  mergeRequests: MergeRequest[] = [];
  boards: Board[] = [];
  /** Bumped by touch(); list caches key on it. */
  version = 0;
  readonly options: SeedOptions;
  private indexes: Indexes | null = null;
  private readonly startedAt = Date.now();

  constructor(options: SeedOptions) {
    this.options = options;
    Object.assign(this, seedRecords(options));
  }

  /** The dataset's `now`. */
  get now(): Date {
    return this.options.now;
  }

  /** Current time (records added later, token expiry): `now` advanced by the wall-clock time since start. */
  clock(): number {
    return this.options.now.getTime() + (Date.now() - this.startedAt);
  }

  /** Regenerates every record from the seed, in place (references to this object stay valid). */
  reset(): void {
    Object.assign(this, seedRecords(this.options));
    this.touch();
  }

  touch(): void {
    this.version++;
    this.indexes = null;
  }

  private get index(): Indexes {
    if (this.indexes) return this.indexes;
    const issuesByProject = new Map<number, Issue[]>();
    const issueByProjectIid = new Map<number, Map<number, Issue>>();
    for (const issue of this.issues) {
      let list = issuesByProject.get(issue.project_id);
      let byIid = issueByProjectIid.get(issue.project_id);
      if (!list || !byIid) {
        list = [];
        byIid = new Map();
        issuesByProject.set(issue.project_id, list);
        issueByProjectIid.set(issue.project_id, byIid);
      }
      list.push(issue);
      byIid.set(issue.iid, issue);
    }
    for (const list of issuesByProject.values()) list.sort((a, b) => a.iid - b.iid);
    const mergeRequestsByProject = new Map<number, MergeRequest[]>();
    const mergeRequestsByIssueId = new Map<number, MergeRequest[]>();
    for (const mergeRequest of this.mergeRequests) {
      const list = mergeRequestsByProject.get(mergeRequest.project_id) ?? [];
      list.push(mergeRequest);
      mergeRequestsByProject.set(mergeRequest.project_id, list);
      for (const iid of mergeRequest.closes_issue_iids) {
        const issue = issueByProjectIid.get(mergeRequest.project_id)?.get(iid);
        if (!issue) continue;
        const linked = mergeRequestsByIssueId.get(issue.id) ?? [];
        linked.push(mergeRequest);
        mergeRequestsByIssueId.set(issue.id, linked);
      }
    }
    for (const list of mergeRequestsByProject.values()) list.sort((a, b) => a.iid - b.iid);
    this.indexes = {
      issuesByProject,
      issueByProjectIid,
      mergeRequestsByProject,
      mergeRequestsByIssueId,
      usersById: new Map(this.users.map((user) => [user.id, user])),
      milestonesById: new Map(this.milestones.map((milestone) => [milestone.id, milestone])),
      epicsById: new Map(this.epics.map((epic) => [epic.id, epic])),
    };
    return this.indexes;
  }

  user(id: number): User | undefined {
    return this.index.usersById.get(id);
  }

  userByUsername(username: string): User | undefined {
    return this.users.find((user) => user.username === username);
  }

  tokenBySecret(secret: string): Token | undefined {
    return this.tokens.find((token) => token.token === secret);
  }

  /** By numeric id or full path ("lens-demo/web-app"), as GitLab's :id accepts both. */
  project(ref: string | number): Project | undefined {
    const text = String(ref);
    return /^\d+$/.test(text)
      ? this.projects.find((project) => project.id === Number(text))
      : this.projects.find((project) => project.path_with_namespace.toLowerCase() === text.toLowerCase());
  }

  group(ref: string | number): Group | undefined {
    const text = String(ref);
    return /^\d+$/.test(text)
      ? this.groups.find((group) => group.id === Number(text))
      : this.groups.find((group) => group.full_path.toLowerCase() === text.toLowerCase());
  }

  groupOf(project: Project): Group | undefined {
    return this.groups.find((group) => group.id === project.namespace_id);
  }

  projectsOfGroup(groupId: number): Project[] {
    return this.projects.filter((project) => project.namespace_id === groupId);
  }

  /** A project's issues in iid order. */
  issuesOf(projectId: number): Issue[] {
    return this.index.issuesByProject.get(projectId) ?? [];
  }

  issue(projectId: number, iid: number): Issue | undefined {
    return this.index.issueByProjectIid.get(projectId)?.get(iid);
  }

  mergeRequestsOf(projectId: number): MergeRequest[] {
    return this.index.mergeRequestsByProject.get(projectId) ?? [];
  }

  mergeRequest(projectId: number, iid: number): MergeRequest | undefined {
    return this.mergeRequestsOf(projectId).find((mergeRequest) => mergeRequest.iid === iid);
  }

  /** Merge requests whose description closes the issue ("Closes #iid"). */
  mergeRequestsClosing(issue: Issue): MergeRequest[] {
    return this.index.mergeRequestsByIssueId.get(issue.id) ?? [];
  }

  milestone(id: number | null): Milestone | undefined {
    return id === null ? undefined : this.index.milestonesById.get(id);
  }

  epic(id: number | null): Epic | undefined {
    return id === null ? undefined : this.index.epicsById.get(id);
  }

  epicByIid(groupId: number, iid: number): Epic | undefined {
    return this.epics.find((epic) => epic.group_id === groupId && epic.iid === iid);
  }

  groupWorkItem(groupId: number, iid: number): GroupWorkItem | undefined {
    return this.groupWorkItems.find((item) => item.group_id === groupId && item.iid === iid);
  }

  /** Labels visible in a project: its group's labels and its own. */
  labelsFor(project: Project): Label[] {
    return this.labels.filter((label) => label.group_id === project.namespace_id || label.project_id === project.id);
  }

  /**
   * Members of a project or group as members/all lists them: a project's include its group's, and
   * per user the membership with the highest access level is kept (doc/api/members.md).
   */
  membersOf(source: { type: 'project' | 'group'; id: number }): MemberRecord[] {
    const matches = (membership: Membership): boolean => {
      if (source.type === 'group') return membership.source_type === 'Namespace' && membership.source_id === source.id;
      if (membership.source_type === 'Project') return membership.source_id === source.id;
      return this.project(source.id)?.namespace_id === membership.source_id;
    };
    const best = new Map<number, Membership>();
    for (const membership of this.memberships) {
      if (!matches(membership)) continue;
      const current = best.get(membership.user_id);
      if (!current || membership.access_level > current.access_level) best.set(membership.user_id, membership);
    }
    const records: MemberRecord[] = [];
    for (const membership of best.values()) {
      const user = this.user(membership.user_id);
      if (user) records.push({ user, membership });
    }
    return records.sort((a, b) => a.user.id - b.user.id);
  }

  /** Highest access level of a user on a project (including inherited) or group; 0 if none. */
  accessLevel(userId: number, source: { type: 'project' | 'group'; id: number }): number {
    return this.membersOf(source).find((record) => record.user.id === userId)?.membership.access_level ?? 0;
  }
}
