/**
 * KPI badges under the issue title, in the legacy and the work-item view (same URL, DOM.md §1).
 * Tested on: the stand-in's work-item issue, legacy issue and incident pages, and after
 * pushState navigation between issues.
 */
import { detectIssueView, issueHeaderAnchors, issueViewRoots } from '../../../utils/page/anchors';
import type { Feature } from '../feature';
import { IssueOverview } from '../issue-overview';
import { mountLensHost } from '../lens-host';
import { waitForElement } from '../wait-for-element';

export const issueKpiBadges: Feature = {
  id: 'issue-kpi-badges',
  include: ['issue'],
  async init({ ctx, signal, page }) {
    if (!page.projectPath || !page.iid) return;
    // Which view GitLab rendered is known only once its app has mounted.
    const root = await waitForElement([...issueViewRoots['work-item'], ...issueViewRoots.legacy], signal);
    if (!root) return;
    const view = detectIssueView(document) ?? 'legacy';
    const request = { projectPath: page.projectPath, iid: page.iid, ...(page.projectId ? { projectId: page.projectId } : {}) };
    await mountLensHost({
      ctx,
      signal,
      featureId: 'issue-kpi-badges',
      anchors: issueHeaderAnchors[view],
      append: 'after-row',
      render: () => <IssueOverview request={request} />,
    });
  },
};
