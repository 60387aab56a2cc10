import { describe, expect, it, vi } from 'vitest';
import { createAlarmDispatcher, DAILY_SYNC_ALARM, OUTBOX_ALARM, ensureAlarms, runDailySync } from '../../../utils/background/alarms';
import type { Lookup } from '../../../utils/background/data-service';
import { resolveTeam } from '../../../utils/background/scopes';
import { DEFAULT_SETTINGS } from '../../../utils/settings';

const known: Record<string, number> = { 'group:lens-demo': 100, 'project:lens-demo/web-app': 201 };
const lookup = vi.fn(async (kind: 'project' | 'group', path: string): Promise<Lookup> => {
  const id = known[`${kind}:${path}`];
  return id === undefined ? { error: { kind: 'scope-not-found', message: `GitLab has no ${kind} “${path}” (404).` } } : { id };
});
const team = (group: string, projects: string[]) => ({ ...DEFAULT_SETTINGS, token: 'glpat-x', team: { group, projects, engineers: [] } });

describe('alarms', () => {
  it('creates the daily alarm once', async () => {
    const alarms = new Map<string, unknown>();
    const api = {
      get: async (name: string) => alarms.get(name),
      create: vi.fn((name: string, info: unknown) => void alarms.set(name, info)),
    };
    await ensureAlarms(api);
    await ensureAlarms(api);
    expect(api.create).toHaveBeenCalledTimes(1);
    expect(alarms.get(DAILY_SYNC_ALARM)).toEqual({ periodInMinutes: 1440, delayInMinutes: 1 });
  });

  it('sends each fired alarm to its handler and logs a failing one', async () => {
    const daily = vi.fn(async () => {
      throw new Error('offline');
    });
    const log = vi.fn();
    const outbox = vi.fn(async () => {});
    const dispatch = createAlarmDispatcher({ [DAILY_SYNC_ALARM]: daily, [OUTBOX_ALARM]: outbox }, log);
    dispatch({ name: 'someone-elses-alarm' });
    expect(daily).not.toHaveBeenCalled();
    dispatch({ name: DAILY_SYNC_ALARM });
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith('daily-sync failed', new Error('offline')));
    dispatch({ name: OUTBOX_ALARM });
    expect(outbox).toHaveBeenCalledTimes(1);
  });

  it("syncs every scope of the team that resolves and names the one that does not", async () => {
    const syncNow = vi.fn(async () => true);
    const log = vi.fn();
    await runDailySync(team('lens-demo', ['lens-demo/gone', 'lens-demo/web-app', '203']), { lookup, syncNow }, log);
    expect(syncNow.mock.calls).toEqual([[{ kind: 'group', id: 100 }], [{ kind: 'project', id: 201 }], [{ kind: 'project', id: 203 }]]);
    expect(log).toHaveBeenCalledWith('daily sync skips lens-demo/gone: GitLab has no project “lens-demo/gone” (404).');
  });
});

describe('team resolution', () => {
  it('resolves the group and the projects given by path or id', async () => {
    expect(await resolveTeam(team('lens-demo', ['lens-demo/web-app', '203']), { lookup })).toEqual({
      targets: [
        { kind: 'group', id: 100, path: 'lens-demo' },
        { kind: 'project', id: 201 },
        { kind: 'project', id: 203 },
      ],
      problems: [],
    });
    expect(await resolveTeam(DEFAULT_SETTINGS, { lookup })).toEqual({ targets: [], problems: [] });
  });

  it('keeps the rest of the team when one path is unknown or cannot be looked up', async () => {
    const flaky = async (kind: 'project' | 'group', path: string): Promise<Lookup> => {
      if (path === 'lens-demo/offline') throw new Error('Could not reach gitlab.example.com: the connection was refused.');
      return lookup(kind, path);
    };
    const resolved = await resolveTeam(team('lens-demo', ['lens-demo/gone', 'lens-demo/web-app', 'lens-demo/offline']), { lookup: flaky });
    expect(resolved.targets).toEqual([{ kind: 'group', id: 100, path: 'lens-demo' }, { kind: 'project', id: 201 }]);
    expect(resolved.problems).toEqual([
      { field: 'team.projects.0', path: 'lens-demo/gone', message: 'GitLab has no project “lens-demo/gone” (404).' },
      {
        field: 'team.projects.2',
        path: 'lens-demo/offline',
        message: 'Could not look up project “lens-demo/offline”: Could not reach gitlab.example.com: the connection was refused.',
      },
    ]);
  });
});
