/**
 * KPI badges below an epic's header: On-time, Complete and progress over the issues of the epic
 * and its child epics (group scope), and on a top epic the status table of its child epics.
 * Tested on: the stand-in's epic as a work item (`/groups/<g>/-/epics/<iid>`), its legacy epic
 * page (`?force_legacy_view=true`), and a group work item that is an issue
 * (`/groups/<g>/-/work_items/<iid>`, no strip).
 */
import { EpicKeyResults } from '../ui/epic-key-results';
import { epicHeaderAnchors } from '../../../utils/page/anchors';
import type { RequestOf, ResponseOf } from '../../../utils/messages';
import { sendMessage } from '../../../utils/send-message';
import type { Feature } from '../feature';
import { AllocationSplit } from '../../../components/AllocationSplit';
import { BadgeList } from '../../../components/BadgeList';
import { TopEpicTable } from '../../../components/TopEpicTable';
import { onSyncEnded } from '../ui/data-changes';
import { BackgroundStrip } from '../ui/kpi-strip';
import { mountLensHost } from '../ui/lens-host';
import { waitForElement } from '../ui/wait-for-element';

type EpicRequest = RequestOf<'content:epic-overview'>;
type EpicAnswer = ResponseOf<'content:epic-overview'>;

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
    const epicAsked: Promise<boolean> = page.groupWorkItem
      ? sendMessage('content:group-work-item', { groupPath, iid }).then(
          (answer) => answer.epic,
          () => true,
        )
      : Promise.resolve(true);
    const overview = prepareEpicOverview({ groupPath, iid }, epicAsked, signal);
    const [isEpic] = await Promise.all([epicAsked, waitForElement(epicHeaderAnchors.slice(0, -1), signal, { timeoutMs: HEADER_WAIT_MS })]);
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
          load={overview.load}
          initial={overview.takeSettled()}
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
              {/* A top epic's child epics, on their own lines below the reserved ones. */}
              {data.topEpic ? <TopEpicTable view={data.topEpic} /> : null}
              {/* Key results of this quarter's OKRs that name this epic. */}
              <EpicKeyResults groupPath={groupPath} iid={iid} />
            </>
          )}
        />
      ),
    });
  },
};

/**
 * Asks for the epic's answer now, while GitLab is still rendering the header (as the issue strip
 * does): the answer is then usually there when the strip mounts, and the badges and a top epic's
 * table go in with the strip's first frame. The table's height depends on the answer (its child
 * epics), so it cannot be reserved beforehand: only an answer that comes after the first frame
 * (the group's very first sync) makes it move GitLab's content below, once. A group work item is
 * asked about only once it is known to be an epic. The first ask of the strip takes the early
 * answer; later ones (a data push, new settings) ask anew, as does a first ask after a sync ended
 * while the early answer waited (its push came before the strip listened).
 */
function prepareEpicOverview(request: EpicRequest, isEpic: Promise<boolean>, signal: AbortSignal) {
  const ask = () => sendMessage('content:epic-overview', request);
  const ended = new Set<string>();
  const stopListening = onSyncEnded((push) => void ended.add(push.scope));
  signal.addEventListener('abort', stopListening, { once: true });
  let early: Promise<EpicAnswer | null> | null = isEpic.then((epic) => (epic ? ask() : null));
  let settled: EpicAnswer | null = null;
  early.then(
    (answer) => (settled = answer),
    () => {
      // The strip shows the error when it asks.
    },
  );
  const fresh = (answer: EpicAnswer) => !answer.freshness.scopes.some((key) => ended.has(key));
  const drop = () => {
    early = settled = null;
    stopListening();
  };
  return {
    /** The early answer if it has come (and no sync ended since): taken once, for the first render. */
    takeSettled(): EpicAnswer | null {
      const answer = settled && fresh(settled) ? settled : null;
      if (answer) drop();
      return answer;
    },
    async load(): Promise<EpicAnswer> {
      const pending = early;
      drop();
      const answer = pending ? await pending : null;
      return answer && fresh(answer) ? answer : ask();
    },
  };
}
