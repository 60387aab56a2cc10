/**
 * KPI badges under the issue title, in the legacy and the work-item view (same URL, DOM.md §1).
 * Tested on: the stand-in's legacy issue, work-item issue and incident pages.
 */
import { LensRow, SetupPrompt } from '../../../components/LensRow';
import { detectIssueView, issueHeaderAnchors, issueViewRoots } from '../../../utils/page/anchors';
import { sendMessage } from '../../../utils/send-message';
import type { Feature } from '../feature';
import { mountLensHost } from '../lens-host';
import { waitForElement } from '../wait-for-element';

export const issueKpiBadges: Feature = {
  id: 'issue-kpi-badges',
  include: ['issue'],
  async init({ ctx, signal, gitlab }) {
    // Which view GitLab rendered is known only once its app has mounted.
    const root = await waitForElement([...issueViewRoots['work-item'], ...issueViewRoots.legacy], signal);
    if (!root) return;
    const view = detectIssueView(document) ?? 'legacy';
    await mountLensHost({
      ctx,
      signal,
      featureId: 'issue-kpi-badges',
      anchors: issueHeaderAnchors[view],
      append: 'after-row',
      render: () => (
        <LensRow label="Engineering Lens: issue KPIs">
          {gitlab.configured ? (
            <span className="lens-muted">Connected</span>
          ) : (
            <SetupPrompt onOpenOptions={() => void sendMessage('content:open-options', {})} />
          )}
        </LensRow>
      ),
    });
  },
};
