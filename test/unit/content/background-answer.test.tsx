// @vitest-environment happy-dom
/**
 * Protects how overlays stay current (entrypoints/gitlab.content/data-changes.ts and
 * use-background-answer.ts): only our own background's "sync ended" pushes reach the overlays;
 * an overlay asks again only when a successful sync names a scope its answer came from; a
 * failed sync only updates the freshness note; the last answer stays on screen while a new one
 * loads; and nothing listens once the overlay or the content script is gone.
 */
// The content script ships on preact/compat (content-script-react.ts): its act() drives the renders.
import { act } from 'preact/test-utils';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { listenForSyncPushes, onSyncEnded } from '../../../entrypoints/gitlab.content/ui/data-changes';
import { useBackgroundAnswer } from '../../../entrypoints/gitlab.content/ui/use-background-answer';
import { MessageError, SYNC_ENDED_PUSH } from '../../../utils/message-envelope';
import type { FreshnessInfo } from '../../../utils/messages';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

interface KpiAnswer {
  onTime: string;
  freshness: FreshnessInfo;
}

const answerOf = (onTime: string, scopes = ['project:7'], syncing = true): KpiAnswer => ({
  onTime,
  freshness: { syncedAt: '2025-03-10T12:00:00Z', syncing, scopes },
});

const ownBackground = () => ({ id: fakeBrowser.runtime.id });
const failure = { kind: 'network', message: 'GitLab is unreachable' };

/** What the background pushes when a sync it ran for this tab ended. */
async function push(scope: string, outcome: object = { ok: true }, sender: object = ownBackground()): Promise<void> {
  await act(async () => {
    await fakeBrowser.runtime.onMessage.trigger({ name: SYNC_ENDED_PUSH, scope, ...outcome }, sender);
  });
}

/** A tiny overlay: what it shows is what a user would read. */
function Strip({ load }: { load: () => Promise<KpiAnswer> }) {
  const answer = useBackgroundAnswer(load);
  if (answer.status === 'loading') return <p>loading</p>;
  if (answer.status === 'error') return <p>error: {answer.error.kind}: {answer.error.message}</p>;
  const { freshness } = answer.data;
  return (
    <p>
      {answer.data.onTime} | {freshness.syncing ? 'syncing' : 'synced'}
      {freshness.error ? ` | sync failed: ${freshness.error.message}` : ''}
    </p>
  );
}

let ctx: ContentScriptContext;
let container: HTMLElement;
let root: Root | null;

beforeEach(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  fakeBrowser.reset();
  ctx = new ContentScriptContext('test');
  listenForSyncPushes(ctx);
  container = document.body.appendChild(document.createElement('div'));
  root = null;
});

afterEach(() => {
  if (root) act(() => root!.unmount());
  ctx.abort();
  document.body.replaceChildren();
  globalThis.IS_REACT_ACT_ENVIRONMENT = undefined;
});

async function render(load: () => Promise<KpiAnswer>): Promise<void> {
  root = createRoot(container);
  await act(async () => root!.render(<Strip load={load} />));
}

const text = () => container.textContent;

describe('onSyncEnded', () => {
  it("calls back for our own background's pushes only", async () => {
    const callback = vi.fn();
    const stop = onSyncEnded(callback);
    try {
      await push('project:7');
      await push('project:7', { ok: false, error: failure });
      expect(callback.mock.calls).toEqual([
        [{ name: SYNC_ENDED_PUSH, scope: 'project:7', ok: true }],
        [{ name: SYNC_ENDED_PUSH, scope: 'project:7', ok: false, error: failure }],
      ]);

      // From a tab (another content script or a page), another extension, or not a push at all.
      await push('project:7', { ok: true }, { id: fakeBrowser.runtime.id, tab: { id: 3 } });
      await push('project:7', { ok: true }, { id: 'another-extension' });
      await push('project:7', { ok: false });
      await act(async () => {
        await fakeBrowser.runtime.onMessage.trigger({ name: 'content:board-cards', scope: 'project:7', ok: true }, ownBackground());
      });
      expect(callback).toHaveBeenCalledTimes(2);
    } finally {
      stop();
    }
  });

  it('stops calling back once unsubscribed, and stops listening when the content script is invalidated', async () => {
    const callback = vi.fn();
    const stop = onSyncEnded(callback);
    stop();
    await push('project:7');
    expect(callback).not.toHaveBeenCalled();

    // The extension was updated or removed: this content script hears no more pushes.
    const late = vi.fn();
    const stopLate = onSyncEnded(late);
    try {
      ctx.abort();
      await push('project:7');
      expect(late).not.toHaveBeenCalled();
    } finally {
      stopLate();
    }
  });
});

describe('useBackgroundAnswer', () => {
  it('shows loading, then the answer, asking once on mount', async () => {
    let answer!: (value: KpiAnswer) => void;
    const load = vi.fn(() => new Promise<KpiAnswer>((resolve) => (answer = resolve)));
    await render(load);
    expect(text()).toBe('loading');
    await act(async () => answer(answerOf('On-time 70%')));
    expect(text()).toBe('On-time 70% | syncing');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('asks again when a sync of a scope the answer came from brought data, keeping the old answer on screen meanwhile', async () => {
    let answer!: (value: KpiAnswer) => void;
    const load = vi
      .fn<() => Promise<KpiAnswer>>()
      .mockResolvedValueOnce(answerOf('On-time 70%', ['project:7', 'group:5']))
      .mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    await render(load);

    await push('group:5');
    expect(load).toHaveBeenCalledTimes(2);
    expect(text()).toBe('On-time 70% | syncing');

    await act(async () => answer(answerOf('On-time 80%', ['project:7', 'group:5'], false)));
    expect(text()).toBe('On-time 80% | synced');
  });

  it('does not ask again for a sync of a scope it does not show', async () => {
    const load = vi.fn(async () => answerOf('On-time 70%'));
    await render(load);
    await push('project:8');
    await push('group:5');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('shows a failed sync in the freshness note without asking again', async () => {
    const load = vi.fn(async () => answerOf('On-time 70%'));
    await render(load);
    await push('project:7', { ok: false, error: failure });
    expect(load).toHaveBeenCalledTimes(1);
    expect(text()).toBe('On-time 70% | synced | sync failed: GitLab is unreachable');

    // The next successful sync asks again, and the note shows the new answer's freshness.
    await push('project:7');
    expect(load).toHaveBeenCalledTimes(2);
    expect(text()).toBe('On-time 70% | syncing');
  });

  it('follows the scopes of the latest answer', async () => {
    const load = vi
      .fn<() => Promise<KpiAnswer>>()
      .mockResolvedValueOnce(answerOf('Project On-time 70%', ['project:7']))
      .mockResolvedValue(answerOf('Team On-time 60%', ['group:5']));
    await render(load);
    await push('project:7');
    expect(text()).toBe('Team On-time 60% | syncing');
    expect(load).toHaveBeenCalledTimes(2);

    await push('project:7');
    expect(load).toHaveBeenCalledTimes(2);
    await push('group:5');
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('ignores pushes that are not from our own background', async () => {
    const load = vi.fn(async () => answerOf('On-time 70%'));
    await render(load);
    await push('project:7', { ok: true }, { id: fakeBrowser.runtime.id, tab: { id: 3 } });
    await push('project:7', { ok: true }, { id: 'another-extension' });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("shows the background's error, typed or not", async () => {
    await render(() => Promise.reject(new MessageError({ kind: 'not-configured', message: 'Set up the extension first' })));
    expect(text()).toBe('error: not-configured: Set up the extension first');
    act(() => root!.unmount());

    container = document.body.appendChild(document.createElement('div'));
    await render(() => Promise.reject(new TypeError('boom')));
    expect(text()).toBe('error: internal: TypeError: boom');
  });

  it('neither asks nor updates after the overlay is gone', async () => {
    const load = vi.fn(async () => answerOf('On-time 70%'));
    await render(load);
    act(() => root!.unmount());
    root = null;
    await push('project:7');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('ignores an answer that arrives after the overlay is gone', async () => {
    let answer!: (value: KpiAnswer) => void;
    await render(() => new Promise((resolve) => (answer = resolve)));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      act(() => root!.unmount());
      root = null;
      await act(async () => answer(answerOf('On-time 70%')));
      expect(container.textContent).toBe('');
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});
