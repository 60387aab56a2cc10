import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, kpiSettingsFrom, parseSettings, settingsFromStorage, toPublicSettings } from '../../utils/settings';
import { normalizeGitLabUrl, originPermissionPattern } from '../../utils/gitlab-url';

describe('normalizeGitLabUrl', () => {
  it.each([
    ['https://gitlab.com', 'https://gitlab.com'],
    ['  https://gitlab.example.com/  ', 'https://gitlab.example.com'],
    ['gitlab.example.com', 'https://gitlab.example.com'],
    ['https://example.com/gitlab/api/v4', 'https://example.com/gitlab'],
    ['https://gitlab.com/gitlab-org/gitlab/-/issues/1', 'https://gitlab.com/gitlab-org/gitlab'],
    ['http://127.0.0.1:3000/?x=1#y', 'http://127.0.0.1:3000'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeGitLabUrl(input)).toEqual({ ok: true, url: expected });
  });

  it.each([
    ['', 'Enter the address'],
    ['ftp://gitlab.example.com', 'must start with https://'],
    ['https://user:pw@gitlab.example.com', 'Leave the user name and password out'],
    ['https://exa mple.com', 'is not a web address'],
  ])('rejects %j with a message the user can act on', (input, fragment) => {
    const result = normalizeGitLabUrl(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(fragment);
  });

  it('asks for the host on any port', () => {
    expect(originPermissionPattern('http://127.0.0.1:3000/gitlab')).toBe('http://127.0.0.1/*');
  });
});

describe('settings', () => {
  it('fills defaults and normalizes', () => {
    const parsed = parseSettings({ version: 1, gitlabUrl: 'gitlab.example.com/', token: ' glpat-x ' });
    expect(parsed).toEqual({
      ok: true,
      settings: {
        version: 1,
        gitlabUrl: 'https://gitlab.example.com',
        token: 'glpat-x',
        team: { group: '', projects: [], engineers: [] },
        kpi: {
          windowDays: 90,
          timeZone: 'UTC',
          dueSoonDays: 3,
          incidentTypeIsFailure: true,
          failureLabelSets: [['incident'], ['type::bug', 'severity::1'], ['type::bug', 'severity::2']],
          targets: { onTimePercent: 80, completePercent: 80, mttrHours: 24, mtbfDays: 30, mrRate: 8, techContribution: 2 },
        },
        sync: { staleAfterMinutes: 60 },
      },
    });
  });

  it('gives the KPI engine its units: ratios and milliseconds', () => {
    const parsed = parseSettings({
      version: 1,
      gitlabUrl: 'https://gitlab.com',
      token: '',
      team: { engineers: ['ada'] },
      kpi: { windowDays: 30, timeZone: 'Europe/Berlin', targets: { onTimePercent: 75, mttrHours: 4, mtbfDays: 10 } },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    const kpi = kpiSettingsFrom(parsed.settings);
    expect(kpi.windowDays).toBe(30);
    expect(kpi.timeZone).toBe('Europe/Berlin');
    expect(kpi.engineerUsernames).toEqual(['ada']);
    expect(kpi.targets['on-time']).toEqual({ target: 0.75, direction: 'higher-is-better' });
    expect(kpi.targets.mttr).toEqual({ target: 4 * 3_600_000, direction: 'lower-is-better' });
    expect(kpi.targets.mtbf.target).toBe(10 * 86_400_000);
  });

  it('rejects a time zone that does not exist', () => {
    const parsed = parseSettings({ version: 1, gitlabUrl: 'https://gitlab.com', token: '', kpi: { timeZone: 'Mars/Olympus' } });
    expect(parsed).toEqual({ ok: false, fieldErrors: { 'kpi.timeZone': expect.stringContaining('time zone') } });
  });

  it('reports every invalid field by path', () => {
    const parsed = parseSettings({
      version: 1,
      gitlabUrl: 'ftp://x',
      token: 'has space',
      team: { group: '', projects: ['ok', ''], engineers: [] },
      sync: { staleAfterMinutes: 0 },
    });
    expect(parsed.ok).toBe(false);
    const errors = !parsed.ok ? parsed.fieldErrors : {};
    expect(Object.keys(errors).sort()).toEqual(['gitlabUrl', 'sync.staleAfterMinutes', 'team.projects.1', 'token']);
  });

  it('migrates unversioned settings', () => {
    const parsed = parseSettings({ gitlabUrl: 'https://gitlab.com', token: 't' });
    expect(parsed.ok && parsed.settings.version).toBe(1);
  });

  it('falls back to defaults when storage holds garbage, and says what was wrong', () => {
    const { settings, problems } = settingsFromStorage({ version: 1, gitlabUrl: 42 });
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(Object.keys(problems)).toContain('gitlabUrl');
    expect(settingsFromStorage(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: {} });
  });

  it('never exposes the token to the UI', () => {
    const pub = toPublicSettings({ ...DEFAULT_SETTINGS, token: 'glpat-secret' });
    expect(JSON.stringify(pub)).not.toContain('glpat-secret');
    expect(pub.hasToken).toBe(true);
  });
});
