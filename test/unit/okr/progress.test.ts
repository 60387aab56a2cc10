import { describe, expect, it } from 'vitest';
import {
  epicKrProgress,
  formatProgress,
  kpiKrProgress,
  krStatus,
  krStatusExplanation,
  labelKrProgress,
  manualKrProgress,
  objectiveProgress,
  progressBarFraction,
  type LabelKrIssue,
} from '../../../utils/okr/progress';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

describe('kpiKrProgress', () => {
  const onTime = { kpi: 'on-time', target: 80, direction: 'increase', baseline: 60 } as const;

  it('On-time from 60% to 80%, now 72% (engine 0.72): (72 − 60) / (80 − 60) = 12 / 20 = 0.6', () => {
    const result = kpiKrProgress(onTime, { current: 0.72 });
    expect(result.progress).toBeCloseTo(0.6, 10);
    expect(result.text).toBe('On-time 72% → target 80%');
    expect(result.explanation).toBe('On-time from 60% (baseline) to at least 80%; now 72%: 60% of the way.');
  });

  it("without a baseline, the quarter's first window (65%) is the start: (72 − 65) / (80 − 65) = 7 / 15 = 0.4667", () => {
    const { baseline: _, ...noBaseline } = onTime;
    const result = kpiKrProgress(noBaseline, { current: 0.72, quarterStart: 0.65 });
    expect(result.progress).toBeCloseTo(7 / 15, 10);
    expect(result.explanation).toContain("65% (the quarter's first window)");
  });

  it('a set baseline wins over the first window', () => {
    expect(kpiKrProgress(onTime, { current: 0.72, quarterStart: 0.7 }).progress).toBeCloseTo(0.6, 10);
  });

  it('MTTR decreases from 40 h to 24 h, now 30 h (engine ms): (40 − 30) / (40 − 24) = 10 / 16 = 0.625', () => {
    const mttr = { kpi: 'mttr', target: 24, direction: 'decrease', baseline: 40 } as const;
    const result = kpiKrProgress(mttr, { current: 30 * HOUR_MS });
    expect(result.progress).toBeCloseTo(0.625, 10);
    expect(result.text).toBe('MTTR 30 h → target 24 h');
    // Worse than the baseline (45 h): (40 − 45) / 16 < 0 → 0, not negative.
    expect(kpiKrProgress(mttr, { current: 45 * HOUR_MS }).progress).toBe(0);
    // Past the target (20 h): (40 − 20) / 16 = 1.25, over-achievement kept.
    expect(kpiKrProgress(mttr, { current: 20 * HOUR_MS }).progress).toBeCloseTo(1.25, 10);
    // Exactly at the target: 1.
    expect(kpiKrProgress(mttr, { current: 24 * HOUR_MS }).progress).toBe(1);
  });

  it('MTBF in days and MR rate as a rate read in the KR unit: MTBF 12.5 d of 10 → 30 d = 2.5 / 20 = 0.125', () => {
    const result = kpiKrProgress({ kpi: 'mtbf', target: 30, direction: 'increase', baseline: 10 }, { current: 12.5 * DAY_MS });
    expect(result.progress).toBeCloseTo(0.125, 10);
    expect(result.text).toBe('MTBF 12.5 d → target 30 d');
    expect(kpiKrProgress({ kpi: 'mr-rate', target: 8, direction: 'increase', baseline: 6 }, { current: 7 }).text).toBe('MR rate 7 /eng/mo → target 8 /eng/mo');
  });

  it('a baseline that already meets the target makes a hold KR: 1 while still met, 0 once lost', () => {
    const hold = { kpi: 'on-time', target: 80, direction: 'increase', baseline: 85 } as const;
    expect(kpiKrProgress(hold, { current: 0.82 }).progress).toBe(1);
    expect(kpiKrProgress(hold, { current: 0.78 }).progress).toBe(0);
    expect(kpiKrProgress(hold, { current: 0.78 }).explanation).toContain('no longer meeting it');
    // Baseline equal to the target is the same case (no division by zero).
    expect(kpiKrProgress({ ...hold, baseline: 80 }, { current: 0.8 }).progress).toBe(1);
  });

  it('no value yet is unknown, with a dash in the text; no baseline at all is known only once the target is met', () => {
    const none = kpiKrProgress(onTime, { current: null });
    expect([none.progress, none.text]).toEqual([null, 'On-time — → target 80%']);
    const mtbf = { kpi: 'mtbf', target: 30, direction: 'increase' } as const;
    expect(kpiKrProgress(mtbf, { current: 35 * DAY_MS }).progress).toBe(1);
    expect(kpiKrProgress(mtbf, { current: 20 * DAY_MS, quarterStart: null }).progress).toBeNull();
  });
});

describe('epicKrProgress', () => {
  const kr = { epic: { group: 'acme/platform', iid: 12 } };

  it('by weight when most issues carry one: closed 3 + 5 of 3 + 5 + 8 + 2 = 8 / 18 = 0.4444; the unweighted issue is reported', () => {
    const result = epicKrProgress(kr, [
      { state: 'closed', weight: 3 },
      { state: 'closed', weight: 5 },
      { state: 'opened', weight: 8 },
      { state: 'opened', weight: 2 },
      { state: 'opened', weight: null },
    ]);
    expect(result).toMatchObject({ by: 'weight', done: 8, total: 18, issues: 5, unweighted: 1, text: '8 of 18 weight closed' });
    expect(result.progress).toBeCloseTo(8 / 18, 10);
    expect(result.explanation).toBe('8 of 18 weight is in closed issues of acme/platform&12 and its child epics. 1 issue without a weight is not counted.');
  });

  it("by weight as soon as one issue carries one, as the epic page's Progress badge: 13 / 13 = 1, 3 unweighted left out", () => {
    const result = epicKrProgress(kr, [{ state: 'closed', weight: 13 }, { state: 'opened' }, { state: 'opened', weight: null }, { state: 'closed' }]);
    expect(result).toMatchObject({ by: 'weight', done: 13, total: 13, unweighted: 3, progress: 1, text: '13 of 13 weight closed' });
  });

  it('by count when no issue carries a weight: 1 closed of 2 = 0.5', () => {
    expect(epicKrProgress(kr, [{ state: 'closed' }, { state: 'opened', weight: null }])).toMatchObject({ by: 'count', progress: 0.5, text: '1 of 2 issues closed' });
  });

  it('weights that add up to 0 fall back to counting: 1 closed of 3 = 0.3333', () => {
    const result = epicKrProgress(kr, [{ state: 'closed', weight: 0 }, { state: 'opened', weight: 0 }, { state: 'opened', weight: 0 }]);
    expect(result.by).toBe('count');
    expect(result.progress).toBeCloseTo(1 / 3, 10);
  });

  it('an epic without issues is unknown, not NaN', () => {
    expect(epicKrProgress(kr, [])).toMatchObject({ progress: null, total: 0, text: 'No issues yet' });
  });
});

describe('labelKrProgress', () => {
  const issue = (project_id: number, state: string, labels: string[], full?: string): LabelKrIssue =>
    full === undefined ? { project_id, state, labels } : { project_id, state, labels, references: { full } };

  it('counts issues with all the labels, in any case: 2 closed of 3 matching = 0.6667', () => {
    const kr = { labels: ['type::bug', 'security'], projects: [] };
    const result = labelKrProgress(kr, [
      issue(1, 'closed', ['type::bug', 'Security']),
      issue(1, 'opened', ['type::bug', 'security', 'frontend']),
      issue(1, 'closed', ['type::bug']), // lacks security: not counted
      issue(2, 'closed', ['TYPE::BUG', 'security']),
    ]);
    expect(result).toMatchObject({ done: 2, total: 3, text: '2 of 3 issues closed' });
    expect(result.progress).toBeCloseTo(2 / 3, 10);
    expect(result.explanation).toBe("Issues labelled type::bug + security in the team's projects: 2 of 3 closed.");
  });

  it('narrows to the KR projects, named by id or by full path (any case): 1 closed of 2 = 0.5', () => {
    const kr = { labels: ['okr'], projects: ['12', 'Acme/Web'] };
    const result = labelKrProgress(kr, [
      issue(12, 'closed', ['okr']),
      issue(13, 'opened', ['okr'], 'acme/web#4'),
      issue(14, 'closed', ['okr'], 'acme/api#1'), // another project: not counted
      issue(15, 'closed', ['okr']), // no reference to read a path from: not counted
    ]);
    expect(result).toMatchObject({ done: 1, total: 2, progress: 0.5 });
  });

  it('no matching issue is unknown, not 0 / 0', () => {
    expect(labelKrProgress({ labels: ['okr'], projects: [] }, [issue(1, 'closed', ['other'])])).toMatchObject({ progress: null, total: 0, text: 'No matching issues' });
  });
});

describe('manualKrProgress', () => {
  const hiring = { unit: 'engineers hired', target: 6, start: 0 };

  it('the hiring plan: updates out of order, the latest by date (4 on 2026-03-05) counts: 4 / 6 = 0.6667', () => {
    const result = manualKrProgress({
      ...hiring,
      history: [
        { date: '2026-02-10', value: 3 },
        { date: '2026-03-05', value: 4 },
        { date: '2026-01-20', value: 1 },
      ],
    });
    expect(result).toMatchObject({ value: 4, updated: '2026-03-05', text: '4 of 6 engineers hired' });
    expect(result.progress).toBeCloseTo(4 / 6, 10);
    expect(result.explanation).toBe('Last update 2026-03-05: 4. From 0 to 6 engineers hired: 67% of the way.');
  });

  it('two updates on one day: the later in the list wins', () => {
    const history = [
      { date: '2026-02-10', value: 3 },
      { date: '2026-02-10', value: 2 },
    ];
    expect(manualKrProgress({ ...hiring, history }).value).toBe(2);
  });

  it('before any update the start value stands: 0 of 6, progress 0 (known, not unknown)', () => {
    const result = manualKrProgress({ ...hiring, history: [] });
    expect(result).toMatchObject({ progress: 0, value: 0, updated: null, text: '0 of 6 engineers hired' });
    expect(result.explanation).toContain('No update yet: the start value 0 stands.');
  });

  it('beyond the target: 7 of 6 = 1.1667; a start other than 0 is said', () => {
    expect(manualKrProgress({ ...hiring, history: [{ date: '2026-03-01', value: 7 }] }).progress).toBeCloseTo(7 / 6, 10);
    // From 2 to 6, now 4: (4 − 2) / (6 − 2) = 0.5.
    const fromTwo = manualKrProgress({ ...hiring, start: 2, history: [{ date: '2026-03-01', value: 4 }] });
    expect([fromTwo.progress, fromTwo.text]).toEqual([0.5, '4 of 6 engineers hired (from 2)']);
  });

  it('a target below the start counts down: open CVEs 40 → 10, now 25: (25 − 40) / (10 − 40) = 0.5', () => {
    const result = manualKrProgress({ unit: 'open CVEs', start: 40, target: 10, history: [{ date: '2026-02-01', value: 25 }] });
    expect([result.progress, result.text]).toEqual([0.5, '25 open CVEs, target 10 (from 40)']);
  });
});

describe('krStatus: ratio = progress / elapsed against thresholds 0.9 (at risk below) and 0.7 (off track below)', () => {
  const thresholds = { atRiskBelow: 0.9, offTrackBelow: 0.7 };

  it('half the quarter gone: 0.45 → ratio 0.9 exactly: on track; 0.449 → 0.898: at risk', () => {
    expect(krStatus(0.45, 0.5, thresholds)).toBe('on-track');
    expect(krStatus(0.449, 0.5, thresholds)).toBe('at-risk');
  });

  it('half the quarter gone: 0.35 → ratio 0.7 exactly: at risk; 0.349 → 0.698: off track', () => {
    expect(krStatus(0.35, 0.5, thresholds)).toBe('at-risk');
    expect(krStatus(0.349, 0.5, thresholds)).toBe('off-track');
  });

  it('a ratio that floating point puts a hair under the threshold (0.72 / 0.8 = 0.8999999999999999) still counts as at it', () => {
    expect(0.72 / 0.8).toBeLessThan(0.9);
    expect(krStatus(0.72, 0.8, thresholds)).toBe('on-track');
  });

  it('quarter over (elapsed 1): the ratio is the progress: 0.85 at risk, 0.69 off track, 0.9 on track', () => {
    expect(krStatus(0.85, 1, thresholds)).toBe('at-risk');
    expect(krStatus(0.69, 1, thresholds)).toBe('off-track');
    expect(krStatus(0.9, 1, thresholds)).toBe('on-track');
  });

  it('done is on track however late or early; beyond the target too', () => {
    expect(krStatus(1, 1, thresholds)).toBe('on-track');
    expect(krStatus(1.25, 0.3, thresholds)).toBe('on-track');
  });

  it('the first week (elapsed < 1/13) is on track even at 0; from 1/13 on, 0 is off track', () => {
    expect(krStatus(0, 0.05, thresholds)).toBe('on-track');
    expect(krStatus(0, 0, thresholds)).toBe('on-track');
    expect(krStatus(0, 1 / 13, thresholds)).toBe('off-track');
  });

  it('unknown progress is unknown, even in the first week', () => {
    expect(krStatus(null, 0.5, thresholds)).toBe('unknown');
    expect(krStatus(null, 0, thresholds)).toBe('unknown');
  });

  it('other thresholds move the boundaries: 0.8 / 0.5 at elapsed 0.6 → 0.48 on track (0.8), 0.3 at risk (0.5), 0.29 off track', () => {
    const loose = { atRiskBelow: 0.8, offTrackBelow: 0.5 };
    expect(krStatus(0.48, 0.6, loose)).toBe('on-track');
    expect(krStatus(0.3, 0.6, loose)).toBe('at-risk');
    expect(krStatus(0.29, 0.6, loose)).toBe('off-track');
  });

  it('explains the formula in words', () => {
    expect(krStatusExplanation(0.4, 0.5, thresholds)).toBe('At risk: 40% done with 50% of the quarter gone is 80% of the expected pace (at risk below 90%, off track below 70%).');
    expect(krStatusExplanation(null, 0.5, thresholds)).toBe('No data: no progress can be measured yet.');
  });
});

describe('objectiveProgress', () => {
  it('mean of the known KRs, each capped at 1: (0.6 + 1 + 0.2) / 3 = 0.6; worst status wins; the unknown KR is counted apart', () => {
    const result = objectiveProgress([
      { progress: 0.6, status: 'at-risk' },
      { progress: 1.25, status: 'on-track' },
      { progress: null, status: 'unknown' },
      { progress: 0.2, status: 'off-track' },
    ]);
    expect(result.progress).toBeCloseTo(0.6, 10);
    expect(result).toMatchObject({ status: 'off-track', measured: 3, unknown: 1 });
  });

  it('at risk beats on track; a known 0 counts in the mean: (0 + 0.8) / 2 = 0.4', () => {
    expect(
      objectiveProgress([
        { progress: 0, status: 'on-track' },
        { progress: 0.8, status: 'at-risk' },
      ]),
    ).toEqual({ progress: 0.4, status: 'at-risk', measured: 2, unknown: 0 });
  });

  it('nothing known (or no KRs) is unknown with no progress', () => {
    expect(objectiveProgress([{ progress: null, status: 'unknown' }])).toEqual({ progress: null, status: 'unknown', measured: 0, unknown: 1 });
    expect(objectiveProgress([])).toEqual({ progress: null, status: 'unknown', measured: 0, unknown: 0 });
  });
});

describe('display helpers', () => {
  it('bars clamp to 0–1, texts do not: 1.25 fills the bar and reads 125%; 0.999 reads 99%, never 100%', () => {
    expect([progressBarFraction(1.25), formatProgress(1.25)]).toEqual([1, '125%']);
    expect([progressBarFraction(0.999), formatProgress(0.999)]).toEqual([0.999, '99%']);
    expect([progressBarFraction(null), formatProgress(null)]).toEqual([0, '—']);
  });
});
