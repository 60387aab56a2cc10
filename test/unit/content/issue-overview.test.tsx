// @vitest-environment happy-dom
/**
 * Protects the issue strip's early ask (entrypoints/gitlab.content/ui/issue-overview.tsx): the
 * background is asked when the feature starts, before GitLab renders the strip's place; an
 * answer that has come by then is in the strip's first render, without asking again; one that
 * is still on its way is used when it comes; and a sync that ended meanwhile (its push came
 * before the strip listened) makes the strip ask again instead of showing a stale "syncing".
 */
import { act } from 'preact/test-utils';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { listenForSyncPushes } from '../../../entrypoints/gitlab.content/ui/data-changes';
import { prepareIssueOverview } from '../../../entrypoints/gitlab.content/ui/issue-overview';
import { SYNC_ENDED_PUSH } from '../../../utils/message-envelope';
import type { ResponseOf } from '../../../utils/messages';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('../../../utils/send-message', () => ({ sendMessage }));

type Answer = ResponseOf<'content:issue-overview'>;
const answer = (dueText: string, syncing: boolean): Answer => ({
  issue: [{ id: 'due', text: dueText, explanation: 'x', status: 'missed' }],
  kpis: [],
  kpiScope: 'project',
  teamConfigured: false,
  projectPath: 'g/p',
  windowDays: 90,
  freshness: { syncedAt: '2025-03-10T12:00:00Z', syncing, scopes: ['project:7'] },
});
const request = { projectPath: 'g/p', iid: 2 };

let ctx: ContentScriptContext;
let controller: AbortController;
let container: HTMLElement;
let root: Root;

beforeEach(() => {
  fakeBrowser.reset();
  ctx = new ContentScriptContext('test');
  listenForSyncPushes(ctx);
  controller = new AbortController();
  container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
  sendMessage.mockReset();
});

afterEach(() => {
  act(() => root.unmount());
  controller.abort();
  ctx.abort();
  document.body.replaceChildren();
});

/** Lets answers, their state updates and the renders they cause happen. */
const settle = () => act(async () => new Promise<void>((done) => setTimeout(done, 0)));

const shown = () => container.querySelector('.lens-badge')?.firstChild?.textContent ?? container.textContent;

describe('the issue strip asks early', () => {
  it('shows an answer that came before the strip mounted in its first render, asking once', async () => {
    sendMessage.mockResolvedValue(answer('overdue 5 d', false));
    const render = prepareIssueOverview(request, controller.signal);
    expect(sendMessage).toHaveBeenCalledTimes(1);
    await Promise.resolve();
    await Promise.resolve();
    act(() => root.render(render()));
    expect(shown()).toBe('overdue 5 d');
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('uses the early ask when its answer comes after the strip mounted', async () => {
    let resolve: (value: Answer) => void = () => {};
    sendMessage.mockReturnValue(new Promise<Answer>((done) => (resolve = done)));
    const render = prepareIssueOverview(request, controller.signal);
    act(() => root.render(render()));
    expect(container.textContent).toContain('Loading');
    resolve(answer('due in 2 d', false));
    await settle();
    expect(shown()).toBe('due in 2 d');
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('asks again when a sync of its scope ended before the strip listened', async () => {
    sendMessage.mockResolvedValueOnce(answer('overdue 5 d', true)).mockResolvedValueOnce(answer('overdue 6 d', false));
    const render = prepareIssueOverview(request, controller.signal);
    await Promise.resolve();
    await fakeBrowser.runtime.onMessage.trigger({ name: SYNC_ENDED_PUSH, scope: 'project:7', ok: true }, { id: fakeBrowser.runtime.id });
    act(() => root.render(render()));
    await settle();
    expect(sendMessage).toHaveBeenCalledTimes(2);
    expect(shown()).toBe('overdue 6 d');
  });
});
