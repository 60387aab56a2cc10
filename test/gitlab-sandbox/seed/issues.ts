// Issue generation: ~6 months of history per project, dates relative to `now`. Compact enough
// to produce 100,000 issues in well under a second.

import { DAY, HOUR, MINUTE, isoDate, isoTime, parseDate, startOfDay } from '../dates.ts';
import type { Random } from '../prng.ts';
import type { Issue, Milestone, Project } from '../types.ts';
import { NEW_ENGINEERS, SENIOR_ENGINEERS, userId, type ProjectSpec } from './catalog.ts';
import { HISTORY_DAYS } from './planning.ts';
import { SPECIAL_ISSUES, type SpecialIssue } from './special-issues.ts';
import { issueDescription, issueTitle } from './wording.ts';

export interface IssueSeedContext {
  rnd: Random;
  now: number;
  spec: ProjectSpec;
  project: Project;
  count: number;
  sprints: readonly Milestone[];
  releases: readonly Milestone[];
  epicIds: readonly number[];
  nextId: () => number;
}

/** An issue before ids are assigned (ids follow creation order). */
interface Draft {
  createdMs: number;
  issue: Issue;
}

interface SprintRange {
  id: number;
  start: number;
  end: number;
}

const SERVICE_DRI: Record<string, string> = {
  'Service::Redis': 'dev.patel',
  'Service::PostgreSQL': 'ben.okafor',
  'Service::Prometheus': 'farid.haddad',
};
const AUTHORS = [...SENIOR_ENGINEERS, 'ava.chen', 'kofi.mensah', 'kofi.mensah', 'lucia.rossi'];
const BLOCKED_USER = 'hugo.martin';
/** The blocked user left this many days ago; only older work is theirs. */
const BLOCKED_SINCE_DAYS = 60;

export function generateIssues(ctx: IssueSeedContext): Issue[] {
  const { rnd, now, count } = ctx;
  // The hand-written issues count towards `count`, so `issuesPerProject: 0` is an empty project
  // (tests that compute KPIs by hand start from one).
  const specials = (SPECIAL_ISSUES[ctx.spec.path] ?? []).slice(0, count);
  const randomCount = Math.max(0, count - specials.length);
  const start = now - HISTORY_DAYS * DAY;
  const span = HISTORY_DAYS * DAY - HOUR;
  const sprints: SprintRange[] = ctx.sprints.flatMap((sprint) =>
    sprint.start_date && sprint.due_date ? [{ id: sprint.id, start: parseDate(sprint.start_date), end: parseDate(sprint.due_date) + DAY }] : [],
  );
  const drafts: Draft[] = [];
  const scaled = randomCount > ctx.spec.defaultIssues * 5;
  for (let i = 0; i < randomCount; i++) {
    const createdMs = Math.floor(start + (span * (i + rnd.next())) / Math.max(1, randomCount));
    drafts.push({ createdMs, issue: randomIssue(ctx, sprints, createdMs, scaled) });
  }
  for (const special of specials) drafts.push(specialDraft(ctx, special));
  drafts.sort((a, b) => a.createdMs - b.createdMs);
  return drafts.map(({ issue }, index) => {
    issue.id = ctx.nextId();
    issue.iid = index + 1;
    issue.relative_position = -(index + 1) * 1000;
    return issue;
  });
}

/** Days to resolve: skewed short (30% under 2 days, 10% three weeks or more). */
function resolutionDays(rnd: Random): number {
  const bucket = rnd.next();
  if (bucket < 0.3) return 0.2 + rnd.next() * 1.8;
  if (bucket < 0.65) return 2 + rnd.next() * 5;
  if (bucket < 0.9) return 7 + rnd.next() * 14;
  return 21 + rnd.next() * 24;
}

function randomIssue(ctx: IssueSeedContext, sprints: readonly SprintRange[], createdMs: number, scaled: boolean): Issue {
  const { rnd, now, spec, project } = ctx;
  const premium = project.tier === 'premium';
  const isIncident = scaled && rnd.chance(0.01);
  const type = rnd.weighted<string | null>([
    ['type::feature', 50],
    ['type::maintenance', 22],
    ['type::bug', 18],
    [null, 10],
  ]);
  const labels: string[] = [];
  if (isIncident) labels.push('incident');
  else if (type) labels.push(type);
  if (!isIncident && rnd.chance(0.06)) labels.push('Engineering Allocation');
  let severe = false;
  if (type === 'type::bug' || isIncident) {
    const severity = rnd.weighted([['severity::1', 8], ['severity::2', 20], ['severity::3', 42], ['severity::4', 30]]);
    severe = severity === 'severity::1' || severity === 'severity::2';
    labels.push(severity);
  }
  const service = rnd.chance(0.2) ? rnd.pick(spec.services) : null;
  if (service) labels.push(service);
  const goodFirst = !isIncident && rnd.chance(0.04);
  if (goodFirst) labels.push('good first issue');
  const path = rnd.chance(0.45) ? rnd.pick(spec.paths) : null;
  if (path?.startsWith('app/frontend')) labels.push('frontend');

  // Resolution: older issues are more likely closed; durations skew short.
  const ageDays = (now - createdMs) / DAY;
  // Severity 1-2 bugs count as failures (MTTR/MTBF): teams fix them within days, as they would.
  const closeProbability = severe ? (ageDays < 1 ? 0.3 : 0.98) : ageDays < 3 ? 0.1 : Math.min(0.9, 0.25 + ageDays / 60);
  let closedMs: number | null = null;
  if (rnd.chance(closeProbability)) {
    const days = isIncident ? rnd.next() * 3 : severe ? 0.05 + rnd.next() * 4 : resolutionDays(rnd);
    const candidate = createdMs + Math.max(10 * MINUTE, Math.floor(days * DAY));
    if (candidate < now - MINUTE) closedMs = candidate;
  }
  let dueDate: string | null = null;
  if (!isIncident && rnd.chance(0.55)) {
    const createdDay = startOfDay(createdMs);
    if (closedMs === null) {
      dueDate = isoDate(createdDay + rnd.int(5, 45) * DAY);
    } else {
      const closedDay = startOfDay(closedMs);
      const scenario = rnd.weighted([['early', 50], ['exact', 15], ['late', 35]] as const);
      if (scenario === 'late' && closedDay - DAY >= createdDay) {
        dueDate = isoDate(Math.max(createdDay, closedDay - rnd.int(1, 12) * DAY));
      } else if (scenario === 'exact') {
        dueDate = isoDate(closedDay);
      } else {
        dueDate = isoDate(closedDay + rnd.int(1, 10) * DAY);
      }
    }
  }
  let milestoneId: number | null = null;
  if (!isIncident && rnd.chance(0.62)) {
    const target = createdMs + 2 * DAY;
    milestoneId = sprints.find((sprint) => sprint.start <= target && target < sprint.end)?.id ?? null;
  } else if (ctx.releases.length > 0 && rnd.chance(0.08)) {
    milestoneId = rnd.pick(ctx.releases).id;
  }
  const assignees = pickAssignees(rnd, now, createdMs, service, goodFirst, closedMs !== null);
  const author = userId(rnd.pick(AUTHORS));
  const weight = premium
    ? goodFirst
      ? 1
      : rnd.weighted<number | null>([[1, 20], [2, 25], [3, 25], [5, 15], [8, 5], [null, 10]])
    : null;
  const timeEstimate = rnd.chance(0.35) ? (weight ?? rnd.int(1, 4)) * 4 * 3600 : 0;
  const timeSpent = closedMs !== null && timeEstimate > 0 ? Math.round((timeEstimate * (0.5 + rnd.next() * 1.1)) / 900) * 900 : 0;
  const updatedMs = closedMs ?? Math.min(now - MINUTE, createdMs + Math.floor(rnd.next() * (now - createdMs)));
  const workflow = closedMs === null && !isIncident ? rnd.weighted<string | null>([['workflow::in dev', 20], ['workflow::in review', 10], [null, 70]]) : null;
  if (workflow) labels.push(workflow);
  const title = issueTitle(rnd, spec, type, service, isIncident);
  return {
    id: 0,
    iid: 0,
    relative_position: 0,
    project_id: project.id,
    title,
    description: issueDescription(rnd, title, path, service),
    state: closedMs === null ? 'opened' : 'closed',
    created_at: isoTime(createdMs),
    updated_at: isoTime(updatedMs),
    closed_at: closedMs === null ? null : isoTime(closedMs),
    closed_by_id: closedMs === null ? null : (assignees[0] ?? author),
    labels,
    milestone_id: milestoneId,
    assignee_ids: assignees,
    author_id: author,
    issue_type: isIncident ? 'incident' : 'issue',
    due_date: dueDate,
    weight,
    epic_id: premium && !isIncident && rnd.chance(0.35) && ctx.epicIds.length > 0 ? rnd.pick(ctx.epicIds) : null,
    time_estimate: timeEstimate,
    total_time_spent: timeSpent,
    user_notes_count: rnd.int(0, 12),
    upvotes: type === 'type::feature' ? rnd.int(0, 6) : rnd.int(0, 2),
    downvotes: rnd.chance(0.05) ? 1 : 0,
    confidential: rnd.chance(0.02),
    discussion_locked: rnd.chance(0.5) ? null : false,
  };
}

function pickAssignees(rnd: Random, now: number, createdMs: number, service: string | null, goodFirst: boolean, closed: boolean): number[] {
  if (goodFirst && !closed) return rnd.chance(0.5) ? [] : [userId(rnd.pick(NEW_ENGINEERS))];
  if (rnd.chance(0.08)) return [];
  if (createdMs < now - BLOCKED_SINCE_DAYS * DAY - 30 * DAY && rnd.chance(0.08)) return [userId(BLOCKED_USER)];
  const dri = service ? SERVICE_DRI[service] : undefined;
  const first = dri && rnd.chance(0.55) ? dri : rnd.pick(SENIOR_ENGINEERS);
  const ids = [userId(first)];
  if (rnd.chance(0.05)) {
    const second = userId(rnd.pick(SENIOR_ENGINEERS));
    if (second !== ids[0]) ids.push(second);
  }
  return ids;
}

function specialDraft(ctx: IssueSeedContext, special: SpecialIssue): Draft {
  const { now, project } = ctx;
  const createdMs = now - special.createdAgo;
  const closedMs = special.closedAt ? special.closedAt(now) : special.closedAfter === null ? null : createdMs + special.closedAfter;
  const assignees = special.assignees.map(userId);
  const author = userId(special.author);
  const premium = project.tier === 'premium';
  const issue: Issue = {
    id: 0,
    iid: 0,
    relative_position: 0,
    project_id: project.id,
    title: special.title,
    description: special.description,
    state: closedMs === null ? 'opened' : 'closed',
    created_at: isoTime(createdMs),
    updated_at: isoTime(closedMs ?? Math.min(now - MINUTE, createdMs + HOUR)),
    closed_at: closedMs === null ? null : isoTime(closedMs),
    closed_by_id: closedMs === null ? null : (assignees[0] ?? author),
    labels: [...special.labels],
    milestone_id: null,
    assignee_ids: assignees,
    author_id: author,
    issue_type: special.issueType,
    due_date: special.dueDate ? special.dueDate(now) : null,
    weight: premium ? (special.weight ?? null) : null,
    epic_id: premium ? (special.epicId ?? null) : null,
    time_estimate: 0,
    total_time_spent: 0,
    user_notes_count: special.issueType === 'incident' ? 14 : 3,
    upvotes: special.upvotes ?? 0,
    downvotes: 0,
    confidential: false,
    discussion_locked: null,
  };
  return { createdMs, issue };
}
