import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings';
import { effectiveSettings, sharedSectionsInForce, type SharedConfigState } from '../../../utils/settings/effective';

const local: Settings = {
  ...DEFAULT_SETTINGS,
  gitlabUrl: 'https://gitlab.example.com',
  token: 'glpat-local',
  team: { group: '', projects: ['me/playground'], engineers: [] },
  survey: { project: 'me/ideas' },
  shared: { project: 'acme/handbook', ref: '', path: '.gitlab/engineering-lens.json', local: [] },
};
const file = {
  ...DEFAULT_SETTINGS,
  team: { group: 'acme', projects: [], engineers: ['ava'] },
  kpi: { ...DEFAULT_SETTINGS.kpi, windowDays: 30 },
  survey: { project: 'acme/suggestions' },
};
const { token: _token, gitlabUrl: _url, ...fileSettings } = file;
const reading = (overrides: Partial<SharedConfigState> = {}): SharedConfigState => ({
  source: { project: 'acme/handbook', ref: '', path: '.gitlab/engineering-lens.json' },
  readRef: 'main',
  readAt: '2026-12-01T08:00:00.000Z',
  settings: fileSettings,
  ...overrides,
});

describe('the settings in force with a shared configuration', () => {
  it("take the shared file's sections; the connection, sync and the file's location stay local", () => {
    const effective = effectiveSettings(local, reading());
    expect(effective.team).toEqual(file.team);
    expect(effective.kpi.windowDays).toBe(30);
    expect(effective.survey).toEqual({ project: 'acme/suggestions' });
    expect([effective.gitlabUrl, effective.token]).toEqual(['https://gitlab.example.com', 'glpat-local']);
    expect(effective.shared).toEqual(local.shared);
  });

  it('keep the sections the user keeps as their own', () => {
    const keeping = { ...local, shared: { ...local.shared, local: ['team' as const, 'survey' as const] } };
    const effective = effectiveSettings(keeping, reading());
    expect(effective.team).toEqual(local.team);
    expect(effective.survey).toEqual(local.survey);
    expect(effective.kpi.windowDays).toBe(30);
    expect(sharedSectionsInForce(keeping, reading())).toEqual(['kpi', 'allocation', 'dri', 'okr']);
  });

  it('are the local ones when the file is invalid, unreadable, or was read from another location', () => {
    expect(effectiveSettings(local, reading({ settings: undefined, problems: [{ path: 'settings.kpi.windowDays', message: 'Too small.' }] }))).toBe(local);
    expect(effectiveSettings(local, reading({ settings: undefined, error: 'There is no .gitlab/engineering-lens.json on main in acme/handbook.' }))).toBe(local);
    expect(effectiveSettings(local, reading({ source: { project: 'acme/old-handbook', ref: '', path: '.gitlab/engineering-lens.json' } }))).toBe(local);
    expect(effectiveSettings({ ...local, shared: { ...local.shared, project: '' } }, reading())).toEqual({ ...local, shared: { ...local.shared, project: '' } });
    expect(sharedSectionsInForce(local, null)).toEqual([]);
  });
});
