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
import { gitlabTheme, mountLensHost } from '../../../entrypoints/gitlab.content/ui/lens-host';

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

  it('unmounts the React UI when the host is re-attached, so no old tree keeps running', async () => {
    const cleanups = vi.fn();
    function Probe() {
      useEffect(() => cleanups, []);
      return <span>probe</span>;
    }
    const page = document.body.appendChild(element('main', {}, header().row));
    await mount({ render: () => <Probe /> }).done;
    page.replaceChildren(header().row);
    await settle();
    expect(cleanups).toHaveBeenCalledTimes(1);
    expect(shadowText(hosts()[0])).toContain('probe');
  });

  it('removes the host when the feature stops, and mounts nothing afterwards', async () => {
    const cleanups = vi.fn();
    function Probe() {
      useEffect(() => cleanups, []);
      return <span>probe</span>;
    }
    const page = document.body.appendChild(element('main', {}, header().row));
    const { done, onMount } = mount({ render: () => <Probe /> });
    await done;
    expect(hosts()).toHaveLength(1);

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

  it('keeps GitLab keyboard shortcuts from firing while typing in the UI', async () => {
    document.body.append(header().row);
    await mount({ render: () => <input aria-label="note" /> }).done;
    const shortcuts = vi.fn();
    document.addEventListener('keydown', shortcuts);
    try {
      const input = hosts()[0]!.shadowRoot!.querySelector('input')!;
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'e', bubbles: true, composed: true }));
      expect(shortcuts).not.toHaveBeenCalled();
      // A key pressed on GitLab's own page still reaches its shortcuts.
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'e', bubbles: true }));
      expect(shortcuts).toHaveBeenCalledTimes(1);
    } finally {
      document.removeEventListener('keydown', shortcuts);
    }
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
});
