/**
 * The Suggested DRI panel inside the `?show=` drawer on boards and issue lists (SPEC §1: same as
 * the issue page). Tested on: the stand-in's project board (click a card).
 */
import { drawerDriPanelAnchors } from '../../../utils/page/anchors';
import type { Feature } from '../feature';
import { DriPanel } from '../ui/dri-panel';
import { loadKpisOpen } from '../ui/kpi-scope';
import { mountLensHost } from '../ui/lens-host';
import { drawerIssue } from './drawer-kpi-badges';

export const drawerSuggestedDri: Feature = {
  id: 'drawer-suggested-dri',
  include: ['board', 'issue-list'],
  drawer: true,
  async init(context) {
    const { ctx, signal } = context;
    const request = await drawerIssue(context);
    if (!request) return;
    loadKpisOpen();
    await mountLensHost({ ctx, signal, featureId: 'drawer-suggested-dri', anchors: drawerDriPanelAnchors, append: 'last', render: () => <DriPanel request={request} /> });
  },
};
