/**
 * The Suggested DRI panel inside the `?show=` drawer on boards and issue lists (SPEC §1: same as
 * the issue page). Tested on: the stand-in's project board (click a card).
 */
import { drawerDriPanelAnchors, drawerRoots } from '../../../utils/page/anchors';
import type { Feature } from '../feature';
import { DriPanel } from '../ui/dri-panel';
import { loadKpisOpen } from '../ui/kpi-scope';
import { mountLensHost } from '../ui/lens-host';
import { waitForElement } from '../ui/wait-for-element';
import { issueFromDrawer, issueFromParam } from './drawer-kpi-badges';

export const drawerSuggestedDri: Feature = {
  id: 'drawer-suggested-dri',
  include: ['board', 'issue-list'],
  drawer: true,
  async init(context) {
    const { ctx, signal } = context;
    let issue = issueFromParam(context);
    if (!issue) {
      if (!(await waitForElement(drawerRoots, signal))) return;
      issue = issueFromDrawer(await context.gitlab);
    }
    if (!issue || signal.aborted) return;
    const request = issue;
    loadKpisOpen();
    await mountLensHost({ ctx, signal, featureId: 'drawer-suggested-dri', anchors: drawerDriPanelAnchors, append: 'last', render: () => <DriPanel request={request} /> });
  },
};
