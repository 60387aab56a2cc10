// @vitest-environment happy-dom
/**
 * Protects how every React overlay gets onto a GitLab page (entrypoints/gitlab.content/lens-host.tsx,
 * on WXT's createShadowRootUi): one host per feature, in its place next to GitLab's anchor once
 * the anchor renders, put back once when GitLab re-renders that part of the page, its UI readable
 * inside an open shadow root, and gone (with nothing left watching the page) when the feature
 * stops or the extension goes away.
 */
import { useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountLensHost } from '../../../entrypoints/gitlab.content/ui/lens-host';
import { followTheme, gitlabTheme } from '../../../entrypoints/gitlab.content/ui/theme';

type LensHostOptions = Parameters<typeof mountLensHost>[0];
type Placement = LensHostOptions['append'];

const TITLE = '[data-testid="work-item-title"]';

/** Lets MutationObserver callbacks (and what they mount) run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function element(tag: string, attributes: Record<string, string> = {}, ...children: Node[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** GitLab's work-item header: a row with the title and its actions. */
function header(): { row: HTMLElement; title: HTMLElement } {
  const title = element('h1', { 'data-testid': 'work-item-title' }, document.createTextNode('Fix the login'));
  const row = element('div', { class: 'header-row', style: 'display: flex' }, title, element('button', {}, document.createTextNode('Edit')));
  return { row, title };
}

const hosts = (featureId = 'issue-kpi-badges') => Array.from(document.querySelectorAll(`[data-lens="${featureId}"]`)) as HTMLElement[];
const shadowText = (host: Element | undefined) => host?.shadowRoot?.textContent ?? '';

/**
 * A component that counts its effect runs and cleanups: one run per live UI tree, one cleanup when
 * it is unmounted. Effects run after the render (in a later task with preact/compat): wait for
 * them with `effectsRan` before checking what unmounting did.
 */
function probe() {
  const mounts = vi.fn();
  const cleanups = vi.fn();
  function Probe() {
    useEffect(() => {
      mounts();
      return cleanups;
    }, []);
    return <span>probe</span>;
  }
  const effectsRan = (times: number) => vi.waitFor(() => expect(mounts).toHaveBeenCalledTimes(times));
  return { Probe, mounts, cleanups, effectsRan };
}

let ctx: ContentScriptContext;
let controller: AbortController;

beforeEach(() => {
  fakeBrowser.reset();
  ctx = new ContentScriptContext('test');
  controller = new AbortController();
});

afterEach(() => {
  controller.abort();
  ctx.abort();
  document.body.replaceChildren();
  document.documentElement.className = '';
  document.body.className = '';
});

function mount(options: Partial<LensHostOptions> = {}) {
  const onMount = vi.fn();
  const done = mountLensHost({
    ctx,
    signal: controller.signal,
    featureId: 'issue-kpi-badges',
    anchors: [TITLE],
    append: 'after',
    render: () => <p>On-time 70% (7/10)</p>,
    onMount,
    ...options,
  });
  return { done, onMount };
}

describe('mountLensHost', () => {
  it('mounts its host next to an anchor GitLab renders later, with the UI inside an open shadow root', async () => {
    const page = document.body.appendChild(element('main'));
    const { done, onMount } = mount();
    await done;
    expect(hosts()).toHaveLength(0);

    const { row, title } = header();
    page.append(row);
    await settle();

    const [host] = hosts();
    expect(hosts()).toHaveLength(1);
    expect(title.nextElementSibling).toBe(host);
    expect(host!.shadowRoot).not.toBeNull();
    expect(shadowText(host)).toContain('On-time 70% (7/10)');
    // The page's own text is untouched: the UI lives in the shadow root only.
    expect(host!.textContent).toBe('');
    expect(onMount).toHaveBeenCalledTimes(1);
    expect(onMount).toHaveBeenCalledWith(host);
  });

  it('mounts at once when the anchor is already there', async () => {
    const { row, title } = header();
    document.body.append(row);
    await mount().done;
    expect(hosts()).toHaveLength(1);
    expect(title.nextElementSibling).toBe(hosts()[0]);
  });

  it.each<[Placement, (host: Element, anchor: HTMLElement, row: HTMLElement) => boolean]>([
    ['after', (host, anchor) => anchor.nextElementSibling === host],
    ['before', (host, anchor) => anchor.previousElementSibling === host],
    ['first', (host, anchor) => anchor.firstElementChild === host],
    ['last', (host, anchor) => anchor.lastElementChild === host],
    // Below the title-and-actions row, not squeezed into it.
    ['after-row', (host, _anchor, row) => row.nextElementSibling === host && host.parentElement === row.parentElement],
  ])('places the host %s the anchor', async (append, placed) => {
    const page = document.body.appendChild(element('main', { style: 'display: block' }));
    await mount({ append }).done;
    const { row, title } = header();
    page.append(row);
    await settle();
    expect(hosts()).toHaveLength(1);
    expect(placed(hosts()[0]!, title, row)).toBe(true);
  });

  it('climbs nested rows for after-row, but stops at a column', async () => {
    const { row } = header();
    const outerRow = element('div', { style: 'display: inline-flex' }, row);
    const column = element('div', { style: 'display: flex; flex-direction: column' }, outerRow);
    document.body.append(column);
    await mount({ append: 'after-row' }).done;
    expect(outerRow.nextElementSibling).toBe(hosts()[0]);
    expect(hosts()[0]!.parentElement).toBe(column);
  });

  it('uses the first anchor alternative present', async () => {
    const type = element('div', { 'data-testid': 'work-item-type' });
    const { row, title } = header();
    document.body.append(row, type);
    await mount({ anchors: ['[data-testid="work-item-type"]', TITLE] }).done;
    expect(type.nextElementSibling).toBe(hosts()[0]);
    expect(title.nextElementSibling).not.toBe(hosts()[0]);
  });

  it('looks for the anchor only inside its root (a drawer), not in the page behind it', async () => {
    const behind = header();
    const drawer = element('aside', { 'data-testid': 'work-item-drawer' });
    document.body.append(behind.row, drawer);
    await mount({ root: drawer }).done;
    expect(hosts()).toHaveLength(0);

    const inDrawer = header();
    drawer.append(inDrawer.row);
    await settle();
    expect(hosts()).toHaveLength(1);
    expect(inDrawer.title.nextElementSibling).toBe(hosts()[0]);
  });

  it('re-attaches once when GitLab replaces the anchor, with exactly one host afterwards', async () => {
    const page = document.body.appendChild(element('main'));
    const first = header();
    page.append(first.row);
    const { done, onMount } = mount();
    await done;
    expect(onMount).toHaveBeenCalledTimes(1);

    // Vue re-renders the header: the old title and our host next to it go away together.
    const second = header();
    page.replaceChildren(second.row);
    await settle();

    expect(hosts()).toHaveLength(1);
    expect(second.title.nextElementSibling).toBe(hosts()[0]);
    expect(shadowText(hosts()[0])).toContain('On-time 70% (7/10)');
    expect(onMount).toHaveBeenCalledTimes(2);

    // Unrelated changes elsewhere on the page move nothing.
    page.append(element('section', {}, element('p')));
    await settle();
    expect(onMount).toHaveBeenCalledTimes(2);
    expect(hosts()).toHaveLength(1);
  });

  it('follows the anchor when GitLab moves it, leaving no copy behind', async () => {
    const left = document.body.appendChild(element('div', { class: 'left' }));
    const right = document.body.appendChild(element('div', { class: 'right' }));
    const { row, title } = header();
    left.append(row);
    await mount().done;
    right.append(title);
    await settle();
    expect(hosts()).toHaveLength(1);
    expect(title.nextElementSibling).toBe(hosts()[0]);
    expect(left.querySelector('[data-lens]')).toBeNull();
  });

  it('keeps the React UI (and what it asked the background) when the host is put back', async () => {
    const { Probe, mounts, cleanups, effectsRan } = probe();
    const page = document.body.appendChild(element('main', {}, header().row));
    await mount({ render: () => <Probe />, append: 'after-row' }).done;
    await effectsRan(1);
    const [host] = hosts();
    // Vue re-renders the header three times: the same host, its React tree still running.
    for (let i = 0; i < 3; i++) {
      const next = header();
      page.replaceChildren(next.row);
      await settle();
      expect(next.row.nextElementSibling).toBe(host);
    }
    expect(hosts()).toEqual([host]);
    await settle();
    expect(mounts).toHaveBeenCalledTimes(1);
    expect(cleanups).not.toHaveBeenCalled();
    expect(shadowText(host)).toContain('probe');
  });

  it('looks up no styles on mutations that leave the host in its place', async () => {
    const page = document.body.appendChild(element('main', {}, header().row));
    await mount({ append: 'after-row' }).done;
    const styles = vi.spyOn(globalThis, 'getComputedStyle');
    try {
      for (let i = 0; i < 5; i++) {
        page.append(element('section', {}, element('p', {}, document.createTextNode(`comment ${i}`))));
        await settle();
      }
      page.firstElementChild!.remove();
      await settle();
      expect(styles).not.toHaveBeenCalled();
      expect(hosts()).toHaveLength(1);
    } finally {
      styles.mockRestore();
    }
  });

  it('removes the host when the feature stops, and mounts nothing afterwards', async () => {
    const { Probe, cleanups, effectsRan } = probe();
    const page = document.body.appendChild(element('main', {}, header().row));
    const { done, onMount } = mount({ render: () => <Probe /> });
    await done;
    expect(hosts()).toHaveLength(1);
    await effectsRan(1);

    controller.abort();
    expect(hosts()).toHaveLength(0);
    expect(cleanups).toHaveBeenCalledTimes(1);

    // GitLab renders the header again: the stopped feature no longer watches the page.
    page.replaceChildren(header().row);
    await settle();
    expect(hosts()).toHaveLength(0);
    expect(onMount).toHaveBeenCalledTimes(1);
  });

  it('mounts nothing when the feature stopped while the UI was being prepared', async () => {
    document.body.append(header().row);
    const { done, onMount } = mount();
    controller.abort();
    await done;
    document.body.append(header().row);
    await settle();
    expect(hosts()).toHaveLength(0);
    expect(onMount).not.toHaveBeenCalled();
  });

  it('removes the host when the extension is updated or removed (context invalidated)', async () => {
    document.body.append(header().row);
    await mount().done;
    expect(hosts()).toHaveLength(1);
    ctx.abort();
    expect(hosts()).toHaveLength(0);
  });

  it('keeps hosts of different features apart', async () => {
    const { row, title } = header();
    document.body.append(row);
    await mount({ featureId: 'issue-kpi-badges', append: 'after' }).done;
    const other = new AbortController();
    await mountLensHost({ ctx, signal: other.signal, featureId: 'issue-overview', anchors: [TITLE], append: 'before', render: () => <b>overview</b> });
    expect(hosts('issue-kpi-badges')).toHaveLength(1);
    expect(hosts('issue-overview')).toHaveLength(1);
    expect(title.previousElementSibling).toBe(hosts('issue-overview')[0]);
    expect(title.nextElementSibling).toBe(hosts('issue-kpi-badges')[0]);
    other.abort();
    expect(hosts('issue-overview')).toHaveLength(0);
    expect(hosts('issue-kpi-badges')).toHaveLength(1);
  });

  it('keeps GitLab keyboard shortcuts from firing while typing in the UI, and lets Escape and button keys through', async () => {
    document.body.append(header().row);
    await mount({
      render: () => (
        <>
          <input aria-label="note" />
          <button type="button">open</button>
        </>
      ),
    }).done;
    const shortcuts = vi.fn();
    document.addEventListener('keydown', shortcuts);
    try {
      const input = hosts()[0]!.shadowRoot!.querySelector('input')!;
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'e', bubbles: true, composed: true }));
      expect(shortcuts).not.toHaveBeenCalled();
      // A key pressed on GitLab's own page still reaches its shortcuts.
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'e', bubbles: true }));
      expect(shortcuts).toHaveBeenCalledTimes(1);
      // Escape goes on even from our input (GitLab closes its drawer with it), and so does any
      // key on our buttons, as on GitLab's own.
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      expect(shortcuts).toHaveBeenCalledTimes(2);
      const button = hosts()[0]!.shadowRoot!.querySelector('button')!;
      button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      expect(shortcuts).toHaveBeenCalledTimes(3);
    } finally {
      document.removeEventListener('keydown', shortcuts);
    }
  });

  describe('ownership over many navigations (issue 9)', () => {
    /** The `abort` listeners on the page's context: what stays registered for the page's life. */
    function trackContextListeners() {
      const live = new Set<unknown>();
      const signal = ctx.signal;
      const add = signal.addEventListener.bind(signal);
      const remove = signal.removeEventListener.bind(signal);
      vi.spyOn(signal, 'addEventListener').mockImplementation((type: string, listener: unknown, options?: unknown) => {
        if (type === 'abort') live.add(listener);
        add(type, listener as EventListener, options as AddEventListenerOptions);
      });
      vi.spyOn(signal, 'removeEventListener').mockImplementation((type: string, listener: unknown, options?: unknown) => {
        if (type === 'abort') live.delete(listener);
        remove(type, listener as EventListener, options as EventListenerOptions);
      });
      return live;
    }

    /** MutationObservers observing and not disconnected. */
    function trackObservers() {
      const live = new Set<MutationObserver>();
      const Native = globalThis.MutationObserver;
      class Counting extends Native {
        override observe(target: Node, options?: MutationObserverInit) {
          live.add(this);
          super.observe(target, options);
        }
        override disconnect() {
          live.delete(this);
          super.disconnect();
        }
      }
      vi.stubGlobal('MutationObserver', Counting);
      return live;
    }

    afterEach(() => {
      vi.restoreAllMocks();
      vi.unstubAllGlobals();
    });

    it('leaves nothing registered on the page\'s context and nothing observing after N mounts that ended', async () => {
      const listeners = trackContextListeners();
      const observers = trackObservers();
      const { Probe, cleanups, effectsRan } = probe();
      const page = document.body.appendChild(element('main'));
      for (let i = 0; i < 20; i++) {
        // A client-side navigation: new content, the previous page's feature run ends, a new one starts.
        page.replaceChildren(header().row);
        controller.abort();
        controller = new AbortController();
        await mount({ render: () => <Probe /> }).done;
        expect(hosts()).toHaveLength(1);
        await effectsRan(i + 1);
        expect(cleanups).toHaveBeenCalledTimes(i);
        // The live mount holds one registration on the context and one observer, no more.
        expect(listeners.size).toBe(1);
        expect(observers.size).toBe(1);
      }
      controller.abort();
      expect(listeners.size).toBe(0);
      expect(observers.size).toBe(0);
      expect(hosts()).toHaveLength(0);
      // Every React root was unmounted, once.
      expect(cleanups).toHaveBeenCalledTimes(20);
    });

    it('leaves nothing registered when the feature stopped while the UI was being prepared', async () => {
      const listeners = trackContextListeners();
      const observers = trackObservers();
      document.body.append(header().row);
      for (let i = 0; i < 5; i++) {
        const { done } = mount();
        controller.abort();
        await done;
        controller = new AbortController();
      }
      await settle();
      expect(listeners.size).toBe(0);
      expect(observers.size).toBe(0);
      expect(hosts()).toHaveLength(0);
    });

    it('ends every live mount when the context is invalidated, and no ended mount runs again', async () => {
      const { Probe, cleanups, effectsRan } = probe();
      const { row, title } = header();
      document.body.append(row);
      const ended = new AbortController();
      await mountLensHost({ ctx, signal: ended.signal, featureId: 'ended', anchors: [TITLE], append: 'before', render: () => <Probe /> });
      await effectsRan(1);
      ended.abort();
      expect(cleanups).toHaveBeenCalledTimes(1);
      await mount({ render: () => <Probe /> }).done;
      await effectsRan(2);
      expect(title.nextElementSibling).toBe(hosts()[0]);
      ctx.abort();
      expect(hosts()).toHaveLength(0);
      expect(cleanups).toHaveBeenCalledTimes(2);
    });
  });

  it.each([
    ['light', () => {}],
    ['dark', () => document.documentElement.classList.add('gl-dark')],
    // Older GitLab versions mark dark mode on <body>.
    ['dark', () => document.body.classList.add('gl-dark')],
  ])('marks the host with GitLab\'s theme (%s)', async (theme, setTheme) => {
    setTheme();
    expect(gitlabTheme()).toBe(theme);
    document.body.append(header().row);
    await mount().done;
    expect(hosts()[0]!.dataset.theme).toBe(theme);
  });

  it('follows GitLab when its theme changes while the page is open (system theme, another tab)', async () => {
    document.documentElement.classList.remove('gl-dark');
    document.body.classList.remove('gl-dark');
    // The page's context: only its end matters here (a second WXT context would end the test's).
    const ended: (() => void)[] = [];
    followTheme({ onInvalidated: (callback: () => void) => (ended.push(callback), () => {}) });
    document.body.append(header().row);
    await mount().done;
    expect(hosts()[0]!.dataset.theme).toBe('light');
    document.documentElement.classList.add('gl-dark');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(hosts()[0]!.dataset.theme).toBe('dark');
    document.documentElement.classList.remove('gl-dark');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(hosts()[0]!.dataset.theme).toBe('light');
    ended.forEach((callback) => callback());
    // Stopped with the page: no longer followed.
    document.documentElement.classList.add('gl-dark');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(hosts()[0]!.dataset.theme).toBe('light');
    document.documentElement.classList.remove('gl-dark');
  });
});
