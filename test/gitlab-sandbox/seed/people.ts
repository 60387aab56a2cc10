// Users, group/project memberships and personal access tokens.

import { DAY, isoDate, isoTime } from '../dates.ts';
import type { Membership, Token, User } from '../types.ts';
import { GROUP_ID, PEOPLE, userId } from './catalog.ts';

/** Demo tokens. Documented in README.md and re-exported from index.ts. */
export const SANDBOX_TOKENS = {
  /** scopes ['api'], user ava.chen (Owner of the group). */
  api: 'glpat-sandbox-api',
  /** scopes ['read_api'], user dev.patel (Developer). */
  read: 'glpat-sandbox-read',
  /** revoked: every request answers 401. */
  revoked: 'glpat-sandbox-revoked',
  /** scopes ['read_user']: /user and /personal_access_tokens/self only, other API reads are 403. */
  userOnly: 'glpat-sandbox-user-only',
  /** scopes ['read_registry']: even /user is 403 insufficient_scope. */
  registryOnly: 'glpat-sandbox-registry-only',
  /** expired three days ago: 401. */
  expired: 'glpat-sandbox-expired',
} as const;

export function seedUsers(now: number): User[] {
  return PEOPLE.map((person, index) => ({
    id: index + 1,
    username: person.username,
    name: person.name,
    state: person.blocked ? 'blocked' : 'active',
    created_at: isoTime(now - (person.joinedDaysAgo + 30) * DAY),
    job_title: person.jobTitle,
  }));
}

export function seedMemberships(now: number): Membership[] {
  const owner = userId('ava.chen');
  const memberships: Membership[] = PEOPLE.map((person, index) => ({
    user_id: index + 1,
    source_type: 'Namespace',
    source_id: GROUP_ID,
    access_level: person.access,
    created_at: isoTime(now - person.joinedDaysAgo * DAY - 9 * 3600_000),
    expires_at: null,
    created_by_id: owner,
  }));
  // A direct project membership above the inherited one: members/all must report the highest.
  memberships.push({
    user_id: userId('lucia.rossi'),
    source_type: 'Project',
    source_id: 201,
    access_level: 30,
    created_at: isoTime(now - 120 * DAY),
    expires_at: isoDate(now + 240 * DAY),
    created_by_id: userId('carla.diaz'),
  });
  return memberships;
}

export function seedTokens(now: number): Token[] {
  const created = isoTime(now - 60 * DAY);
  const usedRecently = isoTime(now - 2 * 3600_000);
  const base = { created_at: created, last_used_at: usedRecently, revoked: false };
  return [
    { ...base, id: 1, name: 'Engineering Lens', token: SANDBOX_TOKENS.api, user_id: userId('ava.chen'), scopes: ['api'], expires_at: isoDate(now + 180 * DAY) },
    { ...base, id: 2, name: 'Engineering Lens (read only)', token: SANDBOX_TOKENS.read, user_id: userId('dev.patel'), scopes: ['read_api'], expires_at: isoDate(now + 30 * DAY) },
    { ...base, id: 3, name: 'old laptop', token: SANDBOX_TOKENS.revoked, user_id: userId('grace.kim'), scopes: ['api'], revoked: true, expires_at: isoDate(now + 90 * DAY) },
    { ...base, id: 4, name: 'profile reader', token: SANDBOX_TOKENS.userOnly, user_id: userId('kofi.mensah'), scopes: ['read_user'], expires_at: isoDate(now + 365 * DAY) },
    { ...base, id: 6, name: 'registry puller', token: SANDBOX_TOKENS.registryOnly, user_id: userId('kofi.mensah'), scopes: ['read_registry'], expires_at: isoDate(now + 365 * DAY) },
    { ...base, id: 5, name: 'expired', token: SANDBOX_TOKENS.expired, user_id: userId('emma.schulz'), scopes: ['read_api'], expires_at: isoDate(now - 3 * DAY), last_used_at: isoTime(now - 4 * DAY) },
  ];
}
