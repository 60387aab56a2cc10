/**
 * Load (SPEC §4.4): each person's open assigned weight against their capacity (settings: a
 * per-person weight, else the default). An open issue without a weight counts as
 * UNWEIGHTED_ISSUE_WEIGHT, so teams that do not weigh issues still see load. A person is at
 * capacity when the open weight reaches the capacity (adding this issue would put them over);
 * the ranking then keeps AT_CAPACITY_FACTOR of their points. Load alone never suggests anyone.
 */
import type { DriCapacity } from '../settings/dri';
import { formatAmount } from './points';
import { userKey, type DriReason, type OpenAssignment } from './types';

export const UNWEIGHTED_ISSUE_WEIGHT = 1;

export interface PersonLoad {
  /** Sum of open assigned weight, unweighted issues counted as UNWEIGHTED_ISSUE_WEIGHT. */
  openWeight: number;
  openIssues: number;
  /** How many of them have no weight. */
  unweighted: number;
  capacity: number;
  atCapacity: boolean;
}

/** A lookup of each person's load (anyone not assigned anything has none). */
export function loadLookup(openAssignments: readonly OpenAssignment[], capacity: Pick<DriCapacity, 'defaultWeight' | 'people'>): (username: string) => PersonLoad {
  const capacities = new Map(capacity.people.map((person) => [userKey(person.username), person.weight]));
  const open = new Map<string, { weight: number; issues: number; unweighted: number }>();
  for (const assignment of openAssignments) {
    const user = userKey(assignment.username);
    if (user === '') continue;
    const entry = open.get(user) ?? { weight: 0, issues: 0, unweighted: 0 };
    open.set(user, entry);
    entry.issues += 1;
    if (typeof assignment.weight === 'number' && Number.isFinite(assignment.weight)) entry.weight += Math.max(0, assignment.weight);
    else {
      entry.unweighted += 1;
      entry.weight += UNWEIGHTED_ISSUE_WEIGHT;
    }
  }
  return (username) => {
    const user = userKey(username);
    const entry = open.get(user) ?? { weight: 0, issues: 0, unweighted: 0 };
    const personCapacity = capacities.get(user) ?? capacity.defaultWeight;
    return {
      openWeight: entry.weight,
      openIssues: entry.issues,
      unweighted: entry.unweighted,
      capacity: personCapacity,
      atCapacity: entry.weight >= personCapacity,
    };
  };
}

/** "at capacity (12 of 10 weight open)", with how unweighted issues were counted when there are any. */
export function atCapacityReason(load: PersonLoad): DriReason {
  const counted =
    load.unweighted === 0
      ? ''
      : `, ${load.unweighted === 1 ? '1 unweighted issue' : `${load.unweighted} unweighted issues`} counted as ${UNWEIGHTED_ISSUE_WEIGHT} each`;
  return { kind: 'load', text: `at capacity (${formatAmount(load.openWeight)} of ${formatAmount(load.capacity)} weight open${counted})` };
}

/** What of an open issue's dates the capacity unit looks at. */
export interface LoadPeriodIssue {
  due_date?: string | null;
  milestone?: { state: string; start_date?: string | null; due_date?: string | null } | null;
}

/**
 * Whether an open issue counts toward this period's load. Per milestone: issues in a current
 * milestone (started, not yet past its due date, not closed) and issues in no milestone (work
 * not planned later); issues planned in a later or an old milestone do not. Per week: issues due
 * within 7 days (or overdue) and issues with no due date; issues due later do not.
 */
export function countsTowardLoad(issue: LoadPeriodIssue, unit: 'milestone' | 'week', today: string): boolean {
  if (unit === 'week') {
    if (!issue.due_date) return true;
    const weekEnd = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    return issue.due_date < weekEnd;
  }
  const milestone = issue.milestone;
  if (!milestone) return true;
  if (milestone.state === 'closed') return false;
  return (milestone.start_date ?? today) <= today && today <= (milestone.due_date ?? today);
}
