import type { DriIssue, DriMember } from '@/utils/dri/types';
import { driSection, type DriSettings } from '@/utils/settings/dri';

export const now = new Date('2025-06-01T00:00:00Z');

/** `days` days before `now`, as an ISO timestamp. */
export const daysAgo = (days: number): string => new Date(now.getTime() - days * 86_400_000).toISOString();

export function member(id: number, username: string, fields: Partial<DriMember> = {}): DriMember {
  return { id, username, name: username[0]!.toUpperCase() + username.slice(1), avatarUrl: null, state: 'active', accessLevel: 30, joinedAt: '2020-01-01T00:00:00Z', ...fields };
}

export function issue(fields: Partial<DriIssue> = {}): DriIssue {
  return { iid: 1, title: 'Something', description: '', labels: [], weight: null, assigneeUsernames: [], ...fields };
}

/** Settings as parsed (defaults filled, input validated). */
export function settings(input: Record<string, unknown> = {}): DriSettings {
  return driSection.parse(input);
}
