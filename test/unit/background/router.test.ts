import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from '../../../utils/background/router';
import { MessageError } from '../../../utils/messages';

const EXT = 'chrome-extension://abc/';
function makeRouter(overrides: Partial<Handlers> = {}) {
  const handlers = {
    'ui:settings-get': vi.fn(async () => ({
      settings: { gitlabUrl: 'https://gitlab.com', hasToken: false, team: { group: '', projects: [], engineers: [] }, sync: { staleAfterMinutes: 60 } },
      problems: {},
    })),
    'ui:settings-save': vi.fn(),
    'ui:connection-test': vi.fn(),
    'content:status': vi.fn(async () => ({ configured: true, gitlabUrl: 'https://gitlab.example.com' })),
    'content:open-options': vi.fn(async () => ({})),
    ...overrides,
  } as unknown as Handlers;
  const route = createRouter(handlers, {
    extensionId: 'abc',
    extensionBaseUrl: EXT,
    isAllowedContentUrl: async (url) => new URL(url).origin === 'https://gitlab.example.com',
  });
  return { route, handlers };
}

const optionsPage = { id: 'abc', url: `${EXT}options.html` };
const gitlabTab = { id: 'abc', url: 'https://gitlab.example.com/a/b/-/issues/1', tab: { id: 3, url: 'https://gitlab.example.com/a/b/-/issues/1' } };

describe('message router', () => {
  it('answers UI messages from extension pages', async () => {
    const { route } = makeRouter();
    const answer = await route({ name: 'ui:settings-get', payload: {} }, optionsPage);
    expect(answer.ok).toBe(true);
  });

  it('refuses UI messages from content scripts, even on the configured GitLab', async () => {
    const { route, handlers } = makeRouter();
    const answer = await route({ name: 'ui:settings-get', payload: {} }, gitlabTab);
    expect(answer).toEqual({ ok: false, error: { kind: 'forbidden-sender', message: expect.any(String) } });
    expect(handlers['ui:settings-get']).not.toHaveBeenCalled();
  });

  it('refuses messages from other extensions', async () => {
    const { route } = makeRouter();
    const answer = await route({ name: 'ui:settings-get', payload: {} }, { ...optionsPage, id: 'evil' });
    expect(answer.ok).toBe(false);
  });

  it('accepts content messages only from tabs on an allowed GitLab', async () => {
    const { route } = makeRouter();
    expect((await route({ name: 'content:status', payload: {} }, gitlabTab)).ok).toBe(true);
    const other = { id: 'abc', url: 'https://evil.example/', tab: { id: 1, url: 'https://evil.example/' } };
    expect((await route({ name: 'content:status', payload: {} }, other)).ok).toBe(false);
    expect((await route({ name: 'content:status', payload: {} }, optionsPage)).ok).toBe(false);
  });

  it('rejects unknown and malformed messages', async () => {
    const { route } = makeRouter();
    expect(await route('hello', optionsPage)).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    expect(await route({ name: 'ui:nope', payload: {} }, optionsPage)).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    expect(await route({ name: 'ui:connection-test', payload: { gitlabUrl: 3 } }, optionsPage)).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request' },
    });
  });

  it('turns handler failures into typed errors, never a crash', async () => {
    const { route } = makeRouter({
      'ui:settings-get': async () => {
        throw new MessageError({ kind: 'unauthorized', message: 'bad token' });
      },
      'content:status': async () => {
        throw new Error('boom');
      },
    });
    expect(await route({ name: 'ui:settings-get', payload: {} }, optionsPage)).toEqual({
      ok: false,
      error: { kind: 'unauthorized', message: 'bad token' },
    });
    expect(await route({ name: 'content:status', payload: {} }, gitlabTab)).toMatchObject({ ok: false, error: { kind: 'internal' } });
  });
});
