import { DEFAULT_KPI_SETTINGS } from './settings';
import type { KpiMember } from './types';
import { parseTimestamp } from './window';

/** Who counts as an engineer for team rates, and where the list came from (for the tooltip). */
export interface EngineerRoster {
  usernames: string[];
  source: 'configured' | 'members';
  /**
   * When each engineer joined the team: the earliest membership `created_at` among the team's
   * members, keyed by the name as it appears in `usernames`. An engineer without an entry (no
   * cached membership, or a GitLab too old to send the field) counts as there all along.
   */
  joinedAt?: ReadonlyMap<string, string>;
}

interface EngineerRosterOptions {
  /** Configured engineers; when non-empty they win over membership. */
  configuredUsernames?: readonly string[];
  /** Default 30 (Developer): Guests, Planners and Reporters do not write MRs as their job. */
  minAccessLevel?: number;
}

/**
 * The configured list (trimmed, a leading "@" dropped, deduplicated case-insensitively since
 * GitLab usernames are unique regardless of case), else active members with access level at
 * or above Developer. Members come per project, so one person appears once per project, maybe
 * with different levels: they count once, if any membership qualifies. Blocked, deactivated
 * and awaiting members are left out (state !== 'active').
 *
 * Either way each engineer found among the members gets a join date: their earliest membership
 * (they were on the team from then), for the engineer-months of MR rate and Tech contribution.
 */
export function resolveEngineers(
  members: readonly KpiMember[],
  opts: EngineerRosterOptions = {},
): EngineerRoster {
  const joined = earliestMemberships(members);
  const configured = dedupeUsernames(opts.configuredUsernames ?? []);
  if (configured.length > 0) {
    return { usernames: configured, source: 'configured', joinedAt: joinDates(configured, joined) };
  }

  const minAccessLevel = opts.minAccessLevel ?? DEFAULT_KPI_SETTINGS.minEngineerAccessLevel;
  const usernameById = new Map<number, string>();
  for (const member of members) {
    if (member.state === 'active' && member.access_level >= minAccessLevel) usernameById.set(member.id, member.username);
  }
  const usernames = [...usernameById.values()];
  return { usernames, source: 'members', joinedAt: joinDates(usernames, joined) };
}

/**
 * Per lower-cased username, the earliest membership start over all their memberships (any
 * access level: access changes keep a membership's date anyway), or null when one of them has
 * no date: an unknown start may be the earliest, so the engineer counts for the whole window.
 */
function earliestMemberships(members: readonly KpiMember[]): Map<string, { ms: number; iso: string } | null> {
  const byUser = new Map<number, { username: string; first: { ms: number; iso: string } | null }>();
  for (const member of members) {
    const iso = member.created_at;
    const ms = parseTimestamp(iso);
    const start = ms === null || !iso ? null : { ms, iso };
    const seen = byUser.get(member.id);
    if (!seen) byUser.set(member.id, { username: member.username, first: start });
    else if (seen.first !== null && (start === null || start.ms < seen.first.ms)) seen.first = start;
  }
  return new Map([...byUser.values()].map(({ username, first }) => [username.toLowerCase(), first]));
}

function joinDates(
  usernames: readonly string[],
  joined: ReadonlyMap<string, { ms: number; iso: string } | null>,
): Map<string, string> {
  const dates = new Map<string, string>();
  for (const username of usernames) {
    const first = joined.get(username.toLowerCase());
    if (first) dates.set(username, first.iso);
  }
  return dates;
}

function dedupeUsernames(usernames: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of usernames) {
    const username = raw.trim().replace(/^@/, '');
    const lowered = username.toLowerCase();
    if (username === '' || seen.has(lowered)) continue;
    seen.add(lowered);
    result.push(username);
  }
  return result;
}

export function rosterPhrase(roster: EngineerRoster): string {
  return roster.source === 'configured'
    ? 'Engineers: the configured team list.'
    : 'Engineers: active members with Developer access or higher.';
}
