/** Pure edits of the OKR section's rows (entrypoints/options/form.ts OkrForm). */
import { OKR_KPI_UNITS } from '../../../../utils/okr/kpi-units';
import { blankKeyResult, type HistoryRow, type KeyResultRow, type ObjectiveRow, type OkrForm, type OkrKpiId } from '../../form';

/** `<prefix>-<n>` that none of `taken` is, n starting after their count. */
function fresh(prefix: string, taken: readonly string[]): string {
  const used = new Set(taken);
  let n = taken.length + 1;
  while (used.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

const allKeyResults = (okr: OkrForm): KeyResultRow[] => okr.objectives.flatMap((objective) => objective.keyResults);

/** Today's date where the browser is, YYYY-MM-DD: what a new update is dated. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Appends an objective of this quarter, with no title and no key results yet. */
export function addObjective(okr: OkrForm, quarter: string): { okr: OkrForm; added: ObjectiveRow } {
  const added: ObjectiveRow = {
    key: fresh('objective', okr.objectives.map((objective) => objective.key)),
    id: fresh('objective', okr.objectives.map((objective) => objective.id)),
    quarter,
    title: '',
    keyResults: [],
  };
  return { okr: { ...okr, objectives: [...okr.objectives, added] }, added };
}

export function updateObjective(okr: OkrForm, key: string, patch: Partial<Omit<ObjectiveRow, 'key' | 'id' | 'keyResults'>>): OkrForm {
  return { ...okr, objectives: okr.objectives.map((objective) => (objective.key === key ? { ...objective, ...patch } : objective)) };
}

export function removeObjective(okr: OkrForm, key: string): OkrForm {
  return { ...okr, objectives: okr.objectives.filter((objective) => objective.key !== key) };
}

function mapKeyResults(okr: OkrForm, objectiveKey: string, change: (keyResults: KeyResultRow[]) => KeyResultRow[]): OkrForm {
  return {
    ...okr,
    objectives: okr.objectives.map((objective) => (objective.key === objectiveKey ? { ...objective, keyResults: change(objective.keyResults) } : objective)),
  };
}

/**
 * Appends a KPI key result to an objective. Its id is new across all objectives (an epic page
 * names a key result by its id alone).
 */
export function addKeyResult(okr: OkrForm, objectiveKey: string): { okr: OkrForm; added: KeyResultRow } {
  const all = allKeyResults(okr);
  const added = blankKeyResult(
    fresh('kr', all.map((kr) => kr.key)),
    fresh('kr', all.map((kr) => kr.id)),
  );
  return { okr: mapKeyResults(okr, objectiveKey, (keyResults) => [...keyResults, added]), added };
}

export function updateKeyResult(okr: OkrForm, objectiveKey: string, key: string, patch: Partial<Omit<KeyResultRow, 'key' | 'id'>>): OkrForm {
  return mapKeyResults(okr, objectiveKey, (keyResults) => keyResults.map((kr) => (kr.key === key ? { ...kr, ...patch } : kr)));
}

export function removeKeyResult(okr: OkrForm, objectiveKey: string, key: string): OkrForm {
  return mapKeyResults(okr, objectiveKey, (keyResults) => keyResults.filter((kr) => kr.key !== key));
}

/**
 * Another KPI: a direction that was the old KPI's better one becomes the new one's (MTTR gets
 * better by going down); a direction chosen against the grain is kept.
 */
export function kpiPatch(kr: Pick<KeyResultRow, 'kpi' | 'direction'>, kpi: OkrKpiId): Pick<KeyResultRow, 'kpi' | 'direction'> {
  const direction = kr.direction === OKR_KPI_UNITS[kr.kpi].better ? OKR_KPI_UNITS[kpi].better : kr.direction;
  return { kpi, direction };
}

/** Appends an update dated `date` (today, by default), with the value to type. */
export function addUpdate(okr: OkrForm, objectiveKey: string, key: string, date: string): { okr: OkrForm; added: HistoryRow } {
  const kr = okr.objectives.find((objective) => objective.key === objectiveKey)?.keyResults.find((row) => row.key === key);
  const added: HistoryRow = { key: fresh('update', (kr?.history ?? []).map((entry) => entry.key)), date, value: '' };
  return { okr: updateKeyResult(okr, objectiveKey, key, { history: [...(kr?.history ?? []), added] }), added };
}

export function updateUpdate(okr: OkrForm, objectiveKey: string, key: string, updateKey: string, patch: Partial<Omit<HistoryRow, 'key'>>): OkrForm {
  return mapKeyResults(okr, objectiveKey, (keyResults) =>
    keyResults.map((kr) => (kr.key === key ? { ...kr, history: kr.history.map((entry) => (entry.key === updateKey ? { ...entry, ...patch } : entry)) } : kr)),
  );
}

export function removeUpdate(okr: OkrForm, objectiveKey: string, key: string, updateKey: string): OkrForm {
  return mapKeyResults(okr, objectiveKey, (keyResults) => keyResults.map((kr) => (kr.key === key ? { ...kr, history: kr.history.filter((entry) => entry.key !== updateKey) } : kr)));
}
