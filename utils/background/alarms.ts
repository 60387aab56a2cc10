/**
 * The background's alarms, one dispatcher for all: the MV3 worker is not alive to run timers, so
 * anything periodic is an alarm: the daily sync (SPEC §8), and the survey outbox's next attempt. Alarms are (re)created at every start of the worker: browsers may drop them
 * across restarts and updates.
 */
import type { Settings } from '../settings';
import type { DataService } from './data-service';
import { resolveTeam } from './scopes';

export const DAILY_SYNC_ALARM = 'daily-sync';
/** One-shot, at the survey outbox's next due attempt (utils/background/outbox.ts). */
export const OUTBOX_ALARM = 'survey-outbox';

/** Every alarm with its schedule (minutes). */
const ALARMS = {
  [DAILY_SYNC_ALARM]: { periodInMinutes: 24 * 60, delayInMinutes: 1 },
} as const;

type AlarmName = keyof typeof ALARMS | typeof OUTBOX_ALARM;

interface AlarmsApi {
  get(name: string): Promise<unknown>;
  create(name: string, info: { periodInMinutes: number; delayInMinutes: number }): Promise<void> | void;
}

/** Creates every alarm that does not exist; keeps those that do (and their next run). */
export async function ensureAlarms(alarms: AlarmsApi): Promise<void> {
  for (const [name, schedule] of Object.entries(ALARMS)) {
    if (!(await alarms.get(name))) await alarms.create(name, { ...schedule });
  }
}

/** Routes a fired alarm to its handler; a failure is logged, never thrown into the browser. */
export function createAlarmDispatcher(
  handlers: Record<AlarmName, () => Promise<void>>,
  log: (message: string, detail?: unknown) => void,
): (alarm: { name: string }) => void {
  return (alarm) => {
    if (!Object.hasOwn(handlers, alarm.name)) return;
    handlers[alarm.name as AlarmName]().catch((error: unknown) => log(`${alarm.name} failed`, error));
  };
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
