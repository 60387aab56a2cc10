/**
 * Simple issues and onboarding candidates (SPEC §4): an issue is simple when it has one of the
 * simple labels (any case) or a weight of at most `simpleMaxWeight`; for it, the panel lists
 * active members with Developer access or more who joined in the last `onboardingDays` days,
 * newest first (ties by username), since new engineers start with simple practice work.
 */
import type { DriSettings } from '../settings/dri';
import { eligibleMembers } from './members';
import { DAY_MS, type DriIssue, type DriMember, type OnboardingCandidate } from './types';

/** Developer: who does engineering work. */
export const ONBOARDING_MIN_ACCESS_LEVEL = 30;

export function isSimpleIssue(issue: Pick<DriIssue, 'labels' | 'weight'>, settings: Pick<DriSettings, 'simpleLabels' | 'simpleMaxWeight'>): boolean {
  const simple = new Set(settings.simpleLabels.map((label) => label.trim().toLowerCase()));
  if (issue.labels.some((label) => simple.has(label.trim().toLowerCase()))) return true;
  return typeof issue.weight === 'number' && issue.weight <= settings.simpleMaxWeight;
}

/** Whole days since the member joined (a date in the future counts as today), or null if unknown. */
export function joinedDaysAgo(member: Pick<DriMember, 'joinedAt'>, now: Date): number | null {
  const joined = member.joinedAt ? Date.parse(member.joinedAt) : NaN;
  if (Number.isNaN(joined)) return null;
  return Math.floor(Math.max(0, now.getTime() - joined) / DAY_MS);
}

export function onboardingCandidates(members: readonly DriMember[], settings: Pick<DriSettings, 'onboardingDays'>, now: Date): OnboardingCandidate[] {
  const candidates: Array<OnboardingCandidate & { ageMs: number }> = [];
  for (const member of eligibleMembers(members).values()) {
    if (member.accessLevel < ONBOARDING_MIN_ACCESS_LEVEL) continue;
    const joined = member.joinedAt ? Date.parse(member.joinedAt) : NaN;
    if (Number.isNaN(joined)) continue;
    const ageMs = Math.max(0, now.getTime() - joined);
    if (ageMs > settings.onboardingDays * DAY_MS) continue;
    candidates.push({ username: member.username, name: member.name, avatarUrl: member.avatarUrl, joinedDaysAgo: Math.floor(ageMs / DAY_MS), ageMs });
  }
  candidates.sort((a, b) => a.ageMs - b.ageMs || compareUsernames(a.username, b.username));
  return candidates.map(({ ageMs: _ageMs, ...candidate }) => candidate);
}

/** Case-insensitive, then code-point order: the same on every machine (no locale). */
export function compareUsernames(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}
