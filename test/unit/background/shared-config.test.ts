import { describe, expect, it } from 'vitest';
import { createSharedConfig } from '../../../utils/background/shared-config';
import type { GitLabClient } from '../../../utils/gitlab/client';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings';
import type { SharedConfigState } from '../../../utils/settings/effective';

const T0 = Date.parse('2026-12-01T08:00:00Z');
const local: Settings = {
  ...DEFAULT_SETTINGS,
  token: 'glpat-x',
  team: { group: '', projects: ['me/mine'], engineers: [] },
  shared: { project: 'acme/handbook', ref: '', path: '.gitlab/engineering-lens.json', local: [] },
};
const file = (team: object) => JSON.stringify({ format: 'engineering-lens-config', version: 1, settings: { team } });

function setUp(files: Record<string, string | null>) {
  const requests: string[] = [];
  const client = {
    getProject: async () => ({ default_branch: 'main' }),
    getRawFile: async (project: string, path: string, ref: string) => {
      requests.push(`${project}:${path}@${ref}`);
      return files[`${path}@${ref}`] ?? null;
    },
  } as unknown as GitLabClient;
  let state: SharedConfigState | null = null;
  let loads = 0;
  const clock = { now: T0 };
  let changes = 0;
  const shared = createSharedConfig({
    client: () => client,
    load: async () => (loads++, state),
    save: async (next) => void (state = next),
    now: () => clock.now,
    changed: () => changes++,
  });
  return { shared, requests, clock, loads: () => loads, changes: () => changes, state: () => state };
}

describe('the shared configuration in the background', () => {
  it('reads the file from the default branch the first time, then uses the kept reading', async () => {
    const world = setUp({ '.gitlab/engineering-lens.json@main': file({ group: 'acme' }) });
    expect((await world.shared.effective(local)).team).toEqual({ group: 'acme', projects: [], engineers: [] });
    expect((await world.shared.effective(local)).team.group).toBe('acme');
    expect(world.requests).toEqual(['acme/handbook:.gitlab/engineering-lens.json@main']);
    // Storage is read once per worker, not on every request.
    expect(world.loads()).toBe(1);
    expect(world.changes()).toBe(1);
    expect(await world.shared.info(local)).toMatchObject({ readRef: 'main', inForce: ['team', 'kpi', 'allocation', 'dri', 'survey', 'okr'], local: [] });
  });

  it('a day later reads it again behind the answer', async () => {
    const world = setUp({ '.gitlab/engineering-lens.json@main': file({ group: 'acme' }) });
    await world.shared.effective(local);
    world.clock.now = T0 + 25 * 3_600_000;
    await world.shared.effective(local);
    await expect.poll(() => world.requests.length).toBe(2);
  });

  it('a missing file is named and the local settings stay in force', async () => {
    const world = setUp({});
    expect((await world.shared.effective(local)).team).toEqual(local.team);
    expect(await world.shared.info(local)).toMatchObject({ error: 'There is no .gitlab/engineering-lens.json on main in acme/handbook.', inForce: [] });
    expect(world.changes()).toBe(0);
  });

  it('without a location nothing is read and the reading is dropped', async () => {
    const world = setUp({ '.gitlab/engineering-lens.json@main': file({ group: 'acme' }) });
    const none = { ...local, shared: { ...local.shared, project: '' } };
    expect(await world.shared.effective(none)).toBe(none);
    expect(await world.shared.refresh(none)).toBeNull();
    expect(world.requests).toEqual([]);
    expect(await world.shared.info(none)).toBeNull();
  });
});
