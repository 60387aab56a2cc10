/**
 * Suggested DRI (SPEC §4): who should own an issue, best first, with reasons in words.
 *
 * Points per source (points.ts): service registry (50 per matching service), CODEOWNERS (40 per
 * owned path), history (20 per fully weighted item), each with diminishing returns inside the
 * source; the sources add up. Someone at capacity keeps half (load.ts). Only active, non-bot
 * members with some evidence are suggested; the best 3 by points (ties: username, any case).
 * The score shown is 100 × points / (points + 50), rounded.
 *
 * People already assigned to the issue may still be suggested (the evidence for them stands),
 * with the reason "already assigned"; the panel can then show "assigned" instead of "Assign".
 */
import type { DriSettings } from '../settings/dri';
import { atCapacityReason, loadLookup } from './load';
import { eligibleMembers } from './members';
import { compareUsernames, isSimpleIssue, joinedDaysAgo, onboardingCandidates } from './onboarding';
import { scoreCodeowners } from './ownership';
import { AT_CAPACITY_FACTOR, displayScore } from './points';
import { scoreHistory, type DriHistory } from './history';
import { scoreServices } from './services';
import {
  userKey,
  type CodeownerEvidence,
  type DriAnswer,
  type DriIssue,
  type DriMember,
  type DriReason,
  type DriSuggestion,
  type OpenAssignment,
  type ScoresByUser,
} from './types';

export const MAX_SUGGESTIONS = 3;

export interface SuggestDrisInput {
  issue: DriIssue;
  members: readonly DriMember[];
  codeowners: readonly CodeownerEvidence[];
  history: DriHistory;
  openAssignments: readonly OpenAssignment[];
  settings: DriSettings;
  now: Date;
}

/** Two point sums this close are a tie (sums of fractions differ in the last bits). */
const EPSILON = 1e-9;

export function suggestDris(input: SuggestDrisInput): DriAnswer {
  const { issue, settings, now } = input;
  const simple = isSimpleIssue(issue, settings);
  const sources: ScoresByUser[] = [
    scoreServices(issue, settings.services),
    scoreCodeowners(input.codeowners),
    scoreHistory(issue, input.history, { historyDays: settings.historyDays, ignoredLabels: settings.simpleLabels }, now),
  ];
  const members = eligibleMembers(input.members);
  const loadOf = loadLookup(input.openAssignments, settings.capacity);
  const assigned = new Set(issue.assigneeUsernames.map(userKey));
  const onboarding = simple ? onboardingCandidates(input.members, settings, now) : [];
  const newcomers = new Set(onboarding.map((candidate) => userKey(candidate.username)));

  const ranked: Array<DriSuggestion & { points: number }> = [];
  for (const [user, member] of members) {
    let points = 0;
    const reasons: DriReason[] = [];
    for (const source of sources) {
      const score = source.get(user);
      if (!score || !(score.points > 0)) continue;
      points += score.points;
      reasons.push(...score.reasons);
    }
    if (points <= 0) continue;
    const load = loadOf(member.username);
    if (load.atCapacity) {
      points *= AT_CAPACITY_FACTOR;
      reasons.push(atCapacityReason(load));
    }
    if (assigned.has(user)) reasons.push({ kind: 'load', text: 'already assigned' });
    if (newcomers.has(user)) reasons.push({ kind: 'onboarding', text: `joined ${joinedDaysAgo(member, now)} d ago (onboarding candidate)` });
    ranked.push({ username: member.username, name: member.name, avatarUrl: member.avatarUrl, score: displayScore(points), reasons, atCapacity: load.atCapacity, points });
  }
  ranked.sort((a, b) => (Math.abs(b.points - a.points) > EPSILON ? b.points - a.points : compareUsernames(a.username, b.username)));

  return {
    suggestions: ranked.slice(0, MAX_SUGGESTIONS).map(({ points: _points, ...suggestion }) => suggestion),
    onboarding,
    simple,
  };
}
