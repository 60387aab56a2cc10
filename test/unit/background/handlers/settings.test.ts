import { describe, expect, it, vi } from 'vitest';
import type { ConnectionProbe } from '../../../../utils/background/connection-test';
import { createSettingsHandlers as createHandlers, type SettingsHandlerDeps as HandlerDeps } from '../../../../utils/background/handlers/settings';
import { GitLabError } from '../../../../utils/gitlab/errors';
import type { ConnectionCheck } from '../../../../utils/messages';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../../../../utils/settings';

const NOW = Date.parse('2026-05-01T12:00:00Z');

/** A probe that knows user ada, group `g` and project `g/p`; anything else is a 404. */
function probe(overrides: Partial<ConnectionProbe> = {}): ConnectionProbe {
  const notFound = () => new GitLabError({ kind: 'not-found', gitlabMessage: '404 Not Found' });
  return {
    getCurrentUser: async () => ({ username: 'ada', name: 'Ada' }),
    getTokenInfo: async () => ({ name: 'lens', scopes: ['read_api'], expires_at: '2027-01-31' }),
    getGroup: async (path) => {
      if (path !== 'g') throw notFound();
      return { id: 5 };
    },
    getProject: async (path) => {
      if (path !== 'g/p') throw notFound();
      return { id: 12 };
    },
    ...overrides,
  };
}

function makeDeps(saved: Settings, overrides: Partial<HandlerDeps> = {}) {
  let stored = saved;
  let kept: ConnectionCheck | null = null;
  const probeCalls: Array<{ url: string; token: string }> = [];
  const deps: HandlerDeps = {
    loadSettings: async () => ({ settings: stored, problems: {} }),
    saveSettings: async (candidate) => {
      const parsed = parseSettings(candidate);
      if (parsed.ok) stored = parsed.settings;
      return parsed;
    },
    hasOriginPermission: vi.fn(async () => true),
    syncContentScriptRegistration: vi.fn(async () => 'registered'),
    openOptionsPage: vi.fn(async () => {}),
    clearCache: vi.fn(async () => {}),
    createProbe: (url, token) => {
      probeCalls.push({ url, token });
      return probe();
    },
    describeError: (error) =>
      error instanceof GitLabError ? { kind: error.kind, message: error.message } : { kind: 'unreachable', message: String(error) },
    teamProblems: async () => ({}),
    connectionChanged: vi.fn(async () => {}),
    now: () => NOW,
    loadConnectionCheck: async () => kept,
    saveConnectionCheck: async (check) => {
      kept = check;
    },
    ...overrides,
  };
  return { deps, handlers: createHandlers(deps), probeCalls, stored: () => stored, kept: () => kept };
}

const savedSelfManaged: Settings = { ...DEFAULT_SETTINGS, gitlabUrl: 'https://gitlab.example.com', token: 'glpat-saved' };
const sender = {};

describe('connection test', () => {
  it('reports user, scopes and expiry', async () => {
    const { handlers } = makeDeps(DEFAULT_SETTINGS);
    const report = await handlers['ui:connection-test']({ gitlabUrl: 'https://gitlab.com', token: 'glpat-new' }, sender);
    expect(report).toEqual({
      ok: true,
      gitlabUrl: 'https://gitlab.com',
      user: { username: 'ada', name: 'Ada' },
      token: { name: 'lens', scopes: ['read_api'], expiresAt: '2027-01-31' },
    });
  });

  it('uses the saved token when the field is blank and the GitLab is the same', async () => {
    const { handlers, probeCalls } = makeDeps(savedSelfManaged);
    await handlers['ui:connection-test']({ gitlabUrl: 'gitlab.example.com/', token: '' }, sender);
    expect(probeCalls).toEqual([{ url: 'https://gitlab.example.com', token: 'glpat-saved' }]);
  });

  it('never sends the saved token to a different host', async () => {
    const { handlers, probeCalls } = makeDeps(savedSelfManaged);
    const report = await handlers['ui:connection-test']({ gitlabUrl: 'https://attacker.example', token: '' }, sender);
    expect(probeCalls).toEqual([]);
    expect(report.ok).toBe(false);
    expect(!report.ok && report.fieldErrors?.token).toContain('belongs to https://gitlab.example.com');
  });

  it('explains a bad URL without calling GitLab', async () => {
    const { handlers, probeCalls } = makeDeps(DEFAULT_SETTINGS);
    const report = await handlers['ui:connection-test']({ gitlabUrl: 'ftp://x', token: 't' }, sender);
    expect(report).toMatchObject({ ok: false, error: { kind: 'bad-url' } });
    expect(probeCalls).toEqual([]);
  });

  it('passes GitLab errors through the error mapping', async () => {
    const { handlers } = makeDeps(DEFAULT_SETTINGS, {
      createProbe: () =>
        probe({
          getCurrentUser: async () => {
            throw new Error('401');
          },
        }),
      describeError: () => ({ kind: 'unauthorized', message: 'GitLab rejected the token.' }),
    });
    const report = await handlers['ui:connection-test']({ gitlabUrl: 'https://gitlab.com', token: 'bad' }, sender);
    expect(report).toEqual({ ok: false, error: { kind: 'unauthorized', message: 'GitLab rejected the token.' } });
  });
});

describe('saving settings', () => {
  const team = { group: 'g', projects: ['g/p'], engineers: [] };

  it('saves valid settings, keeps the saved token for the same GitLab, and registers the content script', async () => {
    const { handlers, stored, deps } = makeDeps(savedSelfManaged);
    const result = await handlers['ui:settings-save'](
      { settings: { gitlabUrl: 'https://gitlab.example.com', team }, token: '' },
      sender,
    );
    expect(result).toMatchObject({ ok: true, settings: { hasToken: true, team } });
    expect(stored().token).toBe('glpat-saved');
    expect(deps.syncContentScriptRegistration).toHaveBeenCalledWith('https://gitlab.example.com');
  });

  it('keeps the saved settings when the input is invalid', async () => {
    const { handlers, stored } = makeDeps(savedSelfManaged);
    const result = await handlers['ui:settings-save'](
      { settings: { gitlabUrl: 'https://gitlab.example.com', sync: { staleAfterMinutes: -5 } }, token: '' },
      sender,
    );
    expect(result).toEqual({ ok: false, fieldErrors: { 'sync.staleAfterMinutes': expect.any(String) } });
    expect(stored()).toEqual(savedSelfManaged);
  });

  it('refuses a self-managed GitLab the user did not allow access to', async () => {
    const { handlers, stored } = makeDeps(DEFAULT_SETTINGS, { hasOriginPermission: async () => false });
    const result = await handlers['ui:settings-save'](
      { settings: { gitlabUrl: 'https://gitlab.example.com' }, token: 'glpat-x' },
      sender,
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { gitlabUrl: expect.stringContaining('not allowed') } });
    expect(stored()).toEqual(DEFAULT_SETTINGS);
  });

  it('does not carry the saved token to a new GitLab', async () => {
    const { handlers, stored } = makeDeps(savedSelfManaged);
    const result = await handlers['ui:settings-save'](
      { settings: { gitlabUrl: 'https://gitlab.com' }, token: '' },
      sender,
    );
    expect(result.ok).toBe(false);
    expect(stored()).toEqual(savedSelfManaged);
  });
});

describe('forgetting the token', () => {
  it('removes the token and the cache, and keeps the other settings', async () => {
    const saved = { ...savedSelfManaged, team: { group: 'g', projects: [], engineers: ['ada'] } };
    const { handlers, stored, deps } = makeDeps(saved);
    const result = await handlers['ui:forget-token']({}, sender);
    expect(result.settings).toMatchObject({ hasToken: false, gitlabUrl: 'https://gitlab.example.com', team: { engineers: ['ada'] } });
    expect(stored()).toEqual({ ...saved, token: '' });
    expect(deps.clearCache).toHaveBeenCalledTimes(1);
  });
});

describe('saving asks GitLab first', () => {
  const candidate = (settings: Record<string, unknown> = {}) => ({ gitlabUrl: 'https://gitlab.example.com', ...settings });
  const revoked = () =>
    probe({
      getCurrentUser: async () => {
        throw new GitLabError({ kind: 'unauthorized', reason: 'revoked' });
      },
    });

  it('refuses a token GitLab rejects, next to the token field, and keeps what was saved', async () => {
    const { handlers, stored } = makeDeps(savedSelfManaged, { createProbe: revoked });
    const result = await handlers['ui:settings-save']({ settings: candidate(), token: 'glpat-revoked' }, sender);
    expect(result).toEqual({ ok: false, fieldErrors: { token: expect.stringContaining('it was revoked') } });
    expect(stored()).toEqual(savedSelfManaged);
  });

  it('refuses a GitLab URL that does not answer, next to the URL field', async () => {
    const unreachable = () =>
      probe({
        getCurrentUser: async () => {
          throw new GitLabError({ kind: 'unreachable', reason: 'refused', host: 'gitlab.example.org' });
        },
      });
    const { handlers, stored } = makeDeps(savedSelfManaged, { createProbe: unreachable });
    const result = await handlers['ui:settings-save'](
      { settings: candidate({ gitlabUrl: 'https://gitlab.example.org' }), token: 'glpat-new' },
      sender,
    );
    expect(result).toEqual({ ok: false, fieldErrors: { gitlabUrl: expect.stringContaining('Could not reach gitlab.example.org') } });
    expect(stored()).toEqual(savedSelfManaged);
  });

  it('shows a team group or project GitLab does not know next to its field', async () => {
    const { handlers, stored } = makeDeps(savedSelfManaged);
    const result = await handlers['ui:settings-save'](
      { settings: candidate({ team: { group: 'gg', projects: ['g/p', 'g/gone', '42'], engineers: [] } }), token: '' },
      sender,
    );
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        'team.group': 'GitLab has no group “gg” (404), or this token’s user cannot see it. Use its full path, as in its URL.',
        'team.projects.1': 'GitLab has no project “g/gone” (404), or this token’s user cannot see it. Use its full path, as in its URL.',
      },
    });
    expect(stored()).toEqual(savedSelfManaged);
  });

  it('reuses a passed Test connection of the same URL and token, and asks nothing for unchanged settings', async () => {
    const { handlers, probeCalls, stored } = makeDeps(DEFAULT_SETTINGS);
    await handlers['ui:connection-test']({ gitlabUrl: 'https://gitlab.example.com', token: 'glpat-new' }, sender);
    const tested = probeCalls.length;
    const first = await handlers['ui:settings-save']({ settings: candidate(), token: 'glpat-new' }, sender);
    expect(first.ok).toBe(true);
    expect(probeCalls).toHaveLength(tested);
    expect(stored().token).toBe('glpat-new');

    // Only the KPI window changes: GitLab is not asked again.
    const second = await handlers['ui:settings-save']({ settings: candidate({ kpi: { windowDays: 30 } }), token: '' }, sender);
    expect(second.ok).toBe(true);
    expect(probeCalls).toHaveLength(tested);
  });

  it('tests a token that was never tested, before saving it', async () => {
    const { handlers, probeCalls } = makeDeps(DEFAULT_SETTINGS);
    const result = await handlers['ui:settings-save']({ settings: candidate({ team: { group: 'g', projects: [], engineers: [] } }), token: 'glpat-new' }, sender);
    expect(result.ok).toBe(true);
    // One probe for the connection test, one for the team's paths, both for the new GitLab and token.
    expect(probeCalls).toEqual([
      { url: 'https://gitlab.example.com', token: 'glpat-new' },
      { url: 'https://gitlab.example.com', token: 'glpat-new' },
    ]);
  });

  it('shows team paths that no longer resolve when the options page opens', async () => {
    const { handlers } = makeDeps(savedSelfManaged, { teamProblems: async () => ({ 'team.projects.0': 'GitLab has no project “g/gone” (404).' }) });
    const answer = await handlers['ui:settings-get']({}, sender);
    expect(answer.teamProblems).toEqual({ 'team.projects.0': 'GitLab has no project “g/gone” (404).' });
  });
});

describe('what a saved change does to the running background', () => {
  const candidate = (gitlabUrl: string) => ({ gitlabUrl });

  it('a new GitLab drops what was cached from the old one; a new token only cancels what the old one queued', async () => {
    const first = makeDeps(savedSelfManaged);
    await first.handlers['ui:settings-save']({ settings: candidate('https://gitlab.example.org'), token: 'glpat-other' }, sender);
    expect(first.deps.connectionChanged).toHaveBeenCalledWith('gitlab');

    const second = makeDeps(savedSelfManaged);
    await second.handlers['ui:settings-save']({ settings: candidate('https://gitlab.example.com'), token: 'glpat-rotated' }, sender);
    expect(second.deps.connectionChanged).toHaveBeenCalledWith('token');

    const third = makeDeps(savedSelfManaged);
    await third.handlers['ui:settings-save']({ settings: { ...candidate('https://gitlab.example.com'), kpi: { windowDays: 30 } }, token: '' }, sender);
    expect(third.deps.connectionChanged).not.toHaveBeenCalled();
  });
});

describe('the last connection test is kept for the options page', () => {
  const ada = { ok: true, gitlabUrl: 'https://gitlab.example.com', user: { username: 'ada', name: 'Ada' }, token: { name: 'lens', scopes: ['read_api'], expiresAt: '2027-01-31' } };
  const revoked = () =>
    probe({
      getCurrentUser: async () => {
        throw new GitLabError({ kind: 'unauthorized', reason: 'revoked' });
      },
    });

  it('keeps a test of the saved connection with its time, and never the token', async () => {
    const { handlers, kept } = makeDeps(savedSelfManaged);
    await handlers['ui:connection-test']({ gitlabUrl: 'https://gitlab.example.com', token: '' }, sender);
    expect(kept()).toEqual({ gitlabUrl: 'https://gitlab.example.com', checkedAt: '2026-05-01T12:00:00.000Z', savedConnection: true, report: ada });
    expect(JSON.stringify(kept())).not.toContain('glpat-saved');
    expect(await handlers['ui:connection-check']({}, sender)).toEqual({ check: kept() });
  });

  it('keeps a failed test of values not saved, marked as such, without its field messages', async () => {
    const { handlers, kept } = makeDeps(savedSelfManaged, { createProbe: revoked });
    await handlers['ui:connection-test']({ gitlabUrl: 'https://gitlab.example.com', token: 'glpat-revoked' }, sender);
    expect(kept()).toMatchObject({ savedConnection: false, report: { ok: false, error: { kind: 'unauthorized' } } });
    expect(kept()?.report).not.toHaveProperty('fieldErrors');
    expect(JSON.stringify(kept())).not.toContain('glpat-revoked');
  });

  it('does not keep what was refused before asking GitLab', async () => {
    const { handlers, kept } = makeDeps(DEFAULT_SETTINGS);
    await handlers['ui:connection-test']({ gitlabUrl: 'ftp://x', token: 'glpat-x' }, sender);
    await handlers['ui:connection-test']({ gitlabUrl: 'https://gitlab.com', token: '' }, sender);
    await handlers['ui:connection-test']({ gitlabUrl: 'https://gitlab.com', token: 'glpat-\u200bx' }, sender);
    expect(kept()).toBeNull();
  });

  it('after saving a tested token, keeps that test as the saved connection’s', async () => {
    let now = NOW;
    const { handlers, kept } = makeDeps(DEFAULT_SETTINGS, { now: () => now });
    await handlers['ui:connection-test']({ gitlabUrl: 'https://gitlab.example.com', token: 'glpat-new' }, sender);
    expect(kept()?.savedConnection).toBe(false);
    now += 5 * 60_000;
    const result = await handlers['ui:settings-save']({ settings: { gitlabUrl: 'https://gitlab.example.com' }, token: 'glpat-new' }, sender);
    expect(result.ok).toBe(true);
    expect(kept()).toEqual({ gitlabUrl: 'https://gitlab.example.com', checkedAt: '2026-05-01T12:00:00.000Z', savedConnection: true, report: ada });
  });

  it('keeps the test Save ran, passed or failed', async () => {
    const passed = makeDeps(DEFAULT_SETTINGS);
    await passed.handlers['ui:settings-save']({ settings: { gitlabUrl: 'https://gitlab.example.com' }, token: 'glpat-new' }, sender);
    expect(passed.kept()).toMatchObject({ savedConnection: true, report: { ok: true, user: { username: 'ada' } } });

    const failed = makeDeps(savedSelfManaged, { createProbe: revoked });
    await failed.handlers['ui:settings-save']({ settings: { gitlabUrl: 'https://gitlab.example.com' }, token: 'glpat-revoked' }, sender);
    expect(failed.kept()).toMatchObject({ savedConnection: false, report: { ok: false, error: { kind: 'unauthorized' } } });
  });

  it('forgets the kept test with the token, and stops calling a stale one the saved connection’s', async () => {
    const { handlers, kept, deps } = makeDeps(savedSelfManaged);
    await handlers['ui:connection-test']({ gitlabUrl: 'https://gitlab.example.com', token: '' }, sender);
    await deps.saveSettings({ ...savedSelfManaged, gitlabUrl: 'https://gitlab.example.org' });
    expect((await handlers['ui:connection-check']({}, sender)).check?.savedConnection).toBe(false);

    await handlers['ui:forget-token']({}, sender);
    expect(kept()).toBeNull();
    expect(await handlers['ui:connection-check']({}, sender)).toEqual({ check: null });
  });

  it('a storage failure does not fail the test', async () => {
    const { handlers } = makeDeps(DEFAULT_SETTINGS, { saveConnectionCheck: async () => Promise.reject(new Error('quota')) });
    const report = await handlers['ui:connection-test']({ gitlabUrl: 'https://gitlab.com', token: 'glpat-new' }, sender);
    expect(report.ok).toBe(true);
  });
});
