import { describe, expect, it, vi } from 'vitest';
import { createHandlers, type HandlerDeps } from '../../../utils/background/handlers';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../../../utils/settings';

function makeDeps(saved: Settings, overrides: Partial<HandlerDeps> = {}) {
  let stored = saved;
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
      return {
        getCurrentUser: async () => ({ username: 'ada', name: 'Ada' }),
        getTokenInfo: async () => ({ name: 'lens', scopes: ['read_api'], expires_at: '2027-01-31' }),
      };
    },
    describeError: (error) => ({ kind: 'unreachable', message: String(error) }),
    ...overrides,
  };
  return { deps, handlers: createHandlers(deps), probeCalls, stored: () => stored };
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
      createProbe: () => ({
        getCurrentUser: async () => {
          throw new Error('401');
        },
        getTokenInfo: async () => ({ scopes: [], expires_at: null }),
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
      { settings: { version: 1, gitlabUrl: 'https://gitlab.example.com', team }, token: '' },
      sender,
    );
    expect(result).toMatchObject({ ok: true, settings: { hasToken: true, team } });
    expect(stored().token).toBe('glpat-saved');
    expect(deps.syncContentScriptRegistration).toHaveBeenCalledWith('https://gitlab.example.com');
  });

  it('keeps the saved settings when the input is invalid', async () => {
    const { handlers, stored } = makeDeps(savedSelfManaged);
    const result = await handlers['ui:settings-save'](
      { settings: { version: 1, gitlabUrl: 'https://gitlab.example.com', sync: { staleAfterMinutes: -5 } }, token: '' },
      sender,
    );
    expect(result).toEqual({ ok: false, fieldErrors: { 'sync.staleAfterMinutes': expect.any(String) } });
    expect(stored()).toEqual(savedSelfManaged);
  });

  it('refuses a self-managed GitLab the user did not allow access to', async () => {
    const { handlers, stored } = makeDeps(DEFAULT_SETTINGS, { hasOriginPermission: async () => false });
    const result = await handlers['ui:settings-save'](
      { settings: { version: 1, gitlabUrl: 'https://gitlab.example.com' }, token: 'glpat-x' },
      sender,
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { gitlabUrl: expect.stringContaining('not allowed') } });
    expect(stored()).toEqual(DEFAULT_SETTINGS);
  });

  it('does not carry the saved token to a new GitLab', async () => {
    const { handlers, stored } = makeDeps(savedSelfManaged);
    const result = await handlers['ui:settings-save'](
      { settings: { version: 1, gitlabUrl: 'https://gitlab.com' }, token: '' },
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
