// Builds the whole dataset from a seed. Same seed + same `now` + same scale = same records.

import { createRandom, deriveSeed } from '../prng.ts';
import type { Board, Epic, Group, GroupWorkItem, Issue, Label, Membership, MergeRequest, Milestone, Project, Token, User } from '../types.ts';
import { PROJECTS } from './catalog.ts';
import { generateIssues } from './issues.ts';
import { generateMergeRequests } from './merge-requests.ts';
import { seedMemberships, seedTokens, seedUsers } from './people.ts';
import { LEAF_EPIC_IDS, seedBoards, seedEpics, seedGroup, seedGroupWorkItems, seedLabels, seedMilestones, seedProjects } from './planning.ts';

export interface SeedScale {
  /** Issues per project (default: 220 / 180 / 140). 33,334 gives ~100,000 in total. */
  issuesPerProject?: number;
  /** Merge requests per project (default: 170 / 140 / 90, or issuesPerProject / 5 when that is set). */
  mergeRequestsPerProject?: number;
}

export interface SeedOptions {
  seed: number;
  now: Date;
  scale?: SeedScale;
}

export interface SeedRecords {
  users: User[];
  memberships: Membership[];
  tokens: Token[];
  groups: Group[];
  projects: Project[];
  labels: Label[];
  milestones: Milestone[];
  epics: Epic[];
  groupWorkItems: GroupWorkItem[];
  issues: Issue[];
  mergeRequests: MergeRequest[];
  boards: Board[];
}

export const FIRST_ISSUE_ID = 1001;
export const FIRST_MERGE_REQUEST_ID = 70001;

export function seedRecords({ seed, now: nowDate, scale = {} }: SeedOptions): SeedRecords {
  const now = nowDate.getTime();
  const projects = seedProjects(now);
  const milestones = seedMilestones(now);
  const sprints = milestones.filter((milestone) => milestone.group_id !== null);
  let issueId = FIRST_ISSUE_ID;
  let mergeRequestId = FIRST_MERGE_REQUEST_ID;
  const issues: Issue[] = [];
  const mergeRequests: MergeRequest[] = [];
  for (const spec of PROJECTS) {
    const project = projects.find((candidate) => candidate.id === spec.id);
    if (!project) throw new Error(`project ${spec.path} missing`);
    const issueCount = scale.issuesPerProject ?? spec.defaultIssues;
    const projectIssues = generateIssues({
      rnd: createRandom(deriveSeed(seed, `issues:${spec.path}`)),
      now,
      spec,
      project,
      count: issueCount,
      sprints,
      releases: milestones.filter((milestone) => milestone.project_id === spec.id),
      epicIds: spec.tier === 'premium' ? LEAF_EPIC_IDS.filter((id) => (spec.path === 'web-app' ? id !== 503 : id !== 505)) : [],
      nextId: () => issueId++,
    });
    const mergeRequestCount =
      scale.mergeRequestsPerProject ?? (scale.issuesPerProject !== undefined ? Math.round(scale.issuesPerProject / 5) : spec.defaultMergeRequests);
    const projectMergeRequests = generateMergeRequests({
      rnd: createRandom(deriveSeed(seed, `merge-requests:${spec.path}`)),
      now,
      spec,
      project,
      count: mergeRequestCount,
      issues: projectIssues,
      nextId: () => mergeRequestId++,
    });
    for (const issue of projectIssues) issues.push(issue);
    for (const mergeRequest of projectMergeRequests) mergeRequests.push(mergeRequest);
  }
  return {
    users: seedUsers(now),
    memberships: seedMemberships(now),
    tokens: seedTokens(now),
    groups: [seedGroup(now)],
    projects,
    labels: seedLabels(),
    milestones,
    epics: seedEpics(now),
    groupWorkItems: seedGroupWorkItems(now),
    issues,
    mergeRequests,
    boards: seedBoards(),
  };
}
