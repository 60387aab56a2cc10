/**
 * Who may be suggested at all: active members only (never `blocked`, `deactivated`, `banned`,
 * ...), never bot users (project and group access token bots are members too), never anyone
 * missing from the members list, whatever the evidence.
 */
import { userKey, type DriMember } from './types';

/** Project/group access token bots: `project_12_bot`, `project_12_bot3`, `group_4_bot_<hex>`. */
export function isBotUsername(username: string): boolean {
  return /^(?:project|group)_\d+_bot(?:\d+|_[0-9a-f]+)?$/i.test(username);
}

/**
 * Active, non-bot members keyed by lower-case username. A user listed twice (direct and
 * inherited membership) is kept once, with the highest access level and the earliest join date.
 */
export function eligibleMembers(members: readonly DriMember[]): Map<string, DriMember> {
  const byUser = new Map<string, DriMember>();
  for (const member of members) {
    if (member.state !== 'active' || isBotUsername(member.username)) continue;
    const user = userKey(member.username);
    if (user === '') continue;
    const known = byUser.get(user);
    if (!known) {
      byUser.set(user, member);
      continue;
    }
    byUser.set(user, { ...known, accessLevel: Math.max(known.accessLevel, member.accessLevel), joinedAt: earlier(known.joinedAt, member.joinedAt) });
  }
  return byUser;
}

function earlier(a: string | null, b: string | null): string | null {
  const aMs = a ? Date.parse(a) : NaN;
  const bMs = b ? Date.parse(b) : NaN;
  if (Number.isNaN(aMs)) return Number.isNaN(bMs) ? null : b;
  if (Number.isNaN(bMs)) return a;
  return bMs < aMs ? b : a;
}
