/**
 * The daily background sync (SPEC §8): an alarm, because the MV3 worker is not alive to run a
 * timer, that refreshes the configured team's group and projects.
 */
import type { Settings } from '../settings';
import type { DataService, Scope } from './data-service';

export const DAILY_SYNC_ALARM = 'daily-sync';

interface Alarms {
  get(name: string): Promise<unknown>;
  create(name: string, info: { periodInMinutes: number; delayInMinutes: number }): Promise<void> | void;
}

export async function scheduleDailySync(alarms: Alarms): Promise<void> {
  if (await alarms.get(DAILY_SYNC_ALARM)) return;
  await alarms.create(DAILY_SYNC_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
}

/** The team's scopes: its group and its listed projects (paths or numeric ids). */
export async function teamScopes(settings: Settings, data: Pick<DataService, 'groupId' | 'projectId'>): Promise<Scope[]> {
  const scopes: Scope[] = [];
  if (settings.team.group) scopes.push({ kind: 'group', id: await data.groupId(settings.team.group) });
  for (const project of settings.team.projects) {
    const id = /^\d+$/.test(project) ? Number(project) : await data.projectId(project);
    scopes.push({ kind: 'project', id });
  }
  return scopes;
}
