// @vitest-environment happy-dom
/**
 * Protects the content script's waiting for GitLab's late-mounting Vue apps
 * (entrypoints/gitlab.content/wait-for-element.ts): features find their anchor whether it is
 * already there or rendered later, stay silent (null) when the page changes under them or the
 * anchor never comes, and the document_start script starts once <body> exists.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bodyReady, waitForElement } from '../../../entrypoints/gitlab.content/ui/wait-for-element';

/** Lets MutationObserver callbacks and the microtasks they queue run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function element(tag: string, attributes: Record<string, string> = {}): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('waitForElement', () => {
  it('resolves at once with an element that is already there', async () => {
    const lists = document.body.appendChild(element('div', { 'data-testid': 'boards-list' }));
    await expect(waitForElement(['[data-testid="boards-list"]'], new AbortController().signal)).resolves.toBe(lists);
  });

  it('prefers the first selector that matches, in the order given', async () => {
    document.body.append(element('h2', { 'data-testid': 'work-item-title' }));
    const type = document.body.appendChild(element('div', { 'data-testid': 'work-item-type' }));
    const found = await waitForElement(['[data-testid="work-item-type"]', '[data-testid="work-item-title"]'], new AbortController().signal);
    expect(found).toBe(type);
  });

  it('resolves with an element GitLab renders later, deep in the page', async () => {
    const app = document.body.appendChild(element('div', { class: 'boards-app' }));
    let result: Element | null | undefined;
    void waitForElement(['[data-testid="boards-list"]'], new AbortController().signal).then((found) => (result = found));
    app.append(element('span'));
    await settle();
    expect(result).toBeUndefined();
    const lists = element('div', { 'data-testid': 'boards-list' });
    app.appendChild(element('section')).append(lists);
    await settle();
    expect(result).toBe(lists);
  });

  it('looks only inside the given root (a drawer)', async () => {
    const drawer = document.body.appendChild(element('aside', { 'data-testid': 'work-item-drawer' }));
    let result: Element | null | undefined;
    void waitForElement(['h2'], new AbortController().signal, { root: drawer }).then((found) => (result = found));
    document.body.append(element('h2'));
    await settle();
    expect(result).toBeUndefined();
    const title = drawer.appendChild(element('h2'));
    await settle();
    expect(result).toBe(title);
  });

  it('resolves null when the signal aborts (the page changed), and not later with the element', async () => {
    const controller = new AbortController();
    let result: Element | null | undefined;
    void waitForElement(['.issuable-details'], controller.signal).then((found) => (result = found));
    controller.abort();
    await settle();
    expect(result).toBeNull();
    document.body.append(element('div', { class: 'issuable-details' }));
    await settle();
    expect(result).toBeNull();
  });

  it('resolves null at once with a signal that already aborted, even if the element is absent', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(waitForElement(['.nowhere'], controller.signal)).resolves.toBeNull();
  });

  it('resolves null after the timeout when nothing appears', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let result: Element | null | undefined;
    void waitForElement(['.never'], new AbortController().signal, { timeoutMs: 5_000 }).then((found) => (result = found));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(result).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(result).toBeNull();
  });

  it('waits 30 s by default', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let result: Element | null | undefined;
    void waitForElement(['.never'], new AbortController().signal).then((found) => (result = found));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(result).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(result).toBeNull();
  });

  it('stops its timer once the element is found', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const found = waitForElement(['.late'], new AbortController().signal, { timeoutMs: 1_000 });
    const late = document.body.appendChild(element('div', { class: 'late' }));
    await expect(found).resolves.toBe(late);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('bodyReady', () => {
  it('resolves at once when <body> exists', async () => {
    await expect(bodyReady()).resolves.toBeUndefined();
  });

  it('waits for the parser to add <body> (a document_start script)', async () => {
    const html = document.documentElement;
    const body = document.body;
    body.remove();
    try {
      expect(document.body).toBeNull();
      let ready = false;
      void bodyReady().then(() => (ready = true));
      html.append(document.createElement('head'));
      await settle();
      expect(ready).toBe(false);
      html.append(body);
      await settle();
      expect(ready).toBe(true);
    } finally {
      if (!body.isConnected) html.append(body);
    }
  });
});
