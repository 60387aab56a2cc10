/**
 * History evidence (SPEC §4.3): who closed issues, or authored merged MRs, sharing a topical
 * label with this issue in the last `historyDays` days.
 *
 * - Topical labels: the issue's labels except process labels that say nothing about the subject
 *   (scoped labels under NON_TOPICAL_SCOPES, such as `workflow::in dev` or `type::bug`) and the
 *   labels that make an issue simple (`good first issue`): sharing those is not expertise.
 * - An issue counts if its state is `closed`, it has a closer and a closing date in the window.
 *   An MR counts if it was merged in the window; its labels and those of the issues it closes
 *   both count as its labels.
 * - Recency: linear decay, weight = 1 − age / historyDays (1 today, 0.5 halfway, 0 at the edge;
 *   a date in the future counts as today).
 * - Points: HISTORY_POINTS × 2 × (1 − 0.5^Σweight), i.e. `diminishing(Σweight, 20)`, so one item
 *   closed today gives 20, two give 30, and no amount of history gives more than 40.
 */
import { plural } from '../kpi/format';
import { diminishing, HISTORY_POINTS } from './points';
import { DAY_MS, userKey, type DriIssue, type DriReason, type HistoryIssue, type HistoryMergeRequest, type ScoresByUser } from './types';

/** Scopes of labels that describe process, not subject. */
export const NON_TOPICAL_SCOPES = ['workflow', 'status', 'priority', 'severity', 'type'] as const;

export interface HistoryOptions {
  historyDays: number;
  /** More labels to leave out (the simple-issue labels), any case. */
  ignoredLabels?: readonly string[];
}

export interface DriHistory {
  issues: readonly HistoryIssue[];
  mergeRequests: readonly HistoryMergeRequest[];
}

/** The issue's labels that say what it is about, as it spells them, without duplicates. */
export function topicalLabels(labels: readonly string[], ignoredLabels: readonly string[] = []): string[] {
  const ignored = new Set(ignoredLabels.map((label) => label.trim().toLowerCase()));
  const seen = new Set<string>();
  return labels.filter((label) => {
    const key = label.trim().toLowerCase();
    if (key === '' || ignored.has(key) || seen.has(key)) return false;
    seen.add(key);
    return !NON_TOPICAL_SCOPES.some((scope) => key.startsWith(`${scope}::`));
  });
}

/** Recency weight of something done at `iso`: 1 − age / window, 0 outside the window or undated. */
export function recencyWeight(iso: string | null, now: Date, historyDays: number): { weight: number; ageMs: number } {
  const at = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(at)) return { weight: 0, ageMs: 0 };
  const ageMs = Math.max(0, now.getTime() - at);
  return { weight: Math.max(0, 1 - ageMs / (historyDays * DAY_MS)), ageMs };
}

interface Tally {
  count: number;
  oldestAgeMs: number;
  /** Per topical label (lower case): how many counted items carry it. */
  labels: Map<string, number>;
}

interface UserHistory {
  weight: number;
  closed: Tally;
  merged: Tally;
}

const emptyTally = (): Tally => ({ count: 0, oldestAgeMs: 0, labels: new Map() });

export function scoreHistory(issue: Pick<DriIssue, 'labels'>, history: DriHistory, options: HistoryOptions, now: Date): ScoresByUser {
  const topical = topicalLabels(issue.labels, options.ignoredLabels);
  const spelling = new Map(topical.map((label) => [label.trim().toLowerCase(), label]));
  const perUser = new Map<string, UserHistory>();

  const count = (username: string | null, labels: readonly string[], at: string | null, kind: 'closed' | 'merged') => {
    const user = username ? userKey(username) : '';
    if (user === '') return;
    const shared = [...new Set(labels.map((label) => label.trim().toLowerCase()))].filter((label) => spelling.has(label));
    if (shared.length === 0) return;
    const { weight, ageMs } = recencyWeight(at, now, options.historyDays);
    if (weight <= 0) return;
    const entry = perUser.get(user) ?? { weight: 0, closed: emptyTally(), merged: emptyTally() };
    perUser.set(user, entry);
    entry.weight += weight;
    const tally = entry[kind];
    tally.count += 1;
    tally.oldestAgeMs = Math.max(tally.oldestAgeMs, ageMs);
    for (const label of shared) tally.labels.set(label, (tally.labels.get(label) ?? 0) + 1);
  };

  if (spelling.size > 0) {
    for (const closed of history.issues) {
      if (closed.state === 'closed') count(closed.closedBy, closed.labels, closed.closedAt, 'closed');
    }
    for (const mr of history.mergeRequests) count(mr.author, [...mr.labels, ...(mr.closesIssueLabels ?? [])], mr.mergedAt, 'merged');
  }

  const scores: ScoresByUser = new Map();
  for (const [user, { weight, closed, merged }] of perUser) {
    const reasons: DriReason[] = [];
    if (closed.count > 0) reasons.push({ kind: 'history', text: tallyText(closed, topical, 'closed', '', 'issue') });
    if (merged.count > 0) reasons.push({ kind: 'history', text: tallyText(merged, topical, 'authored', 'merged', 'MR') });
    scores.set(user, { points: diminishing(weight, HISTORY_POINTS), reasons });
  }
  return scores;
}

/**
 * "closed 3 Service::Redis issues in 60 d" when every counted item carries the most shared label,
 * else "closed 4 issues sharing labels, 3 of them Service::Redis, in 60 d". The span is the age of
 * the oldest counted item in whole days, rounded up. Ties between labels go to the issue's order.
 */
function tallyText(tally: Tally, topical: readonly string[], verb: string, adjective: string, noun: string): string {
  let top = topical[0] ?? '';
  let topCount = 0;
  for (const label of topical) {
    const n = tally.labels.get(label.trim().toLowerCase()) ?? 0;
    if (n > topCount) [top, topCount] = [label, n];
  }
  const days = Math.max(1, Math.ceil(tally.oldestAgeMs / DAY_MS));
  const items = (n: number, label: string) => plural(n, [adjective, label, noun].filter(Boolean).join(' '));
  if (topCount === tally.count) return `${verb} ${items(tally.count, top)} in ${days} d`;
  return `${verb} ${items(tally.count, '')} sharing labels, ${topCount} of them ${top}, in ${days} d`;
}
