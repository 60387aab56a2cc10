/**
 * KPI badges under the issue title, in the legacy and the work-item view (same URL, DOM.md §1).
 * Tested on: the stand-in's work-item issue, legacy issue and incident pages, and after
 * pushState navigation between issues.
 */
import { detectIssueView, issueHeaderAnchors } from '../../../utils/page/anchors';
import type { Feature } from '../feature';
import { prepareIssueOverview } from '../ui/issue-overview';
import { loadKpisOpen } from '../ui/kpi-scope';
import { mountLensHost } from '../ui/lens-host';

export const issueKpiBadges: Feature = {
  id: 'issue-kpi-badges',
  include: ['issue'],
  async init({ ctx, signal, page }) {
    if (!page.projectPath || !page.iid) return;
    const request = { projectPath: page.projectPath, iid: page.iid, ...(page.projectId ? { projectId: page.projectId } : {}) };
    // How the user left the KPI line: asked where a strip is coming, not on every page.
    loadKpisOpen();
    await mountLensHost({
      ctx,
      signal,
      featureId: 'issue-kpi-badges',
      // Only one view is rendered (and maybe not yet): the anchors of both, work-item view first.
      anchors: [...issueHeaderAnchors['work-item'], ...issueHeaderAnchors.legacy],
      append: 'after-row',
      render: prepareIssueOverview(request, signal),
      // Which view it landed in (same URL for both), for support and tests.
      onMount: (host) => (host.dataset.issueView = detectIssueView(document) ?? 'unknown'),
    });
  },
};
