// @vitest-environment happy-dom
/**
 * Protects the options page (entrypoints/options/App.tsx): its section navigation (a "Sections"
 * landmark whose links reach every section's heading, headings in order, Save always in the
 * save bar), the last connection test shown again after a reload with its time, and the token
 * expiry notice beside it. The page talks to the real settings handlers over an in-memory store,
 * so "a reload" is a new page over what the background kept.
 */
// Unit tests render through preact/compat (vitest.config.ts aliases react): its act() drives the renders.
import { act } from 'preact/test-utils';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../entrypoints/options/App';
import { OPTIONS_SECTIONS } from '../../../entrypoints/options/SectionNav';
import { createSettingsHandlers, type SettingsHandlerDeps } from '../../../utils/background/handlers/settings';
import { GitLabError } from '../../../utils/gitlab/errors';
import type { ConnectionCheck, MessageName, RequestOf } from '../../../utils/messages';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../../../utils/settings';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('../../../utils/send-message', () => ({ sendMessage }));

const START = Date.parse('2026-12-01T12:00:00Z');
let clock = START;
let expiresAt: string | null = '2027-06-30';

/** The background as the page sees it: the real settings handlers over memory. */
function background(saved: Settings = DEFAULT_SETTINGS, kept: ConnectionCheck | null = null) {
  let stored = saved;
  let check = kept;
  const deps: SettingsHandlerDeps = {
    loadSettings: async () => ({ settings: stored, problems: {} }),
    saveSettings: async (candidate) => {
      const parsed = parseSettings(candidate);
      if (parsed.ok) stored = parsed.settings;
      return parsed;
    },
    hasOriginPermission: async () => true,
    syncContentScriptRegistration: async () => undefined,
    openOptionsPage: async () => {},
    clearCache: async () => {},
    connectionChanged: async () => {},
    teamProblems: async () => ({}),
    now: () => clock,
    createProbe: (_url, token) => ({
      getCurrentUser: async () => {
        if (token === 'glpat-revoked') throw new GitLabError({ kind: 'unauthorized', reason: 'revoked' });
        return { username: 'ada', name: 'Ada Lovelace' };
      },
      getTokenInfo: async () => ({ name: 'lens', scopes: ['read_api'], expires_at: expiresAt }),
      getGroup: async () => ({ id: 1 }),
      getProject: async () => ({ id: 2 }),
    }),
    describeError: (error) =>
      error instanceof GitLabError ? { kind: error.kind, message: error.message } : { kind: 'internal', message: String(error) },
    loadConnectionCheck: async () => check,
    saveConnectionCheck: async (next) => {
      check = next;
    },
  };
  const handlers = createSettingsHandlers(deps);
  sendMessage.mockImplementation(async (name: MessageName, payload: RequestOf<MessageName>) => {
    if (name === 'ui:allocation-preview') return { view: null, scopeText: 'No team is set up yet.', fieldErrors: {} };
    const handler = handlers[name as keyof typeof handlers] as ((p: unknown, s: object) => Promise<unknown>) | undefined;
    if (!handler) throw new Error(`unexpected message ${name}`);
    return handler(payload, {});
  });
  return { kept: () => check, stored: () => stored };
}

let container: HTMLElement;
let root: Root | null = null;

beforeEach(() => {
  clock = START;
  expiresAt = '2027-06-30';
  vi.useFakeTimers({ now: START, toFake: ['Date'] });
  sendMessage.mockReset();
  container = document.body.appendChild(document.createElement('div'));
});

afterEach(() => {
  if (root) act(() => root!.unmount());
  root = null;
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

const settle = () => act(async () => new Promise<void>((done) => setTimeout(done, 0)));

/** Opens the options page (again: a reload is a new page over the same background). */
async function openPage(): Promise<void> {
  if (root) act(() => root!.unmount());
  container.replaceChildren();
  root = createRoot(container);
  await act(async () => root!.render(<App />));
  await settle();
  await settle();
}

/** Lets time pass for the page and the background alike. */
function advance(ms: number): void {
  clock += ms;
  vi.setSystemTime(clock);
}

const byLabel = (label: string): HTMLInputElement => {
  const found = [...container.querySelectorAll('label')].find((l) => l.textContent === label);
  const input = found ? container.querySelector<HTMLInputElement>(`#${CSS.escape(found.htmlFor)}`) : null;
  if (!input) throw new Error(`no field labelled ${label}`);
  return input;
};

async function type(label: string, value: string): Promise<void> {
  const input = byLabel(label);
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(name: string): Promise<void> {
  const button = [...container.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!button) throw new Error(`no button ${name}`);
  await act(async () => button.click());
  await settle();
  await settle();
}

const result = () => container.querySelector('[data-testid="connection-result"]')!.textContent ?? '';
const expiryNotice = () => container.querySelector('[data-testid="token-expiry"]');

describe('section navigation', () => {
  it('is a "Sections" landmark linking every section heading, in page order', async () => {
    background();
    await openPage();
    const nav = container.querySelector('nav[aria-label="Sections"]');
    expect(nav).not.toBeNull();
    const links = [...nav!.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).toEqual([
      'Connection',
      'Team',
      'KPIs',
      'Failures',
      'Targets',
      'Allocation',
      'Categories',
      'Rules',
      'Measure and budget',
      'Suggested DRI',
      'Service registry',
      'Capacity',
      'Simple issues and history',
      'Survey',
      'OKRs',
      'Quarters and status',
      'Objectives',
      'Sync',
      'Shared configuration',
      'Configuration file',
    ]);
    const headings = [...container.querySelectorAll<HTMLElement>('h1, h2, h3')];
    for (const link of links) {
      const target = document.getElementById(link.getAttribute('href')!.slice(1));
      expect(target?.tagName).toMatch(/^H[23]$/);
      expect(target?.textContent).toBe(link.textContent);
    }
    // The links follow the headings' order, and no heading level is skipped.
    const linked = links.map((a) => document.getElementById(a.getAttribute('href')!.slice(1)));
    expect(linked).toEqual(headings.filter((h) => linked.includes(h)));
    const levels = headings.map((h) => Number(h.tagName[1]));
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => i > 0 && expect(level).toBeLessThanOrEqual(levels[i - 1]! + 1));
    expect(OPTIONS_SECTIONS.map((s) => s.label)).toEqual(['Connection', 'Team', 'KPIs', 'Allocation', 'Suggested DRI', 'Survey', 'OKRs', 'Sync', 'Shared configuration', 'Configuration file']);
    // The page's landmarks: the header, the navigation, the main content holding the form.
    expect(container.querySelector('header h1')?.textContent).toBe('Engineering Lens');
    expect(container.querySelector('main form')).not.toBeNull();
    expect(nav!.closest('main')).toBeNull();
  });

  it('moves the focus to the section a link names', async () => {
    background();
    await openPage();
    const link = [...container.querySelectorAll<HTMLAnchorElement>('nav a')].find((a) => a.textContent === 'Targets')!;
    await act(async () => link.click());
    expect(document.activeElement?.id).toBe('kpi-targets-heading');
    expect(location.hash).toBe('#kpi-targets-heading');
  });

  it('keeps Save and its status in the save bar at the end of the form', async () => {
    background();
    await openPage();
    const bar = container.querySelector('form > .options-savebar:last-child')!;
    expect([...bar.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Save']);
    expect(bar.querySelector('button')?.getAttribute('type')).toBe('submit');
    expect(bar.querySelector('[data-testid="save-status"]')?.getAttribute('role')).toBe('status');
    // Every field label the e2e tests and users rely on is still there.
    for (const label of ['GitLab URL', 'Personal access token', 'Group', 'Projects', 'Engineers', 'Window (days)', 'Time zone', 'Refresh cached data older than (minutes)']) {
      expect(byLabel(label)).toBeTruthy();
    }
  });
});

describe('the last connection test after a reload', () => {
  it('shows the result of Test connection again, with how long ago it ran', async () => {
    const bg = background();
    await openPage();
    await type('Personal access token', 'glpat-new');
    await click('Test connection');
    expect(result()).toContain('Connected to https://gitlab.com');
    expect(result()).toContain('Checked just now: connected as Ada Lovelace (@ada).');
    expect(JSON.stringify(bg.kept())).not.toContain('glpat-new');

    advance(5 * 60_000);
    await openPage();
    expect(result()).toContain('Connected to https://gitlab.com');
    expect(result()).toContain('Checked 5 min ago: connected as Ada Lovelace (@ada).');
    expect(result()).toContain('read_api');
    // Not saved: the page says the test was of something else than what is saved.
    expect(result()).toContain('That test used a GitLab URL or token that was not saved.');
    expect(container.querySelector('[data-testid="connection-result"] time')?.getAttribute('datetime')).toBe('2026-12-01T12:00:00.000Z');
  });

  it('shows what Save tested, as the saved connection', async () => {
    background();
    await openPage();
    await type('Personal access token', 'glpat-new');
    await click('Save');
    expect(container.querySelector('[data-testid="save-status"]')?.textContent).toBe('Saved.');
    expect(result()).toContain('Checked just now: connected as Ada Lovelace (@ada).');

    advance(3 * 3_600_000);
    await openPage();
    expect(result()).toContain('Checked 3 h ago: connected as Ada Lovelace (@ada).');
    expect(result()).not.toContain('not saved');
  });

  it('shows a failed test again with its error', async () => {
    background();
    await openPage();
    await type('Personal access token', 'glpat-revoked');
    await click('Test connection');
    advance(2 * 60_000);
    await openPage();
    expect(result()).toContain('Connection failed.');
    expect(result()).toContain('revoked');
    expect(result()).toContain('Checked 2 min ago (https://gitlab.com).');
  });

  it('shows nothing once the token is removed', async () => {
    background({ ...DEFAULT_SETTINGS, token: 'glpat-saved' });
    await openPage();
    await click('Test connection');
    expect(result()).toContain('Connected to https://gitlab.com');
    vi.stubGlobal('confirm', () => true);
    await click('Remove saved token');
    await openPage();
    expect(result()).toBe('');
  });
});

describe('token expiry beside the connection result', () => {
  it('warns about a token expiring within 14 days, right after the test and after a reload', async () => {
    expiresAt = '2026-12-10';
    background({ ...DEFAULT_SETTINGS, token: 'glpat-saved' });
    await openPage();
    await click('Test connection');
    expect(expiryNotice()?.textContent).toBe('This token expires on 2026-12-10 (in 9 days). Create a new one before then.');
    expect(expiryNotice()?.className).toContain('options-expiry--soon');

    // Days are counted when the page shows them, not when the test ran.
    advance(4 * 86_400_000);
    await openPage();
    expect(expiryNotice()?.textContent).toBe('This token expires on 2026-12-10 (in 5 days). Create a new one before then.');
  });

  it('is an error for a kept test whose token has expired since', async () => {
    expiresAt = '2026-12-10';
    background({ ...DEFAULT_SETTINGS, token: 'glpat-saved' });
    await openPage();
    await click('Test connection');
    advance(10 * 86_400_000);
    await openPage();
    expect(result()).toContain('Checked 10 d ago');
    expect(expiryNotice()?.textContent).toBe('This token expired on 2026-12-10. Create a new personal access token and enter it above.');
    expect(expiryNotice()?.className).toContain('options-expiry--expired');
  });

  it('says nothing for a token that never expires or expires later', async () => {
    expiresAt = null;
    background({ ...DEFAULT_SETTINGS, token: 'glpat-saved' });
    await openPage();
    await click('Test connection');
    expect(result()).toContain('Expiresnever');
    expect(expiryNotice()).toBeNull();

    expiresAt = '2026-12-16';
    await click('Test connection');
    expect(result()).toContain('2026-12-16');
    expect(expiryNotice()).toBeNull();
  });
});

describe('the allocation section on the page', () => {
  const describedMessage = (element: HTMLElement) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => (id ? document.getElementById(id)?.textContent : ''))
      .join('');

  it('refuses to save an invalid rule, marks it, and saves once it is fixed, in the order shown', async () => {
    const bg = background();
    await openPage();
    await type('Rule 1 label', '  ');
    expect(describedMessage(byLabel('Rule 1 label'))).toBe('Enter a label.');
    await click('Save');
    expect(container.querySelector('[data-testid="save-status"]')?.textContent).toBe('Not saved: fix the fields marked above.');
    expect(bg.stored().allocation).toEqual(DEFAULT_SETTINGS.allocation);
    expect(document.activeElement).toBe(byLabel('Rule 1 label'));

    await type('Rule 1 label', 'type::story');
    expect(byLabel('Rule 1 label').getAttribute('aria-invalid')).toBeNull();
    const moveDown = [...container.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Move rule 1 down')!;
    await act(async () => moveDown.click());
    await click('Save');
    expect(container.querySelector('[data-testid="save-status"]')?.textContent).toBe('Saved.');
    expect(bg.stored().allocation.rules.slice(0, 2).map((rule) => rule.value)).toEqual(['type::maintenance', 'type::story']);
  });
});

describe('the suggested DRI section on the page', () => {
  const describedMessage = (element: HTMLElement) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id))
      .filter((node) => node?.classList.contains('field__error'))
      .map((node) => node!.textContent)
      .join('');

  it('seeds three services, refuses to save them without DRIs, and saves them once each has one', async () => {
    const bg = background();
    await openPage();
    await click('Start from PostgreSQL, Redis and Prometheus');
    expect(document.activeElement).toBe(byLabel('Service 1 DRIs'));
    await click('Save');
    expect(container.querySelector('[data-testid="save-status"]')?.textContent).toBe('Not saved: fix the fields marked above.');
    expect(bg.stored().dri).toEqual(DEFAULT_SETTINGS.dri);
    for (const n of [1, 2, 3]) {
      expect(byLabel(`Service ${n} DRIs`).getAttribute('aria-invalid')).toBe('true');
      expect(describedMessage(byLabel(`Service ${n} DRIs`))).toBe('Name at least one DRI.');
    }
    // The first field marked invalid gets the focus.
    expect(document.activeElement).toBe(byLabel('Service 1 DRIs'));

    await type('Service 1 DRIs', '@ada');
    await type('Service 2 DRIs', 'bob, carol');
    expect(describedMessage(byLabel('Service 3 DRIs'))).toBe('Name at least one DRI.');
    const remove = [...container.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Remove service Prometheus')!;
    await act(async () => remove.click());
    await type('History window (days)', '90');
    await click('Save');
    expect(container.querySelector('[data-testid="save-status"]')?.textContent).toBe('Saved.');
    expect(bg.stored().dri.services).toEqual([
      { name: 'PostgreSQL', dris: ['ada'], labels: ['Service::PostgreSQL'], words: ['postgres', 'postgresql', 'psql'] },
      { name: 'Redis', dris: ['bob', 'carol'], labels: ['Service::Redis'], words: ['redis'] },
    ]);
    expect(bg.stored().dri.historyDays).toBe(90);

    await openPage();
    expect(byLabel('Service 2 DRIs').value).toBe('bob, carol');
    expect(byLabel('History window (days)').value).toBe('90');
  });
});
