/**
 * Protects the OKR editor's form state (entrypoints/options/form.ts, sections/okr/edit.ts and
 * quarters.ts): saved OKRs round-trip through the rows unchanged, only the chosen kind's fields
 * are sent, messages keep their settings paths, and the quarter select offers the current quarter
 * and the next three plus those in use.
 */
import { describe, expect, it } from 'vitest';
import {
  candidateFromForm,
  epicOfText,
  formErrorKey,
  formFromSettings,
  isOkrKey,
  okrCandidate,
  okrErrors,
  type OkrForm,
} from '../../../entrypoints/options/form';
import { addKeyResult, addObjective, addUpdate, kpiPatch, localToday, removeKeyResult, removeObjective, updateKeyResult } from '../../../entrypoints/options/sections/okr/edit';
import { quarterChoices } from '../../../entrypoints/options/sections/okr/quarters';
import { DEFAULT_SETTINGS, parseSettings, toPublicSettings, type Settings } from '../../../utils/settings';

const OKR: Settings['okr'] = {
  quarterStartMonth: 2,
  thresholds: { atRiskBelow: 0.8, offTrackBelow: 0.5 },
  objectives: [
    {
      id: 'reliability',
      quarter: '2026-Q1',
      title: 'Ship reliably',
      keyResults: [
        { id: 'kr-ontime', kind: 'kpi', title: 'On-time at 85 %', kpi: 'on-time', target: 85, direction: 'increase' },
        { id: 'kr-mttr', kind: 'kpi', title: 'MTTR under 4 h', kpi: 'mttr', target: 4, direction: 'decrease', baseline: 9.5 },
        { id: 'kr-epic', kind: 'epic', title: 'Database resilience', epic: { group: 'lens-demo', iid: 3 } },
        { id: 'kr-bugs', kind: 'label', title: 'Bugs closed', labels: ['type::bug', 'severity::1'], projects: ['lens-demo/web-app'] },
        { id: 'kr-hiring', kind: 'manual', title: 'Engineers hired', unit: 'engineers', start: 0, target: 6, history: [{ date: '2026-02-15', value: 4 }] },
      ],
    },
  ],
};

const settingsWith = (okr: Settings['okr']): Settings => ({ ...DEFAULT_SETTINGS, okr });
const formOf = (settings: Settings) => formFromSettings(toPublicSettings(settings));

describe('OKR form', () => {
  it('round-trips saved objectives and key results of every kind unchanged', () => {
    const settings = settingsWith(OKR);
    const parsed = parseSettings({ ...candidateFromForm(formOf(settings)), token: '' });
    expect(parsed).toEqual({ ok: true, settings });
  });

  it('shows numbers and lists as text, and an epic as group&number', () => {
    const okr = formOf(settingsWith(OKR)).okr;
    expect(okr).toMatchObject({ quarterStartMonth: '2', atRiskBelow: '0.8', offTrackBelow: '0.5' });
    const [ontime, mttr, epic, label, manual] = okr.objectives[0]!.keyResults;
    expect(ontime).toMatchObject({ kind: 'kpi', kpiTarget: '85', baseline: '', direction: 'increase' });
    expect(mttr).toMatchObject({ kpi: 'mttr', kpiTarget: '4', baseline: '9.5', direction: 'decrease' });
    expect(epic!.epic).toBe('lens-demo&3');
    expect(label).toMatchObject({ labels: 'type::bug, severity::1', projects: 'lens-demo/web-app' });
    expect(manual).toMatchObject({ unit: 'engineers', start: '0', manualTarget: '6', history: [{ date: '2026-02-15', value: '4' }] });
    // Row keys are unique across objectives (React keys, focus after an add or a remove).
    expect(new Set(okr.objectives.flatMap((o) => o.keyResults.map((kr) => kr.key))).size).toBe(5);
  });

  it("sends only the chosen kind's fields, so switching kinds back and forth loses nothing typed", () => {
    let okr = formOf(settingsWith(OKR)).okr;
    const objectiveKey = okr.objectives[0]!.key;
    const krKey = okr.objectives[0]!.keyResults[0]!.key;
    okr = updateKeyResult(okr, objectiveKey, krKey, { kind: 'manual', unit: 'deploys', manualTarget: '10' });
    const candidate = okrCandidate(okr) as { objectives: Array<{ keyResults: Array<Record<string, unknown>> }> };
    expect(candidate.objectives[0]!.keyResults[0]).toEqual({ id: 'kr-ontime', title: 'On-time at 85 %', kind: 'manual', unit: 'deploys', start: 0, target: 10, history: [] });
    okr = updateKeyResult(okr, objectiveKey, krKey, { kind: 'kpi' });
    expect((okrCandidate(okr) as typeof candidate).objectives[0]!.keyResults[0]).toEqual({
      id: 'kr-ontime',
      title: 'On-time at 85 %',
      kind: 'kpi',
      kpi: 'on-time',
      target: 85,
      direction: 'increase',
    });
  });

  it('reads an epic typed as group&number or pasted as its URL; without a number the settings ask for it', () => {
    expect(epicOfText(' gitlab-org/quality&12 ')).toEqual({ group: 'gitlab-org/quality', iid: 12 });
    expect(epicOfText('https://gitlab.com/groups/gitlab-org/quality/-/epics/12#note_1')).toEqual({ group: 'gitlab-org/quality', iid: 12 });
    expect(epicOfText('https://gitlab.example.com/groups/g/-/work_items/4')).toEqual({ group: 'g', iid: 4 });
    expect(epicOfText('  ')).toBeUndefined();
    const okr = formOf(settingsWith(OKR)).okr;
    const epicRow = okr.objectives[0]!.keyResults[2]!;
    const path = 'okr.objectives.0.keyResults.2';
    for (const [typed, message] of [
      ['lens-demo', "Enter the epic's number (the digits after &)."],
      ['lens-demo&x', "Enter the epic's number (the digits after &)."],
      ['&3', "Enter the group's full path, such as gitlab-org/quality."],
      ['', 'Choose an epic: its group and number.'],
    ] as const) {
      const errors = okrErrors(okrCandidate(updateKeyResult(okr, okr.objectives[0]!.key, epicRow.key, { epic: typed })));
      expect(Object.entries(errors).find(([key]) => key.startsWith(`${path}.epic`))?.[1]).toBe(message);
    }
  });

  it('keys messages by settings path, and the page keeps OKR paths as they are', () => {
    let okr = formOf(settingsWith(OKR)).okr;
    const objective = okr.objectives[0]!;
    okr = { ...okr, objectives: [{ ...objective, title: ' ' }] };
    okr = updateKeyResult(okr, objective.key, objective.keyResults[0]!.key, { kpiTarget: '-5' });
    okr = updateKeyResult(okr, objective.key, objective.keyResults[1]!.key, { kpiTarget: '' });
    okr = updateKeyResult(okr, objective.key, objective.keyResults[4]!.key, { history: [{ key: 'u1', date: '2025-06-01', value: '4' }] });
    expect(okrErrors(okrCandidate(okr))).toEqual({
      'okr.objectives.0.title': 'Enter a title.',
      'okr.objectives.0.keyResults.0.target': 'On-time is a percentage: enter 0 to 100.',
      'okr.objectives.0.keyResults.1.target': 'Enter a number.',
    });
    // The quarter check of updates runs once the rest is valid.
    okr = formOf(settingsWith(OKR)).okr;
    okr = updateKeyResult(okr, objective.key, objective.keyResults[4]!.key, { history: [{ key: 'u1', date: '2025-06-01', value: '4' }] });
    expect(okrErrors(okrCandidate(okr))).toEqual({
      'okr.objectives.0.keyResults.4.history.0.date': 'Outside 2026-Q1 (2026-02-01 to 2026-04-30): enter a date from 2026-02-01 to 2026-05-31.',
    });
    expect(formErrorKey('okr.objectives.0.keyResults.1.target')).toBe('okr.objectives.0.keyResults.1.target');
    expect(formErrorKey('okr.quarterStartMonth')).toBe('okr.quarterStartMonth');
    expect(isOkrKey('okr')).toBe(true);
    expect(isOkrKey('okrs')).toBe(false);
  });

  it('adds and removes objectives, key results and updates with fresh ids, unique across objectives', () => {
    let okr: OkrForm = formOf(settingsWith(OKR)).okr;
    const first = addObjective(okr, '2026-Q2');
    okr = first.okr;
    expect(first.added).toMatchObject({ quarter: '2026-Q2', title: '', keyResults: [] });
    const kr = addKeyResult(okr, first.added.key);
    okr = kr.okr;
    expect(kr.added).toMatchObject({ kind: 'kpi', kpi: 'on-time', direction: 'increase', title: '' });
    const ids = okr.objectives.flatMap((o) => o.keyResults.map((row) => row.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(okr.objectives.map((o) => o.id)).size).toBe(2);
    const update = addUpdate(okr, first.added.key, kr.added.key, '2026-05-02');
    expect(update.added).toEqual({ key: 'update-1', date: '2026-05-02', value: '' });
    expect(update.okr.objectives[1]!.keyResults[0]!.history).toEqual([update.added]);
    expect(removeKeyResult(okr, first.added.key, kr.added.key).objectives[1]!.keyResults).toEqual([]);
    expect(removeObjective(okr, first.added.key).objectives).toHaveLength(1);
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });

  it("moves the direction with the KPI unless it was chosen against the KPI's grain", () => {
    expect(kpiPatch({ kpi: 'on-time', direction: 'increase' }, 'mttr')).toEqual({ kpi: 'mttr', direction: 'decrease' });
    expect(kpiPatch({ kpi: 'mttr', direction: 'decrease' }, 'mtbf')).toEqual({ kpi: 'mtbf', direction: 'increase' });
    expect(kpiPatch({ kpi: 'on-time', direction: 'decrease' }, 'mtbf')).toEqual({ kpi: 'mtbf', direction: 'decrease' });
  });
});

describe('quarter choices', () => {
  const now = new Date('2026-05-10T12:00:00Z');

  it('offers the current quarter and the next three, marking the current one', () => {
    expect(quarterChoices('1', 'UTC', [], now)).toEqual([
      { value: '2026-Q2', label: 'Q2 2026 (current)', days: '2026-04-01 to 2026-06-30', current: true },
      { value: '2026-Q3', label: 'Q3 2026', days: '2026-07-01 to 2026-09-30' },
      { value: '2026-Q4', label: 'Q4 2026', days: '2026-10-01 to 2026-12-31' },
      { value: '2027-Q1', label: 'Q1 2027', days: '2027-01-01 to 2027-03-31' },
    ]);
  });

  it('adds the quarters already used, in order, and keeps a value that is no quarter as it is', () => {
    expect(quarterChoices('1', 'UTC', ['2025-Q4', '2026-Q3', 'next year'], now).map((choice) => choice.value)).toEqual([
      '2025-Q4',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
      '2027-Q1',
      'next year',
    ]);
  });

  it('follows a fiscal year, and falls back to calendar quarters and UTC while the fields are invalid', () => {
    const fiscal = quarterChoices('2', 'Europe/Berlin', [], now);
    expect(fiscal.map((choice) => choice.label)).toEqual(['Q2 2026 (May–Jul, current)', 'Q3 2026 (Aug–Oct)', 'Q4 2026 (Nov–Jan)', 'Q1 2027 (Feb–Apr)']);
    expect(fiscal[0]).toMatchObject({ value: '2026-Q2', days: '2026-05-01 to 2026-07-31', current: true });
    expect(quarterChoices('13', 'Not/AZone', [], now)[0]!.value).toBe('2026-Q2');
  });
});
