/**
 * Due status and age on every board card, including cards added later by infinite scroll,
 * filtering or drag and drop (card-badges.ts). Computed in the background, one message per
 * batch of cards. Tested on: the stand-in's project board with 1,000 cards (scroll, drag and
 * drop), its group board, and after pushState navigation away and back.
 */
import { boardAnchors } from '../../../utils/page/anchors';
import { sendMessage } from '../../../utils/send-message';
import { CARD_BADGES_ID } from '../ui/card-badge-host';
import { startCardBadges, type CardAnswer } from '../ui/card-badges';
import type { Feature } from '../feature';
import { gitlabTheme } from '../ui/theme';
import { waitForElement } from '../ui/wait-for-element';
import { boardScope } from './board-summary';

export const boardCardBadges: Feature = {
  id: CARD_BADGES_ID,
  include: ['board'],
  async init({ signal: pageSignal, page, gitlab }) {
    const board = boardScope(page);
    if (!board) return;
    // Not waiting for the background's status: on a busy worker it can come after GitLab has
    // painted the cards, and rows put in then would move them. Not set up after all (the summary
    // bar says so): the rows go, since empty rows on every card would not help; the prefetch
    // fails then too, which removes them at once.
    const stopped = new AbortController();
    pageSignal.addEventListener('abort', () => stopped.abort(), { once: true });
    const { signal } = stopped;
    void gitlab.then((status) => {
      if (!status?.configured) stopped.abort();
    });
    // Ask for the scope's likely cards while GitLab is still loading the board.
    const prefetch = sendMessage('content:board-cards', { board, cards: [], prefetch: true });
    // Usually answered long before GitLab renders the cards: then the first scan knows them.
    let answered: CardAnswer | null = null;
    prefetch.then(
      (answer) => (answered = answer),
      () => {
        // Asked again per card once they render.
      },
    );
    if (!(await waitForElement(boardAnchors.lists, signal))) return;
    const prefetched = answered ?? prefetch;
    let warned = false;
    startCardBadges({
      signal,
      prefetched,
      theme: gitlabTheme,
      load: (cards) => sendMessage('content:board-cards', { board, cards }),
      onError: (error) => {
        // The summary bar says what is wrong (e.g. not set up); cards stay silent.
        if (!warned) console.warn('[Engineering Lens] board card badges:', error);
        warned = true;
      },
    });
  },
};
