import { DEFAULT_KPI_SETTINGS } from './settings';
import type { KpiMember } from './types';

/** Who counts as an engineer for team rates, and where the list came from (for the tooltip). */
export interface EngineerRoster {
  usernames: string[];
  source: 'configured' | 'members';
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
 */
export function resolveEngineers(
  members: readonly KpiMember[],
  opts: EngineerRosterOptions = {},
): EngineerRoster {
  const configured = dedupeUsernames(opts.configuredUsernames ?? []);
  if (configured.length > 0) return { usernames: configured, source: 'configured' };

  const minAccessLevel = opts.minAccessLevel ?? DEFAULT_KPI_SETTINGS.minEngineerAccessLevel;
  const usernameById = new Map<number, string>();
  for (const member of members) {
    if (member.state === 'active' && member.access_level >= minAccessLevel) usernameById.set(member.id, member.username);
  }
  return { usernames: [...usernameById.values()], source: 'members' };
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
