// @ts-check
// Board behaviour of the GitLab sandbox (served as /assets/sandbox-board.js):
// - infinite scroll: lists load more cards from ?sandbox_fragment=cards when scrolled near the end;
// - work item drawer: clicking a card opens [data-testid="work-item-drawer"] and pushes ?show=<param>
//   (btoa(JSON.stringify({iid, full_path, id})) like GitLab's makeDrawerUrlParam); closing removes it;
//   loading a URL with ?show= opens it directly;
// - moving cards: drag and drop (pointer events), or window.__sandbox.moveCard(iidOrGid, listIdOrGid). The moved
//   card is re-created (as Apollo re-renders), at the top of the target list.
// - filtering: Enter in the search box re-renders every list with the loaded cards whose title
//   contains the text (new card elements, as Apollo re-renders; clearing it restores them).
// - popstate on a board: drawer changes stay client-side; anything else reloads (board_app.vue).
(function () {
  'use strict';

  /** @type {any} */
  const w = window;
  const sandbox = (w.__sandbox = w.__sandbox || {});
  sandbox.popStateHandlers = sandbox.popStateHandlers || [];
  const loading = new WeakSet();
  let boardPath = null;

  const config = () => (sandbox.config ? sandbox.config() : {});
  const isBoard = () => document.querySelector('.boards-app') !== null;
  const isIssueList = () => document.querySelector('[data-testid="issuable-list"]') !== null;
  const gid = (type, id) => (String(id).startsWith('gid://') ? String(id) : `gid://gitlab/${type}/${id}`);
  const elementOf = (event) => (event.target instanceof Element ? event.target : null);

  function fragmentUrl(params) {
    const url = new URL(location.href);
    url.searchParams.delete('show');
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, String(value));
    return url.href;
  }

  function updateFooter(list) {
    const total = Number(list.dataset.sandboxTotal || '0');
    const loaded = Number(list.dataset.sandboxLoaded || '0');
    const footer = list.querySelector('.board-list-count');
    if (footer) footer.textContent = loaded < total ? `Showing ${loaded} of ${total} issues` : `Showing all ${total} issues`;
  }

  /** Appends the next page of cards to a list; resolves to the number added. */
  async function loadMore(list) {
    const total = Number(list.dataset.sandboxTotal || '0');
    const loaded = Number(list.dataset.sandboxLoaded || '0');
    if (loaded >= total || loading.has(list)) return 0;
    loading.add(list);
    try {
      const response = await fetch(fragmentUrl({ sandbox_fragment: 'cards', list: list.dataset.board || '', offset: loaded }));
      const cards = Array.from(sandbox.parseHtml(await response.text()).querySelectorAll('li.board-card'));
      const footer = list.querySelector('.board-list-count');
      for (const card of cards) list.insertBefore(document.importNode(card, true), footer);
      list.dataset.sandboxLoaded = String(loaded + cards.length);
      updateFooter(list);
      return cards.length;
    } finally {
      loading.delete(list);
    }
  }

  document.addEventListener(
    'scroll',
    (event) => {
      const list = elementOf(event);
      if (list instanceof HTMLElement && list.matches('ul.board-list') && list.scrollTop + list.clientHeight >= list.scrollHeight - 150) {
        loadMore(list).catch(() => undefined);
      }
    },
    true,
  );

  const encodeShow = (card) => {
    const [fullPath, iid] = (card.dataset.itemPath || '').split('#');
    return btoa(JSON.stringify({ iid, full_path: fullPath, id: Number((card.dataset.itemId || '').split('/').pop()) }));
  };
  const decodeShow = (value) => {
    try {
      return JSON.parse(atob(value));
    } catch {
      return null;
    }
  };
  const openDrawerElement = () => document.querySelector('[data-testid="work-item-drawer"]');

  function setShowParam(show) {
    const url = new URL(location.href);
    if (show) url.searchParams.set('show', show);
    else url.searchParams.delete('show');
    history.pushState({ sandbox: true, show }, '', url.href);
  }

  function closeDrawer(push) {
    const drawer = openDrawerElement();
    if (drawer) drawer.remove();
    for (const card of Array.from(document.querySelectorAll('li.board-card.is-active'))) card.classList.remove('is-active');
    if (push && new URL(location.href).searchParams.has('show')) setShowParam(null);
  }

  async function openDrawer(show, push) {
    const params = decodeShow(show);
    if (!params || !params.full_path || !params.iid) return;
    if (push) setShowParam(show);
    const response = await fetch(`/${params.full_path}/-/issues/${params.iid}?sandbox_fragment=drawer`);
    const drawer = sandbox.parseHtml(await response.text()).querySelector('[data-testid="work-item-drawer"]');
    if (!drawer) return;
    closeDrawer(false);
    const node = document.importNode(drawer, true);
    (document.getElementById('content-body') || document.body).appendChild(node);
    for (const card of Array.from(document.querySelectorAll(`li.board-card[data-item-id="${CSS.escape(gid('Issue', params.id))}"]`))) card.classList.add('is-active');
    setTimeout(() => {
      if (node.isConnected) sandbox.mountLate('widgets', node);
    }, config().widgetDelayMs ?? 200);
  }

  document.addEventListener('click', (event) => {
    const target = elementOf(event);
    if (!target || !(isBoard() || isIssueList())) return;
    if (target.closest('[data-testid="work-item-drawer-close"]')) {
      event.preventDefault();
      closeDrawer(true);
      return;
    }
    // Issue lists open an item in the drawer from its title; boards from anywhere on the card.
    const card = isBoard() ? target.closest('li.board-card') : target.closest('[data-testid="issuable-title-link"]')?.closest('li.issue');
    if (!(card instanceof HTMLElement) || target.closest('.js-no-trigger')) return;
    event.preventDefault();
    if (suppressClick) return;
    openDrawer(encodeShow(card), true).catch(() => undefined);
  });

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && openDrawerElement()) closeDrawer(true);
  });

  function countOf(list) {
    const column = list.closest('[data-testid="board-list"]');
    return column ? column.querySelector('[data-testid="item-count"]') : null;
  }

  function adjust(list, delta) {
    list.dataset.sandboxTotal = String(Number(list.dataset.sandboxTotal || '0') + delta);
    list.dataset.sandboxLoaded = String(Math.max(0, Number(list.dataset.sandboxLoaded || '0') + delta));
    const count = countOf(list);
    if (count) count.textContent = list.dataset.sandboxTotal;
    updateFooter(list);
  }

  /** Persists the move, then replaces the card with a freshly rendered one at the top of `toList`. */
  async function moveCard(card, toList) {
    const fromList = card.closest('ul.board-list');
    if (!(fromList instanceof HTMLElement) || fromList === toList) return card;
    const body = JSON.stringify({ boardId: config().boardId, issueId: card.dataset.itemId, toListId: toList.dataset.board });
    const moved = await fetch('/__sandbox/board-move', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    if (!moved.ok) throw new Error(`board move failed: ${moved.status}`);
    const issueId = (card.dataset.itemId || '').split('/').pop() || '';
    const response = await fetch(fragmentUrl({ sandbox_fragment: 'card', list: toList.dataset.board || '', issue: issueId }));
    const fresh = sandbox.parseHtml(await response.text()).querySelector('li.board-card');
    card.remove();
    adjust(fromList, -1);
    if (!fresh) return null;
    const node = document.importNode(fresh, true);
    toList.insertBefore(node, toList.firstChild);
    adjust(toList, 1);
    return node;
  }

  // Pointer-based drag and drop (works for people and for Playwright's dragTo alike).
  let press = null;
  let suppressClick = false;
  const listAt = (x, y) => {
    const list = document.elementFromPoint(x, y)?.closest('ul.board-list');
    return list instanceof HTMLElement ? list : null;
  };
  document.addEventListener('pointerdown', (event) => {
    const target = elementOf(event);
    const card = target?.closest('li.board-card');
    if (event.button !== 0 || !(card instanceof HTMLElement) || target?.closest('.js-no-trigger')) return;
    press = { card, x: event.clientX, y: event.clientY, dragging: false, over: null };
  });
  document.addEventListener('pointermove', (event) => {
    if (!press) return;
    if (!press.dragging && Math.hypot(event.clientX - press.x, event.clientY - press.y) > 5) {
      press.dragging = true;
      press.card.classList.add('is-dragging');
    }
    if (!press.dragging) return;
    const over = listAt(event.clientX, event.clientY);
    if (over !== press.over) {
      press.over?.classList.remove('sandbox-drag-over');
      over?.classList.add('sandbox-drag-over');
      press.over = over;
    }
  });
  document.addEventListener('pointerup', (event) => {
    const current = press;
    press = null;
    if (!current?.dragging) return;
    current.card.classList.remove('is-dragging');
    current.over?.classList.remove('sandbox-drag-over');
    // The click that follows this pointerup must not open the drawer.
    suppressClick = true;
    setTimeout(() => {
      suppressClick = false;
    }, 0);
    const list = listAt(event.clientX, event.clientY);
    if (list) moveCard(current.card, list).catch(() => undefined);
  });

  function findCard(item) {
    const text = String(item);
    const selector = text.startsWith('gid://') ? `li.board-card[data-item-id="${CSS.escape(text)}"]` : `li.board-card[data-item-iid="${CSS.escape(text)}"]`;
    return document.querySelector(selector);
  }

  sandbox.moveCard = async (item, listId) => {
    const card = findCard(item);
    const list = document.querySelector(`ul.board-list[data-board="${CSS.escape(gid('List', listId))}"]`);
    if (!(card instanceof HTMLElement) || !(list instanceof HTMLElement)) throw new Error(`no card ${item} or list ${listId}`);
    return moveCard(card, list);
  };
  sandbox.loadMore = async (listId) => {
    const list = document.querySelector(`ul.board-list[data-board="${CSS.escape(gid('List', listId))}"]`);
    return list instanceof HTMLElement ? loadMore(list) : 0;
  };
  sandbox.openDrawer = (iid) => {
    const card = findCard(iid);
    return card instanceof HTMLElement ? openDrawer(encodeShow(card), true) : Promise.resolve();
  };
  sandbox.closeDrawer = () => closeDrawer(true);

  /** Each list's cards as last rendered from data, before any filter. */
  const unfiltered = new WeakMap();

  /** A card as GitLab would render it from data: nothing another script added to it survives. */
  function renderedFromData(card) {
    const copy = card.cloneNode(true);
    for (const foreign of copy.querySelectorAll('[data-lens]')) foreign.remove();
    return copy;
  }

  function applyFilter(text) {
    const needle = text.trim().toLowerCase();
    for (const list of document.querySelectorAll('ul.board-list')) {
      if (!unfiltered.has(list)) unfiltered.set(list, Array.from(list.querySelectorAll('li.board-card'), renderedFromData));
      const footer = list.querySelector('.board-list-count');
      for (const card of list.querySelectorAll('li.board-card')) card.remove();
      for (const card of unfiltered.get(list)) {
        const title = card.querySelector('.board-card-title')?.textContent?.toLowerCase() ?? '';
        if (!needle || title.includes(needle)) list.insertBefore(renderedFromData(card), footer);
      }
    }
  }

  document.addEventListener('keydown', (event) => {
    const input = elementOf(event);
    if (event.key === 'Enter' && input instanceof HTMLInputElement && input.matches('.filtered-search')) applyFilter(input.value);
  });
  document.addEventListener('search', (event) => {
    const input = elementOf(event);
    if (input instanceof HTMLInputElement && input.matches('.filtered-search') && input.value === '') applyFilter('');
  }, true);

  sandbox.popStateHandlers.push(() => {
    if (!isBoard() && !isIssueList()) return false;
    if (location.pathname !== boardPath) {
      location.reload();
      return true;
    }
    const show = new URL(location.href).searchParams.get('show');
    if (show) openDrawer(show, false).catch(() => undefined);
    else closeDrawer(false);
    return true;
  });

  document.addEventListener('sandbox:mounted', () => {
    if (!isBoard() && !isIssueList()) return;
    boardPath = location.pathname;
    const show = new URL(location.href).searchParams.get('show');
    if (show) openDrawer(show, false).catch(() => undefined);
  });
})();
