/** Plain shapes the DRI ranking (SPEC §4) reads and answers; the caller maps GitLab payloads to them. */

/** A project or group member (members API: user fields plus the membership's). */
export interface DriMember {
  id: number;
  username: string;
  name: string;
  avatarUrl: string | null;
  /** `active`, `blocked`, `deactivated`, `banned`, ... Only `active` members are ever suggested. */
  state: string;
  /** 10 guest, 15 planner, 20 reporter, 30 developer, 40 maintainer, 50 owner. */
  accessLevel: number;
  /** When the membership started (`created_at`); null on old GitLab versions. */
  joinedAt: string | null;
}

/** The issue a DRI is wanted for. */
export interface DriIssue {
  iid: number;
  title: string;
  description: string;
  labels: readonly string[];
  weight: number | null;
  assigneeUsernames: readonly string[];
}

/** What CODEOWNERS says (resolved by the caller to usernames): one entry per owned path. */
export interface CodeownerEvidence {
  username: string;
  /** The path or pattern owned, e.g. `/lib/cache/`. */
  path: string;
  /** `issue`: a path the issue mentions; `merge-request`: a path a related MR changes. */
  source: 'issue' | 'merge-request';
}

export interface HistoryIssue {
  labels: readonly string[];
  state: string;
  closedAt: string | null;
  /** Username of whoever closed it. */
  closedBy: string | null;
}

export interface HistoryMergeRequest {
  labels: readonly string[];
  mergedAt: string | null;
  /** Username of the author. */
  author: string;
  /** Labels of the issues the MR closes, where the caller knows them. */
  closesIssueLabels?: readonly string[];
}

/** One open issue assigned to someone (an issue with two assignees is two of these). */
export interface OpenAssignment {
  username: string;
  weight: number | null;
}

export type DriReasonKind = 'service' | 'codeowners' | 'history' | 'load' | 'onboarding';

export interface DriReason {
  kind: DriReasonKind;
  text: string;
}

export interface DriSuggestion {
  username: string;
  name: string;
  avatarUrl: string | null;
  /** 0–100, rounded: see `displayScore` (points.ts). */
  score: number;
  reasons: DriReason[];
  atCapacity: boolean;
}

export interface OnboardingCandidate {
  username: string;
  name: string;
  avatarUrl: string | null;
  joinedDaysAgo: number;
}

export interface DriAnswer {
  /** At most 3, best first. */
  suggestions: DriSuggestion[];
  /** Only for simple issues: recently joined active members, newest first. */
  onboarding: OnboardingCandidate[];
  simple: boolean;
}

/** What one evidence source says of one person: points (see points.ts) and why. */
export interface SourceScore {
  points: number;
  reasons: DriReason[];
}

/** A source's scores keyed by lower-case username (GitLab usernames are case-insensitive). */
export type ScoresByUser = Map<string, SourceScore>;

export const DAY_MS = 86_400_000;

export const userKey = (username: string): string => username.trim().replace(/^@/, '').toLowerCase();
