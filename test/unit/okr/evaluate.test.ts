import { describe, expect, it } from 'vitest';
import { DEFAULT_ALLOCATION_RULES } from '../../../utils/allocation/rules';
import type { KpiIssue } from '../../../utils/kpi/types';
import { evaluateOkrs, epicKey } from '../../../utils/okr/evaluate';
import { DEFAULT_SETTINGS, kpiSettingsFrom } from '../../../utils/settings';
import type { OkrSettings } from '../../../utils/settings/okr';

// Q4 2026 (calendar quarters, UTC): 2026-10-01 to 2026-12-31, 92 days. On 2026-11-15 at 00:00,
// 45 days are gone: elapsed = 45 / 92 = 0.48913.
const NOW = new Date('2026-11-15T00:00:00Z');
const kpi = kpiSettingsFrom({ ...DEFAULT_SETTINGS, kpi: { ...DEFAULT_SETTINGS.kpi, timeZone: 'UTC' } });

let iid = 0;
const issue = (fields: Partial<KpiIssue>): KpiIssue => ({
  project_id: 1,
  iid: ++iid,
  state: fields.closed_at ? 'closed' : 'opened',
  created_at: '2026-09-01T00:00:00Z',
  closed_at: null,
  due_date: null,
  milestone: null,
  labels: [],
  issue_type: 'issue',
  ...fields,
});

const team = {
  issues: [
    // On-time over the quarter so far: 3 of 4 due issues closed by their due date = 75 %.
    issue({ due_date: '2026-10-10', closed_at: '2026-10-09T12:00:00Z' }),
    issue({ due_date: '2026-10-12', closed_at: '2026-10-12T08:00:00Z' }),
    issue({ due_date: '2026-11-01', closed_at: '2026-10-30T08:00:00Z' }),
    issue({ due_date: '2026-10-20', closed_at: '2026-10-25T08:00:00Z' }),
    // Label query security::cve: 4 open at some time in the quarter, 2 of them closed = 50 %.
    issue({ labels: ['security::cve'], closed_at: '2026-10-05T00:00:00Z' }),
    issue({ labels: ['security::cve'], closed_at: '2026-11-02T00:00:00Z' }),
    issue({ labels: ['security::cve'] }),
    issue({ labels: ['security::cve'], created_at: '2026-11-10T00:00:00Z' }),
    // Closed before the quarter began: not in it.
    issue({ labels: ['security::cve'], closed_at: '2026-09-20T00:00:00Z' }),
  ],
  mergeRequests: [],
  members: [],
};

const okr: OkrSettings = {
  quarterStartMonth: 1,
  thresholds: { atRiskBelow: 0.9, offTrackBelow: 0.7 },
  objectives: [
    {
      id: 'o1',
      quarter: '2026-Q4',
      title: 'Ship reliably',
      keyResults: [
        { id: 'kr-kpi', title: 'On-time to 85 %', kind: 'kpi', kpi: 'on-time', target: 85, direction: 'increase', baseline: 60 },
        { id: 'kr-epic', title: 'Checkout rebuilt', kind: 'epic', epic: { group: 'lens-demo', iid: 2 } },
        { id: 'kr-label', title: 'CVEs fixed', kind: 'label', labels: ['security::cve'], projects: [] },
        { id: 'kr-hire', title: 'Engineers hired', kind: 'manual', unit: 'engineers', start: 0, target: 6, history: [{ date: '2026-11-01', value: 2 }] },
        { id: 'kr-gone', title: 'Epic never synced', kind: 'epic', epic: { group: 'elsewhere', iid: 9 } },
      ],
    },
    { id: 'o-old', quarter: '2026-Q3', title: 'Last quarter', keyResults: [] },
  ],
} as OkrSettings;

// The epic's tree: weights 3 (closed), 2 (open), 5 (closed) → 8 of 10 = 80 %.
const epicIssues = new Map([[epicKey({ group: 'lens-demo', iid: 2 }), [{ state: 'closed', weight: 3 }, { state: 'opened', weight: 2 }, { state: 'closed', weight: 5 }]]]);

describe('the current quarter OKRs', () => {
  const view = evaluateOkrs({ okr, kpi, allocationRules: DEFAULT_ALLOCATION_RULES, team, epicIssues, now: NOW })!;
  const kr = (id: string) => view.objectives[0]!.keyResults.find((candidate) => candidate.id === id)!;

  it('are the objectives of the current quarter only', () => {
    expect(view.quarter.id).toBe('2026-Q4');
    expect(view.elapsed).toBeCloseTo(45 / 92, 6);
    expect(view.objectives.map((objective) => objective.title)).toEqual(['Ship reliably']);
  });

  it('measure each kind of key result, with a status by the expected pace', () => {
    // (75 − 60) / (85 − 60) = 0.6; pace 0.6 / 0.48913 = 1.23 → on track.
    expect(kr('kr-kpi')).toMatchObject({ progress: 0.6, status: 'on-track' });
    expect(kr('kr-epic')).toMatchObject({ progress: 0.8, status: 'on-track', epic: { group: 'lens-demo', iid: 2 } });
    // 2 / 4; pace 1.02 → on track.
    expect(kr('kr-label')).toMatchObject({ progress: 0.5, status: 'on-track' });
    // 2 / 6 = 0.3333; pace 0.68 < 0.7 → off track.
    expect(kr('kr-hire').progress).toBeCloseTo(1 / 3, 6);
    expect(kr('kr-hire')).toMatchObject({ status: 'off-track', statusText: 'Off track' });
    expect(kr('kr-gone')).toMatchObject({ progress: null, status: 'unknown', text: 'elsewhere&9: not synced yet' });
  });

  it('roll up into the objective: mean of the measured, the worst status', () => {
    // (0.6 + 0.8 + 0.5 + 0.3333) / 4 = 0.55833
    expect(view.objectives[0]!.progress).toBeCloseTo((0.6 + 0.8 + 0.5 + 1 / 3) / 4, 6);
    expect(view.objectives[0]!.status).toBe('off-track');
  });

  it('are none when no objective is set for the current quarter', () => {
    expect(evaluateOkrs({ okr: { ...okr, objectives: okr.objectives.slice(1) }, kpi, allocationRules: DEFAULT_ALLOCATION_RULES, team, epicIssues, now: NOW })).toBeNull();
  });
});
