/**
 * KPI badges below an epic's header: On-time, Complete and progress over the issues of the epic
 * and its child epics (group scope). Tested on: the stand-in's epic as a work item
 * (`/groups/<g>/-/epics/<iid>`), its legacy epic page (`?force_legacy_view=true`), and a group
 * work item that is an issue (`/groups/<g>/-/work_items/<iid>`, no strip).
 */
import { epicHeaderAnchors } from '../../../utils/page/anchors';
import { sendMessage } from '../../../utils/send-message';
import type { Feature } from '../feature';
import { AllocationSplit } from '../../../components/AllocationSplit';
import { BadgeList } from '../../../components/BadgeList';
import { BackgroundStrip } from '../ui/kpi-strip';
import { mountLensHost } from '../ui/lens-host';
import { waitForElement } from '../ui/wait-for-element';

/** How long to wait for the epic's own header before settling for the legacy app's root. */
const HEADER_WAIT_MS = 5_000;

export const epicKpiBadges: Feature = {
  id: 'epic-kpi-badges',
  include: ['epic'],
  async init({ ctx, signal, page }) {
    const { groupPath, iid } = page;
    if (!groupPath || !iid) return;
    // The header mounts late; waiting for it keeps the strip from moving once it appears. A group
    // work item may be an issue or a task (GitLab 18.x): asked meanwhile, and then no epic strip.
    // When the question cannot be answered the strip mounts and shows its own load's error.
    const [isEpic] = await Promise.all([
      page.groupWorkItem
        ? sendMessage('content:group-work-item', { groupPath, iid }).then(
            (answer) => answer.epic,
            () => true,
          )
        : true,
      waitForElement(epicHeaderAnchors.slice(0, -1), signal, { timeoutMs: HEADER_WAIT_MS }),
    ]);
    if (signal.aborted || !isEpic) return;
    await mountLensHost({
      ctx,
      signal,
      featureId: 'epic-kpi-badges',
      anchors: epicHeaderAnchors,
      append: 'after-row',
      render: () => (
        <BackgroundStrip
          label="Engineering Lens: epic KPIs"
          lines={2}
          load={() => sendMessage('content:epic-overview', { groupPath, iid })}
          render={(data, freshness) => (
            <>
              <BadgeList badges={data.badges} />
              {freshness}
              {data.allocation ? (
                <>
                  {/* The split of the same issues on its own line, against the budget. */}
                  <span className="lens-line-break" aria-hidden="true" />
                  <AllocationSplit view={data.allocation} />
                </>
              ) : null}
            </>
          )}
        />
      ),
    });
  },
};
