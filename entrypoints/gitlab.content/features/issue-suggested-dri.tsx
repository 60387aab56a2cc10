/**
 * The Suggested DRI panel at the end of the issue's sidebar (SPEC §4), in the work-item and the legacy
 * view. Tested on: the stand-in's work-item and legacy issue pages.
 */
import { driPanelAnchors } from '../../../utils/page/anchors';
import type { Feature } from '../feature';
import { DriPanel } from '../ui/dri-panel';
import { loadKpisOpen } from '../ui/kpi-scope';
import { mountLensHost } from '../ui/lens-host';

export const issueSuggestedDri: Feature = {
  id: 'issue-suggested-dri',
  include: ['issue'],
  async init({ ctx, signal, page }) {
    if (!page.projectPath || !page.iid) return;
    const request = { projectPath: page.projectPath, iid: page.iid, ...(page.projectId ? { projectId: page.projectId } : {}) };
    // Open or folded as the user left it (asked once per page with the KPI line's state).
    loadKpisOpen();
    await mountLensHost({ ctx, signal, featureId: 'issue-suggested-dri', anchors: driPanelAnchors, append: 'last', render: () => <DriPanel request={request} /> });
  },
};
