/**
 * The daily background sync (SPEC §8): an alarm, because the MV3 worker is not alive to run a
 * timer, that refreshes the configured team's group and projects.
 */
import type { Settings } from '../settings';
import type { DataService } from './data-service';
import { resolveTeam } from './scopes';

export const DAILY_SYNC_ALARM = 'daily-sync';

interface Alarms {
  get(name: string): Promise<unknown>;
  create(name: string, info: { periodInMinutes: number; delayInMinutes: number }): Promise<void> | void;
}

/**
 * Creates the alarm unless it exists. Called at every start of the worker, not only on install:
 * browsers may drop alarms across restarts and updates.
 */
export async function scheduleDailySync(alarms: Alarms): Promise<void> {
  if (await alarms.get(DAILY_SYNC_ALARM)) return;
  await alarms.create(DAILY_SYNC_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
}

/** Syncs every team scope that resolves, one after the other; a bad path is logged, not fatal. */
export async function runDailySync(
  settings: Settings,
  data: Pick<DataService, 'lookup' | 'syncNow'>,
  log: (message: string, detail?: unknown) => void,
): Promise<void> {
  if (!settings.token) return;
  const { targets, problems } = await resolveTeam(settings, data);
  for (const problem of problems) log(`daily sync skips ${problem.path}: ${problem.message}`);
  for (const target of targets) {
    await data.syncNow({ kind: target.kind, id: target.id }).catch((error: unknown) => log('daily sync failed', error));
  }
}
