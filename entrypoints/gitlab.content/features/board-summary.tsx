/**
 * The board summary bar above the lists: the team KPIs of the board's scope (the project of a
 * project board, the group of a group board) and, on issue boards, the allocation split and the
 * capacity list (open weight per assignee against their capacity). Tested on: the stand-in's project boards and its
 * group board, and after pushState navigation away and back.
 */
import type { PageInfo } from '../../../utils/page/detect';
import { boardAnchors } from '../../../utils/page/anchors';
import { sendMessage } from '../../../utils/send-message';
import type { Feature } from '../feature';
import { AllocationSplit } from '../../../components/AllocationSplit';
import { BadgeList } from '../../../components/BadgeList';
import { CapacityList } from '../../../components/CapacityList';
import { ScopeSwitch } from '../../../components/ScopeSwitch';
import { useScopeChoice } from '../ui/kpi-scope';
import { BackgroundStrip } from '../ui/kpi-strip';
import { mountLensHost } from '../ui/lens-host';
import { sharedAsk } from '../ui/shared-ask';

/** What a board message says about its board, from the detected page. */
export function boardScope(page: PageInfo): { projectPath?: string; projectId?: number; groupPath?: string; epicBoard?: boolean } | null {
  if (page.projectPath) return { projectPath: page.projectPath, ...(page.projectId ? { projectId: page.projectId } : {}) };
  if (page.groupPath) return { groupPath: page.groupPath, ...(page.epicBoard ? { epicBoard: true } : {}) };
  return null;
}

export const boardSummary: Feature = {
  id: 'board-summary',
  include: ['board'],
  async init({ ctx, signal, page }) {
    const board = boardScope(page);
    if (!board) return;
    await mountLensHost({
      ctx,
      signal,
      featureId: 'board-summary',
      anchors: boardAnchors.lists,
      append: 'before',
      render: () => <BoardSummaryBar board={board} boardId={page.boardId} />,
    });
  },
};

/**
 * The bar's KPIs and, on issue boards, the whole board's allocation split and capacity list (one
 * answer, asked beside the KPIs; a split that cannot be had leaves the KPIs alone and says why on
 * its line).
 */
async function loadBar(board: NonNullable<ReturnType<typeof boardScope>>, boardId: number | undefined, scope: 'team' | 'board') {
  const overview = sendMessage('content:board-overview', { ...board, kpiScope: scope });
  if (board.epicBoard) return { ...(await overview), allocation: null };
  const request = { ...board, ...(boardId === undefined ? {} : { boardId }) };
  // The lists ask the same at the same moment (board-list-allocation.tsx): one message for all.
  const allocation = sharedAsk(`board-allocation:${JSON.stringify(request)}`, () => sendMessage('content:board-allocation', request)).then(
    (answer) => ({ view: answer.board, caveats: answer.caveats, capacity: answer.capacity, error: null }),
    (error: unknown) => ({ view: null, caveats: [], capacity: null, error: error instanceof Error ? error.message : String(error) }),
  );
  return { ...(await overview), allocation: await allocation };
}

function BoardSummaryBar({ board, boardId }: { board: NonNullable<ReturnType<typeof boardScope>>; boardId: number | undefined }) {
  const [scope, choose] = useScopeChoice();
  return (
    <BackgroundStrip
      key={scope}
      label={`Engineering Lens: KPIs of ${board.projectPath ?? board.groupPath}`}
      // The switch and six KPI badges need about this much room; narrower boards reserve a
      // second line so the lists never move when the numbers arrive. Issue boards add the
      // allocation split and the capacity list on a line each.
      lines={board.epicBoard ? 1 : 3}
      lastLineWidth={1100}
      // Narrower than that, the KPIs and the split may each take two lines.
      narrowLines={board.epicBoard ? 2 : 5}
      load={() => loadBar(board, boardId, scope === 'team' ? 'team' : 'board')}
      render={(data, freshness) => (
        <>
          {data.badges.length && !data.teamIsOwn ? (
            <ScopeSwitch
              value={data.kpiScope === 'team' ? 'team' : 'own'}
              onChange={choose}
              ownLabel={board.projectPath ? 'Project' : 'Group'}
              ownPath={data.scopePath}
              teamConfigured={data.teamConfigured}
            />
          ) : null}
          <BadgeList badges={data.badges} />
          {freshness}
          {data.allocation ? (
            <>
              <span className="lens-line-break" aria-hidden="true" />
              {data.allocation.view ? (
                <AllocationSplit view={data.allocation.view} />
              ) : (
                <span className="lens-muted">Allocation: {data.allocation.error ?? 'not synced yet'}</span>
              )}
              {data.allocation.caveats.length ? <span className="lens-muted">{data.allocation.caveats.join(' ')}</span> : null}
              {data.allocation.capacity ? (
                <>
                  <span className="lens-line-break" aria-hidden="true" />
                  <CapacityList capacity={data.allocation.capacity} />
                </>
              ) : null}
            </>
          ) : null}
        </>
      )}
    />
  );
}
