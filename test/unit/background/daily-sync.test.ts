import { describe, expect, it, vi } from 'vitest';
import { DAILY_SYNC_ALARM, scheduleDailySync, teamScopes } from '../../../utils/background/daily-sync';
import { DEFAULT_SETTINGS } from '../../../utils/settings';

describe('daily sync', () => {
  it('creates the daily alarm once', async () => {
    const alarms = new Map<string, unknown>();
    const api = {
      get: async (name: string) => alarms.get(name),
      create: vi.fn((name: string, info: unknown) => void alarms.set(name, info)),
    };
    await scheduleDailySync(api);
    await scheduleDailySync(api);
    expect(api.create).toHaveBeenCalledTimes(1);
    expect(alarms.get(DAILY_SYNC_ALARM)).toEqual({ periodInMinutes: 1440, delayInMinutes: 1 });
  });

  it("syncs the team's group and its projects, given by path or id", async () => {
    const data = { groupId: vi.fn(async () => 100), projectId: vi.fn(async () => 201) };
    const settings = { ...DEFAULT_SETTINGS, team: { group: 'lens-demo', projects: ['lens-demo/web-app', '203'], engineers: [] } };
    expect(await teamScopes(settings, data)).toEqual([
      { kind: 'group', id: 100 },
      { kind: 'project', id: 201 },
      { kind: 'project', id: 203 },
    ]);
    expect(data.projectId).toHaveBeenCalledWith('lens-demo/web-app');
    expect(await teamScopes(DEFAULT_SETTINGS, data)).toEqual([]);
  });
});
