/**
 * Plain check of the SPEC §9 budget "KPIs over 100,000 issues and 20,000 merge requests: under
 * 200 ms". Not a vitest file on purpose (timed unit tests flake on busy CI); run by hand:
 *   npm run bench (or: npx tsx test/bench/kpi-engine.ts)
 * Exits 1 when the budget is exceeded.
 */
import { DEFAULT_ALLOCATION_RULES } from '../../utils/allocation/rules';
import { completeRate } from '../../utils/kpi/complete-rate';
import { dueStatus, issueAge, timeToFix } from '../../utils/kpi/issue-badges';
import { resolveEngineers } from '../../utils/kpi/engineers';
import { mrRate } from '../../utils/kpi/mr-rate';
import { mtbf } from '../../utils/kpi/mtbf';
import { mttr } from '../../utils/kpi/mttr';
import { onTimeRate } from '../../utils/kpi/on-time-rate';
import { techContribution } from '../../utils/kpi/tech-contribution';
import type { KpiIssue, KpiMember, KpiMergeRequest } from '../../utils/kpi/types';
import { rollingWindow } from '../../utils/kpi/window';

const DAY_MS = 86_400_000;
const BUDGET_MS = 200;
const now = new Date('2025-04-01T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const date = (ms: number) => iso(ms).slice(0, 10);

const issues: KpiIssue[] = Array.from({ length: 100_000 }, (_, i) => {
  const created = now.getTime() - (i % 400) * DAY_MS - (i % 24) * 3_600_000;
  const closed = i % 3 === 0 ? null : created + (i % 20) * DAY_MS;
  const milestone = { id: i % 40, title: `M${i % 40}`, due_date: date(now.getTime() - (i % 40) * 7 * DAY_MS) };
  return {
    project_id: i % 25,
    iid: i,
    state: closed === null ? 'opened' : 'closed',
    created_at: iso(created),
    closed_at: closed === null ? null : iso(closed),
    due_date: i % 2 === 0 ? date(created + (i % 30) * DAY_MS) : null,
    milestone: i % 5 === 0 ? milestone : null,
    labels: i % 20 === 0 ? ['type::bug', 'severity::2'] : ['type::feature', 'frontend', 'group::plan'],
    issue_type: i % 97 === 0 ? 'incident' : 'issue',
  };
});
const mergeRequests: KpiMergeRequest[] = Array.from({ length: 20_000 }, (_, i) => ({
  project_id: i % 25,
  iid: i,
  state: 'merged',
  merged_at: iso(now.getTime() - (i % 200) * DAY_MS),
  labels: i % 3 === 0 ? ['type::maintenance'] : ['type::feature'],
}));
const members: KpiMember[] = Array.from({ length: 250 }, (_, i) => ({
  id: i % 60,
  username: `user${i % 60}`,
  access_level: i % 4 === 0 ? 20 : 30,
  state: i % 17 === 0 ? 'blocked' : 'active',
}));

function runAll(): void {
  const window = rollingWindow(now, 90);
  const engineers = resolveEngineers(members);
  onTimeRate(issues, window, { now, timeZone: 'Europe/Berlin' });
  completeRate(issues, undefined, window, { now, timeZone: 'Europe/Berlin' });
  mttr(issues, window);
  mtbf(issues, window, { now });
  mrRate(mergeRequests, engineers, window, { now });
  techContribution(mergeRequests, engineers, window, DEFAULT_ALLOCATION_RULES, { now });
}

/**
 * Baseline in the same process: one pass that only parses every timestamp the KPIs read. No KPI
 * can be faster than reading its input once, so the ratio shows how much the math adds.
 */
function parseEveryTimestamp(): number {
  let sum = 0;
  for (const issue of issues) sum += Date.parse(issue.created_at) + (issue.closed_at ? Date.parse(issue.closed_at) : 0);
  for (const mr of mergeRequests) sum += mr.merged_at ? Date.parse(mr.merged_at) : 0;
  return sum;
}

function time(run: () => unknown, runs = 5): number[] {
  run(); // warm-up: JIT and Intl formatter creation are one-off costs
  return Array.from({ length: runs }, () => {
    const started = performance.now();
    run();
    return performance.now() - started;
  });
}

const baseline = time(parseEveryTimestamp);
const timings = time(runAll);
const worst = Math.max(...timings);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(`All KPIs over 100,000 issues + 20,000 MRs: ${timings.map((t) => t.toFixed(1)).join(', ')} ms (budget ${BUDGET_MS} ms)`);
console.log(
  `Baseline, parsing every timestamp once: ${baseline.map((t) => t.toFixed(1)).join(', ')} ms; ` +
    `KPIs / baseline = ${(median(timings) / median(baseline)).toFixed(1)}× (medians)`,
);

// Board budget (SPEC §9: 1,000 cards, all badges within 150 ms): the per-card helpers' share.
const cards = issues.slice(0, 1000);
const boardStarted = performance.now();
for (const card of cards) {
  dueStatus(card, now, 'Europe/Berlin');
  issueAge(card, now);
  timeToFix(card);
}
const boardMs = performance.now() - boardStarted;
console.log(`Due status + age + time to fix for 1,000 cards: ${boardMs.toFixed(1)} ms`);
if (worst > BUDGET_MS) process.exit(1);
