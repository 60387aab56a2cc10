/**
 * The board summary bar above the lists: the team KPIs of the board's scope (the project of a
 * project board, the group of a group board). Tested on: the stand-in's project boards and its
 * group board, and after pushState navigation away and back.
 */
import type { PageInfo } from '../../../utils/page/detect';
import { boardAnchors } from '../../../utils/page/anchors';
import { sendMessage } from '../../../utils/send-message';
import type { Feature } from '../feature';
import { BadgeList } from '../../../components/BadgeList';
import { ScopeSwitch } from '../../../components/ScopeSwitch';
import { useScopeChoice } from '../ui/kpi-scope';
import { BackgroundStrip } from '../ui/kpi-strip';
import { mountLensHost } from '../ui/lens-host';

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
      render: () => <BoardSummaryBar board={board} />,
    });
  },
};

function BoardSummaryBar({ board }: { board: NonNullable<ReturnType<typeof boardScope>> }) {
  const [scope, choose] = useScopeChoice();
  return (
    <BackgroundStrip
      key={scope}
      label={`Engineering Lens: KPIs of ${board.projectPath ?? board.groupPath}`}
      // The switch and six KPI badges need about this much room; narrower boards reserve a
      // second line so the lists never move when the numbers arrive.
      lines={1}
      lastLineWidth={1100}
      load={() => sendMessage('content:board-overview', { ...board, kpiScope: scope === 'team' ? 'team' : 'board' })}
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
        </>
      )}
    />
  );
}
