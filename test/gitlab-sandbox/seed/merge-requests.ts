// Merge requests: mostly merged, linked to the issues they close ("Closes #iid"), changing paths
// that the project's CODEOWNERS covers.

import { DAY, HOUR, MINUTE, isoTime } from '../dates.ts';
import type { Random } from '../prng.ts';
import type { FileChange, Issue, MergeRequest, Project } from '../types.ts';
import { SENIOR_ENGINEERS, userId, type ProjectSpec } from './catalog.ts';
import { HISTORY_DAYS } from './planning.ts';
import { branchName, mergeRequestTitle } from './wording.ts';

export interface MergeRequestSeedContext {
  rnd: Random;
  now: number;
  spec: ProjectSpec;
  project: Project;
  count: number;
  issues: readonly Issue[];
  nextId: () => number;
}

type Draft = Omit<MergeRequest, 'id' | 'iid' | 'source_branch'> & { createdMs: number; branchTitle: string };

const MERGERS = ['ben.okafor', 'carla.diaz', 'ava.chen'];
const PATH_IN_TEXT = /`([\w./-]+\.[\w]+)`/;

export function generateMergeRequests(ctx: MergeRequestSeedContext): MergeRequest[] {
  const { rnd, count } = ctx;
  const closedIssues = ctx.issues.filter((issue) => issue.state === 'closed');
  const openIssues = ctx.issues.filter((issue) => issue.state === 'opened' && issue.issue_type === 'issue');
  const drafts: Draft[] = [];
  for (let i = 0; i < count; i++) {
    const kind = rnd.weighted([['merged-linked', 62], ['opened', 12], ['closed', 8], ['merged', 18]] as const);
    if (kind === 'merged-linked' && closedIssues.length > 0) drafts.push(mergedFor(ctx, rnd.pick(closedIssues)));
    else if (kind === 'opened' && openIssues.length > 0) drafts.push(openFor(ctx, rnd.pick(openIssues)));
    else drafts.push(unlinked(ctx, kind === 'closed' ? 'closed' : 'merged'));
  }
  drafts.sort((a, b) => a.createdMs - b.createdMs);
  return drafts.map(({ createdMs: _createdMs, branchTitle, ...draft }, index) => ({
    ...draft,
    id: ctx.nextId(),
    iid: index + 1,
    source_branch: branchName(draft.closes_issue_iids[0] ?? index + 1, branchTitle),
  }));
}

function authorFor(rnd: Random, issue: Issue | null): number {
  const assignee = issue?.assignee_ids[0];
  if (assignee !== undefined && rnd.chance(0.85)) return assignee;
  return userId(rnd.pick(SENIOR_ENGINEERS));
}

function otherThan(rnd: Random, pool: readonly string[], authorId: number): number {
  const candidates = pool.map(userId).filter((id) => id !== authorId);
  return rnd.pick(candidates.length > 0 ? candidates : pool.map(userId));
}

function changesFor(rnd: Random, spec: ProjectSpec, issue: Issue | null): FileChange[] {
  const paths = new Set<string>();
  const mentioned = issue ? PATH_IN_TEXT.exec(issue.description)?.[1] : undefined;
  if (mentioned) paths.add(mentioned);
  const extra = rnd.int(mentioned ? 0 : 1, 3);
  for (let i = 0; i < extra; i++) paths.add(rnd.pick(spec.paths));
  return [...paths].map((path) => {
    const renamed = !path.includes('/migrate/') && rnd.chance(0.03);
    return {
      old_path: renamed ? path.replace(/(\.\w+)$/, '_old$1') : path,
      new_path: path,
      new_file: path.includes('/migrate/'),
      renamed_file: renamed,
      deleted_file: false,
    };
  });
}

function base(ctx: MergeRequestSeedContext, issue: Issue | null, createdMs: number, authorId: number): Draft {
  const { rnd, spec, project } = ctx;
  const typeLabel = issue?.labels.find((label) => label.startsWith('type::') || label === 'Engineering Allocation');
  const title = mergeRequestTitle(rnd, spec, issue?.title ?? null);
  const keyword = rnd.chance(0.85) ? 'Closes' : 'Fixes';
  return {
    createdMs,
    branchTitle: issue?.title ?? title,
    project_id: project.id,
    title,
    description: issue ? `${issue.title}\n\n${keyword} #${issue.iid}` : 'Housekeeping change.',
    state: 'merged',
    created_at: isoTime(createdMs),
    updated_at: isoTime(createdMs),
    merged_at: null,
    closed_at: null,
    author_id: authorId,
    merge_user_id: null,
    closed_by_id: null,
    assignee_ids: [authorId],
    reviewer_ids: [otherThan(rnd, SENIOR_ENGINEERS, authorId)],
    labels: typeLabel ? [typeLabel] : [rnd.weighted([['type::feature', 5], ['type::maintenance', 3], ['type::bug', 2]])],
    milestone_id: issue?.milestone_id ?? null,
    target_branch: project.default_branch,
    draft: false,
    closes_issue_iids: issue ? [issue.iid] : [],
    changes: changesFor(rnd, spec, issue),
  };
}

function mergedFor(ctx: MergeRequestSeedContext, issue: Issue): Draft {
  const { rnd } = ctx;
  const issueCreated = Date.parse(issue.created_at);
  const issueClosed = Date.parse(issue.closed_at ?? issue.updated_at);
  const mergedMs = Math.max(issueCreated + 10 * MINUTE, issueClosed - Math.floor(rnd.next() * 6 * HOUR));
  const createdMs = Math.max(issueCreated + 5 * MINUTE, mergedMs - Math.floor((2 * HOUR + rnd.next() * 5 * DAY) * rnd.next()));
  const draft = base(ctx, issue, Math.min(createdMs, mergedMs - MINUTE), authorFor(rnd, issue));
  draft.merged_at = isoTime(mergedMs);
  draft.updated_at = draft.merged_at;
  draft.merge_user_id = otherThan(rnd, MERGERS, draft.author_id);
  return draft;
}

function openFor(ctx: MergeRequestSeedContext, issue: Issue): Draft {
  const { rnd, now } = ctx;
  const createdMs = Math.max(Date.parse(issue.created_at) + HOUR, now - Math.floor(rnd.next() * 20 * DAY));
  const draft = base(ctx, issue, Math.min(createdMs, now - MINUTE), authorFor(rnd, issue));
  draft.state = 'opened';
  draft.draft = rnd.chance(0.3);
  if (draft.draft) draft.title = `Draft: ${draft.title}`;
  draft.updated_at = isoTime(Math.min(now - MINUTE, createdMs + Math.floor(rnd.next() * 2 * DAY)));
  return draft;
}

function unlinked(ctx: MergeRequestSeedContext, state: 'merged' | 'closed'): Draft {
  const { rnd, now } = ctx;
  const createdMs = now - HISTORY_DAYS * DAY + Math.floor(rnd.next() * (HISTORY_DAYS * DAY - 2 * DAY));
  const draft = base(ctx, null, createdMs, authorFor(rnd, null));
  const endMs = Math.min(now - MINUTE, createdMs + Math.floor((HOUR + rnd.next() * 4 * DAY) * rnd.next()) + HOUR);
  draft.state = state;
  draft.updated_at = isoTime(endMs);
  if (state === 'merged') {
    draft.merged_at = isoTime(endMs);
    draft.merge_user_id = otherThan(rnd, MERGERS, draft.author_id);
  } else {
    draft.closed_at = isoTime(endMs);
    draft.closed_by_id = draft.author_id;
  }
  return draft;
}
