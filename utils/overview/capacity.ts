/**
 * The board bar's capacity line (SPEC §1 board row, §4.4): each assignee's open weight (or open
 * issue count) on the board against their capacity from the DRI settings, people over capacity
 * marked in words, and the board's unassigned open work beside them. Pure: the caller passes the
 * board's issues (utils/board/lists.ts membership over the cache), the members and `today`.
 *
 * It counts what Suggested DRI counts, so the panel and the board never disagree about who is
 * loaded: the same period rule (`countsTowardLoad`: per milestone or per week), the same per-person
 * sums and capacities (`loadLookup`: an unweighted issue is weight 1, a person's own capacity
 * else the default), the same people left out (`eligibleMembers`: blocked, deactivated and bot
 * users). The board sees only its own issues, so its numbers are at most the panel's, which
 * counts the whole project.
 *
 * Decisions:
 * - Measure: by weight when most of the counted open issues carry one (allocation's
 *   `resolveMeasure`, the board split's rule), else by count. By count, the capacity number reads
 *   as that many issues: capacity is configured once, as weight, and a team that does not weigh
 *   issues is already measured by Suggested DRI with every issue as weight 1, so "10" means ten
 *   issues there too. On a board where every issue lacks a weight the two measures coincide; on
 *   a board with a few weighted issues among many unweighted ones, the board counts issues while
 *   the panel adds the few weights (said in the tooltip).
 * - Several assignees: the issue counts fully for each, as in Suggested DRI (one open assignment
 *   per assignee). GitLab does not say how shared work is divided, and splitting would make a
 *   pair on one issue look half as busy as each of them is; the per-person sums can therefore
 *   add up to more than the board holds (the tooltip says so).
 * - Over capacity means strictly more open than the capacity: a person exactly at capacity is full,
 *   not over. (Suggested DRI ranks someone at capacity lower already, since one more issue would
 *   put them over; that is a different question from "is this person overloaded now".)
 * - Who shows: assignees with counted open work on this board. An assignee the members list says
 *   is not active, or a bot, is left out, and issues assigned only to such people count as
 *   unassigned (nobody active carries them). An assignee missing from the members list still
 *   shows: their work is on the board whatever list the caller had (a group board's members may
 *   not be cached).
 */
import { resolveMeasure } from '../allocation/split';
import { countsTowardLoad, loadLookup, UNWEIGHTED_ISSUE_WEIGHT, type LoadPeriodIssue } from '../dri/load';
import { eligibleMembers, isBotUsername } from '../dri/members';
import { formatAmount } from '../dri/points';
import { userKey, type DriMember, type OpenAssignment } from '../dri/types';
import type { DriCapacity } from '../settings/dri';

/** An issue assignee as the issues API embeds it (`state` defaults to active on old payloads). */
export interface CapacityAssignee {
  username: string;
  name?: string;
  state?: string;
}

/** What capacity reads of a board issue; a GitLabIssue is one. */
export interface CapacityIssue extends LoadPeriodIssue {
  /** `opened` or `closed`: only `opened` issues count. */
  state: string;
  weight?: number | null;
  assignees?: readonly CapacityAssignee[];
}

export interface CapacityOptions {
  /** YYYY-MM-DD, as Suggested DRI computes it, for the period rule. */
  today: string;
  /** People named in the bar before "+N more" (the tooltip names everyone). Default 6. */
  maxListed?: number;
}

export interface PersonCapacity {
  username: string;
  /** Display name: the members list's, else the issue's assignee name, else the username. */
  name: string;
  /** Open weight (unweighted issues as UNWEIGHTED_ISSUE_WEIGHT) or open issue count. */
  open: number;
  /** Their capacity from the settings; by count, read as that many issues. */
  capacity: number;
  unit: 'weight' | 'issues';
  /** open > capacity; at capacity is not over. */
  over: boolean;
  /** "ava.chen 12/10 ! over", "jonas.berg 6/10": the over mark is a symbol and a word. */
  text: string;
  /** Open issues of theirs counted, and how many of them have no weight. */
  issues: number;
  unweighted: number;
}

export interface BoardCapacity {
  measure: 'weight' | 'count';
  unit: 'weight' | 'issues';
  /** Sorted by open/capacity, highest first, then name. */
  people: PersonCapacity[];
  /** Counted open issues nobody active is assigned to, and their open amount in the unit. */
  unassigned: { issues: number; open: number };
  overCount: number;
  /** "Capacity by weight: ava.chen 12/10 ! over · jonas.berg 6/10 · unassigned 5". */
  capacityText: string;
  /** Tooltip: formula, period, measure, what counted and what did not, everyone's numbers. */
  explanation: string;
}

export const DEFAULT_MAX_LISTED = 6;

function plural(count: number, singular: string): string {
  return `${count} ${singular}${count === 1 ? '' : 's'}`;
}

/** An issue's amount by the measure: its weight (none → UNWEIGHTED_ISSUE_WEIGHT, as load.ts), or 1. */
function amountOf(issue: CapacityIssue, measure: 'weight' | 'count'): number {
  if (measure === 'count') return 1;
  return typeof issue.weight === 'number' && Number.isFinite(issue.weight) ? Math.max(0, issue.weight) : UNWEIGHTED_ISSUE_WEIGHT;
}

const PERIOD_WORDS = {
  milestone: {
    counts: 'per milestone: open issues in a current milestone or in none count',
    left: (n: number) => `${plural(n, 'open issue')} planned in another milestone ${n === 1 ? 'is' : 'are'} not counted`,
  },
  week: {
    counts: 'per week: open issues due within 7 days, overdue or undated count',
    left: (n: number) => `${plural(n, 'open issue')} due later ${n === 1 ? 'is' : 'are'} not counted`,
  },
} as const;

export function boardCapacity(
  issues: readonly CapacityIssue[],
  members: readonly DriMember[],
  capacity: Pick<DriCapacity, 'defaultWeight' | 'unit' | 'people'>,
  options: CapacityOptions,
): BoardCapacity {
  const open = issues.filter((issue) => issue.state === 'opened');
  const counted = open.filter((issue) => countsTowardLoad(issue, capacity.unit, options.today));
  // `auto` answers weight or count only; the item fields besides the weight are not read.
  const byWeight =
    resolveMeasure(
      counted.map((issue, index) => ({ key: String(index), labels: [], epicId: null, weight: typeof issue.weight === 'number' ? issue.weight : null, timeEstimate: 0 })),
      'auto',
    ) === 'weight';
  const measure = byWeight ? 'weight' : 'count';
  const unit = measure === 'weight' ? 'weight' : 'issues';

  const eligible = eligibleMembers(members);
  const known = new Set(members.map((member) => userKey(member.username)));
  const isActive = (assignee: CapacityAssignee) => {
    const user = userKey(assignee.username);
    if (user === '' || isBotUsername(assignee.username) || (assignee.state ?? 'active') !== 'active') return false;
    return eligible.has(user) || !known.has(user);
  };

  const assignments: OpenAssignment[] = [];
  const who = new Map<string, { username: string; name: string }>();
  const unassigned = { issues: 0, open: 0 };
  let onlyInactive = 0;
  for (const issue of counted) {
    const assignees = (issue.assignees ?? []).filter(isActive);
    if (assignees.length === 0) {
      unassigned.issues += 1;
      unassigned.open += amountOf(issue, measure);
      if ((issue.assignees ?? []).length > 0) onlyInactive += 1;
      continue;
    }
    // The same person listed twice on one issue (bad data) counts once.
    const seen = new Set<string>();
    for (const assignee of assignees) {
      const user = userKey(assignee.username);
      if (seen.has(user)) continue;
      seen.add(user);
      assignments.push({ username: assignee.username, weight: typeof issue.weight === 'number' ? issue.weight : null });
      if (!who.has(user)) {
        const member = eligible.get(user);
        who.set(user, { username: member?.username ?? assignee.username, name: member?.name || assignee.name || assignee.username });
      }
    }
  }

  const loadOf = loadLookup(assignments, capacity);
  const people: PersonCapacity[] = [...who.entries()].map(([user, person]) => {
    const load = loadOf(user);
    const amount = measure === 'weight' ? load.openWeight : load.openIssues;
    const over = amount > load.capacity;
    return {
      username: person.username,
      name: person.name,
      open: amount,
      capacity: load.capacity,
      unit,
      over,
      text: `${person.username} ${formatAmount(amount)}/${formatAmount(load.capacity)}${over ? ' ! over' : ''}`,
      issues: load.openIssues,
      unweighted: load.unweighted,
    };
  });
  const ratio = (person: PersonCapacity) => (person.capacity > 0 ? person.open / person.capacity : person.open > 0 ? Infinity : 0);
  people.sort((a, b) => ratio(b) - ratio(a) || a.name.localeCompare(b.name, 'en') || a.username.localeCompare(b.username, 'en'));

  const overCount = people.filter((person) => person.over).length;
  const maxListed = Math.max(1, options.maxListed ?? DEFAULT_MAX_LISTED);
  const parts = people.slice(0, maxListed).map((person) => person.text);
  if (people.length > maxListed) parts.push(`+${people.length - maxListed} more`);
  if (people.length === 0) parts.push(unassigned.issues === 0 ? 'no open issues this period' : 'nobody assigned');
  if (unassigned.issues > 0) parts.push(`unassigned ${formatAmount(unassigned.open)}`);
  const capacityText = `Capacity by ${unit}: ${parts.join(' · ')}`;

  return {
    measure,
    unit,
    people,
    unassigned,
    overCount,
    capacityText,
    explanation: explain({ people, unassigned, onlyInactive, measure, counted, left: open.length - counted.length, capacity, overCount }),
  };
}

interface ExplainInput {
  people: readonly PersonCapacity[];
  unassigned: BoardCapacity['unassigned'];
  onlyInactive: number;
  measure: 'weight' | 'count';
  counted: readonly CapacityIssue[];
  left: number;
  capacity: Pick<DriCapacity, 'defaultWeight' | 'unit' | 'people'>;
  overCount: number;
}

function explain({ people, unassigned, onlyInactive, measure, counted, left, capacity, overCount }: ExplainInput): string {
  const period = PERIOD_WORDS[capacity.unit];
  const sentences: string[] = [];
  const own = capacity.people.length > 0 ? `, or the person's own capacity where set` : '';
  sentences.push(`Open ${measure === 'weight' ? 'weight' : 'issues'} per assignee on this board against their capacity (Engineering Lens settings: ${formatAmount(capacity.defaultWeight)} by default${own}).`);
  sentences.push(`Capacity is ${period.counts}${left > 0 ? `; ${period.left(left)}` : ''}. Closed issues never count.`);
  const weighted = counted.filter((issue) => typeof issue.weight === 'number').length;
  if (counted.length > 0) {
    sentences.push(
      measure === 'weight'
        ? `By weight, since ${weighted} of ${plural(counted.length, 'counted issue')} ${weighted === 1 ? 'has' : 'have'} one; an issue without a weight counts as ${UNWEIGHTED_ISSUE_WEIGHT}, as in Suggested DRI.`
        : `By count, since ${weighted} of ${plural(counted.length, 'counted issue')} ${weighted === 1 ? 'has' : 'have'} a weight: each issue counts 1 and a capacity of ${formatAmount(capacity.defaultWeight)} reads as ${formatAmount(capacity.defaultWeight)} issues.` +
            (weighted > 0 ? ' Suggested DRI adds the weights where set, so its numbers can differ.' : ''),
    );
  }
  sentences.push('An issue with several assignees counts fully for each. Over capacity means more open than the capacity; exactly at capacity is not over.');
  if (people.length > 0) {
    const list = people.map((person) => `${person.name} (${person.username}) ${formatAmount(person.open)} of ${formatAmount(person.capacity)}${person.over ? ', over' : ''}`);
    sentences.push(`Per person: ${list.join('; ')}. ${overCount === 0 ? 'Nobody is' : overCount === 1 ? '1 person is' : `${overCount} people are`} over capacity.`);
  }
  if (unassigned.issues > 0) {
    const amount = measure === 'weight' ? `${formatAmount(unassigned.open)} weight in ${plural(unassigned.issues, 'open issue')}` : plural(unassigned.issues, 'open issue');
    const inactive = onlyInactive > 0 ? `, ${onlyInactive} of them assigned only to inactive users or bots` : '';
    sentences.push(`Unassigned: ${amount}${inactive}.`);
  }
  return sentences.join(' ');
}
