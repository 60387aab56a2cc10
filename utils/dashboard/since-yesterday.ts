/**
 * "Since yesterday" in the popup (SPEC §7, issue item 4): what changed in the team's cached
 * issues and merge requests, as short lists of links. Pure: the caller passes `now`.
 */
import {
  compileIncidentMatcher,
  DAY_MS,
  DEFAULT_FAILURE_RULES,
  dueStatus,
  effectiveDueDate,
  type FailureRules,
  type KpiIssue,
  type KpiMergeRequest,
} from '../kpi';
import { closedAtMs } from '../kpi/due-date';
import { endOfDayCache } from '../kpi/time-zone';
import { parseTimestamp } from '../kpi/window';

/** Items listed per list; the rest is only counted ("and 7 more"). */
export const SINCE_YESTERDAY_CAP = 5;

export interface SinceYesterdayInput {
  issues: readonly KpiIssue[];
  mergeRequests: readonly KpiMergeRequest[];
}

export interface SinceYesterdayOptions {
  /** Start of the period (exclusive): the last daily sync's time. Default now − 24 h. */
  since?: Date;
  /** Items kept per list, newest first. Default SINCE_YESTERDAY_CAP (5). */
  cap?: number;
  /** Which issues are incidents: outages as MTBF counts them. Default DEFAULT_FAILURE_RULES. */
  failureRules?: FailureRules;
  /**
   * The configured GitLab URL: an item's link is kept only when it points inside it (the popup
   * renders links; a cached URL elsewhere is shown as plain text). Without it, any http(s) URL.
   */
  gitlabUrl?: string;
}

export interface ChangeItem {
  /** GitLab's full reference ("group/project#12", "group/project!34"), else "#12" / "!34". */
  ref: string;
  title: string;
  /** The item's web_url, or null when there is none safe to link (see SinceYesterdayOptions.gitlabUrl). */
  url: string | null;
  /** When the change happened (closed, created, merged, or the first instant past the due day). */
  at: string;
}

export interface ChangeList {
  /** Newest first, at most `cap`. */
  items: ChangeItem[];
  /** Every change of the kind in the period; total − items.length are "more". */
  total: number;
}

export interface SinceYesterday {
  /** The period (since, until]: ISO instants, for "since Tue 09:00". */
  since: string;
  until: string;
  /** Issues closed, incidents excepted (they are under incidentsClosed, so nothing shows twice). */
  issuesClosed: ChangeList;
  /** Open issues whose due day ended in the period: their due badge turned to "overdue" since. */
  becameOverdue: ChangeList;
  incidentsOpened: ChangeList;
  incidentsClosed: ChangeList;
  mrsMerged: ChangeList;
}

/**
 * What changed "since yesterday": events whose GitLab timestamp lies in the half-open period
 * (since, now], where `since` is `opts.since` (the last daily sync) or else now − 24 h.
 * Decision: the start is excluded and the end included, so back-to-back periods (each daily
 * sync starting where the last ended) list every event exactly once: an event exactly 24 h
 * ago belonged to yesterday's list. An event after `now` (clock skew) is not listed yet.
 *
 * - Issues closed: `closed_at` in the period and still closed (a reopened issue is not). A
 *   closed issue without `closed_at` cannot be placed and is left out.
 * - Became overdue: still open, and the end of its due day (own due date, else its milestone's,
 *   in `timeZone`) passed in the period, i.e. it was not overdue at `since` and is at `now`, by
 *   the badge's own rule (kpi/issue-badges.ts dueStatus, which each listed issue is checked with).
 * - Incidents: failures that are outages (issue type incident or an outage label, FailureRules),
 *   as MTBF counts them (kpi/failures.ts: ask the outage test only about failures). Opened: `created_at` in the period;
 *   closed: `closed_at` in the period. One opened and closed since yesterday is in both.
 * - MRs merged: `merged_at` in the period (state may lag in the cache; merged_at does not).
 *
 * Each list is sorted newest first (ties: by project, then iid) and cut at `cap`, with the total.
 * Linear in the data: the due day's end is memoized per date and zone (kpi/time-zone.ts).
 */
export function sinceYesterday(
  input: SinceYesterdayInput,
  now: Date,
  timeZone: string,
  opts: SinceYesterdayOptions = {},
): SinceYesterday {
  const untilMs = now.getTime();
  const sinceMs = opts.since ? opts.since.getTime() : untilMs - DAY_MS;
  const inPeriod = (ms: number | null): ms is number => ms !== null && ms > sinceMs && ms <= untilMs;
  const rules = opts.failureRules ?? DEFAULT_FAILURE_RULES;
  const isIncident = compileIncidentMatcher(rules);
  const endOfDay = endOfDayCache(timeZone);
  const link = linkFilter(opts.gitlabUrl);

  type Found = { ms: number; issue: KpiIssue };
  const closed: Found[] = [];
  const overdue: Found[] = [];
  const opened: Found[] = [];
  const incidentsClosed: Found[] = [];

  for (const issue of input.issues) {
    // The incident test first (memoized per label): most issues are none, so created_at is not parsed.
    const incident = isIncident(issue);
    if (incident) {
      const createdMs = parseTimestamp(issue.created_at);
      if (inPeriod(createdMs)) opened.push({ ms: createdMs, issue });
    }
    const closedMs = closedAtMs(issue);
    if (typeof closedMs === 'number') {
      if (inPeriod(closedMs)) (incident ? incidentsClosed : closed).push({ ms: closedMs, issue });
      continue;
    }
    if (closedMs !== null) continue;
    const due = effectiveDueDate(issue);
    const dueEndMs = due ? endOfDay(due.date) : null;
    // Overdue from the first instant after the due day: then the badge says "overdue 1 d".
    if (dueEndMs === null || !inPeriod(dueEndMs + 1)) continue;
    if (dueStatus(issue, now, timeZone).kind === 'overdue') overdue.push({ ms: dueEndMs + 1, issue });
  }

  const merged: { ms: number; mr: KpiMergeRequest }[] = [];
  for (const mr of input.mergeRequests) {
    const mergedMs = parseTimestamp(mr.merged_at);
    if (inPeriod(mergedMs)) merged.push({ ms: mergedMs, mr });
  }

  const cap = Math.max(0, opts.cap ?? SINCE_YESTERDAY_CAP);
  const issueList = (found: Found[]) =>
    changeList(found.map(({ ms, issue }) => ({ ms, item: issue, ref: issue.references?.full ?? `#${issue.iid}` })), cap, link);
  return {
    since: new Date(sinceMs).toISOString(),
    until: now.toISOString(),
    issuesClosed: issueList(closed),
    becameOverdue: issueList(overdue),
    incidentsOpened: issueList(opened),
    incidentsClosed: issueList(incidentsClosed),
    mrsMerged: changeList(merged.map(({ ms, mr }) => ({ ms, item: mr, ref: mr.references?.full ?? `!${mr.iid}` })), cap, link),
  };
}

type Linkable = { project_id: number; iid: number; title?: string; web_url?: string };

function changeList(
  found: { ms: number; item: Linkable; ref: string }[],
  cap: number,
  link: (url: string | undefined) => string | null,
): ChangeList {
  found.sort((a, b) => b.ms - a.ms || a.item.project_id - b.item.project_id || a.item.iid - b.item.iid);
  return {
    items: found.slice(0, cap).map(({ ms, item, ref }) => ({
      ref,
      title: item.title ?? '',
      url: link(item.web_url),
      at: new Date(ms).toISOString(),
    })),
    total: found.length,
  };
}

/**
 * Only http(s) links, and only into the configured GitLab when it is given (as the popup's
 * ongoing incidents): a cached `javascript:` or foreign URL never becomes a link.
 */
function linkFilter(gitlabUrl: string | undefined): (url: string | undefined) => string | null {
  const root = gitlabUrl ? `${gitlabUrl.replace(/\/+$/, '')}/` : null;
  return (url) => {
    if (!url || !/^https?:\/\//i.test(url)) return null;
    return root === null || url.startsWith(root) ? url : null;
  };
}
