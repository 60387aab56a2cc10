/**
 * The issue's KPI badges inside the `?show=` work-item drawer on boards and issue lists (SPEC §1:
 * same as the issue page). Restarts whenever the drawer changes; removed when it closes.
 * Tested on: the stand-in's project board (click a card, Escape closes).
 */
import { drawerAnchors, drawerRefLinks, drawerRoots, firstMatch } from '../../../utils/page/anchors';
import { detectPage, readBodyData } from '../../../utils/page/detect';
import { decodeDrawerParam } from '../../../utils/page/drawer-param';
import type { Feature, FeatureContext, GitLabStatus } from '../feature';
import { prepareIssueOverview } from '../ui/issue-overview';
import { loadKpisOpen } from '../ui/kpi-scope';
import { mountLensHost } from '../ui/lens-host';
import { waitForElement } from '../ui/wait-for-element';

export const drawerKpiBadges: Feature = {
  id: 'drawer-kpi-badges',
  include: ['board', 'issue-list'],
  drawer: true,
  async init(context) {
    const { ctx, signal } = context;
    const request = await drawerIssue(context);
    if (!request) return;
    // How the user left the KPI line: asked where a strip is coming, not on every page.
    loadKpisOpen();
    await mountLensHost({
      ctx,
      signal,
      featureId: 'drawer-kpi-badges',
      anchors: drawerAnchors,
      append: 'after-row',
      render: prepareIssueOverview(request, signal),
    });
  },
};

/**
 * The drawer's issue, for every drawer feature. It is usually in `?show=` already (known while
 * GitLab still fetches the drawer, so answers can go in with it); otherwise it is read from the
 * drawer once it is there. Null when there is none or the drawer went away.
 */
export async function drawerIssue(context: FeatureContext): Promise<{ projectPath: string; iid: number; projectId?: number } | null> {
  const issue = issueFromParam(context);
  if (issue) return issue;
  if (!(await waitForElement(drawerRoots, context.signal))) return null;
  const fromDrawer = issueFromDrawer(await context.gitlab);
  return fromDrawer && !context.signal.aborted ? fromDrawer : null;
}

/** The drawer's issue from `?show=`, when it decodes. */
function issueFromParam({ page }: FeatureContext): { projectPath: string; iid: number; projectId?: number } | null {
  const fromParam = decodeDrawerParam(page.drawer);
  if (!fromParam) return null;
  const sameProject = page.projectId && page.projectPath === fromParam.projectPath;
  return { ...fromParam, ...(sameProject ? { projectId: page.projectId } : {}) };
}

/** The drawer's issue from its reference link (a `?show=` this version cannot read). */
function issueFromDrawer(gitlab: GitLabStatus | null): { projectPath: string; iid: number; projectId?: number } | null {
  const href = firstMatch(document, drawerRefLinks)?.getAttribute('href');
  if (!href) return null;
  const url = new URL(href, location.href);
  const base = gitlab?.gitlabUrl ? new URL(gitlab.gitlabUrl) : null;
  const linked = detectPage(url, readBodyData(document.body), base?.origin === url.origin ? base : null);
  if (linked.kind !== 'issue' || !linked.projectPath || !linked.iid) return null;
  return { projectPath: linked.projectPath, iid: linked.iid, ...(linked.projectId ? { projectId: linked.projectId } : {}) };
}
