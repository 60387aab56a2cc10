/**
 * Each list's allocation split on GitLab's list header (SPEC §3): a compact bar, with the
 * split in words for keyboards and screen readers. The lists' contents follow GitLab's list rules
 * over the cache (handlers/board-allocation.ts), so cards not scrolled into view count too.
 * Tested on: the stand-in's project and group boards (Open, label lists, Closed).
 */
import { useId } from 'react';
import { AllocationBar } from '../../../components/AllocationSplit';
import { domListKey } from '../../../utils/board/lists';
import type { AllocationViewInfo } from '../../../utils/messages';
import { boardAnchors, firstMatch } from '../../../utils/page/anchors';
import { sendMessage } from '../../../utils/send-message';
import type { Feature } from '../feature';
import { watchDom } from '../ui/dom-watch';
import { afterIdle } from '../ui/idle';
import { mountLensHost } from '../ui/lens-host';
import { sharedAsk } from '../ui/shared-ask';
import { useBackgroundAnswer } from '../ui/use-background-answer';
import { boardScope } from './board-summary';

/** The board's columns, outermost elements carrying a list id, in page order. */
function columnsOf(container: Element): Element[] {
  const selector = boardAnchors.column.join(', ');
  return [...container.querySelectorAll(selector)].filter((column) => !column.parentElement?.closest(selector));
}

export const boardListAllocation: Feature = {
  id: 'board-list-allocation',
  include: ['board'],
  init({ ctx, signal, page }) {
    const board = boardScope(page);
    if (!board || board.epicBoard) return;
    const request = { ...board, ...(page.boardId === undefined ? {} : { boardId: page.boardId }) };
    const mounted = new WeakSet<Element>();
    const order = (): string[] => {
      const container = firstMatch(document, boardAnchors.lists);
      return container ? columnsOf(container).map((column) => column.getAttribute('data-list-id') ?? '') : [];
    };
    const mountNew = () => {
      const container = firstMatch(document, boardAnchors.lists);
      if (!container) return;
      for (const column of columnsOf(container)) {
        if (mounted.has(column)) continue;
        mounted.add(column);
        const gid = column.getAttribute('data-list-id') ?? '';
        void mountLensHost({
          ctx,
          signal,
          featureId: 'board-list-allocation',
          anchors: boardAnchors.listHeader,
          append: 'last',
          root: column,
          render: () => <ListAllocation load={() => sharedAsk(`board-allocation:${JSON.stringify(request)}`, () => sendMessage('content:board-allocation', request))} gid={gid} order={order} />,
        });
      }
    };
    // The bars sit over the header's bottom edge (a zero-height host): they take no layout, so
    // they can wait until the board's first render is done instead of adding to it.
    const start = () => {
      if (signal.aborted) return;
      mountNew();
      // Lists GitLab adds later (or renders again) get theirs too.
      watchDom(mountNew, signal);
    };
    void afterIdle().then(start);
  },
};

function ListAllocation({ load, gid, order }: { load: () => ReturnType<typeof sendMessage<'content:board-allocation'>>; gid: string; order: () => string[] }) {
  const answer = useBackgroundAnswer(load);
  const tooltipId = useId();
  let view: AllocationViewInfo | null = null;
  if (answer.status === 'ready') {
    const key = domListKey(gid, answer.data.listIds, order());
    view = answer.data.lists.find((list) => list.key === key)?.view ?? null;
  }
  // Drawn over the bottom edge of GitLab's header: nothing of the list moves when it arrives.
  return (
    <div className="lens-list-alloc" role="group" aria-label="Engineering Lens: list allocation">
      {view && view.itemCount > 0 ? (
        <span className="lens-badge lens-alloc-list-badge" tabIndex={0} role="note" aria-label={`Allocation: ${view.summary}`} aria-describedby={tooltipId} data-testid="lens-list-allocation">
          <AllocationBar view={view} compact />
          <span className="lens-tooltip" id={tooltipId} role="tooltip">
            {`Allocation: ${view.summary} (${view.measureText}). ${view.budgetText}: ${view.budgetDetail}`}
          </span>
        </span>
      ) : null}
    </div>
  );
}
