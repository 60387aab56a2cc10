import { useId } from 'react';
import { OKR_KPI_IDS, OKR_KPI_UNITS } from '../../../../utils/okr/kpi-units';
import { KEY_RESULT_KINDS, type KeyResultKind } from '../../../../utils/settings/okr';
import { epicOfText, type KeyResultRow, type ObjectiveRow, type OkrErrorKey, type OkrKpiId } from '../../form';
import { RowButton } from '../allocation/RowControls';
import { OkrInput, OkrSelect, type OkrChoice } from './controls';
import { addUpdate, kpiPatch, localToday, removeUpdate, updateKeyResult, updateUpdate } from './edit';
import type { OkrEditorProps, OkrPickers } from './shared';

const KIND_LABELS: Readonly<Record<KeyResultKind, string>> = { kpi: 'KPI', epic: 'Epic', label: 'Label query', manual: 'Manual value' };
const KINDS: readonly OkrChoice<KeyResultKind>[] = KEY_RESULT_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }));
const KPIS: readonly OkrChoice<OkrKpiId>[] = OKR_KPI_IDS.map((kpi) => ({ value: kpi, label: OKR_KPI_UNITS[kpi].name }));

/** The unit KPI targets are typed in (as in the KPI settings' targets). */
export const KPI_UNIT_TEXT: Readonly<Record<OkrKpiId, string>> = {
  'on-time': '%',
  complete: '%',
  mttr: 'hours',
  mtbf: 'days',
  'mr-rate': 'MRs / engineer / month',
  'tech-contribution': 'MRs / engineer / month',
};

const list = (text: string): string[] =>
  text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean);

interface Props extends OkrEditorProps {
  objective: ObjectiveRow;
  kr: KeyResultRow;
  /** Settings path of the key result: `okr.objectives.0.keyResults.1`. */
  path: `okr.${string}`;
  /** "1.2": the objective's number, then the key result's. */
  number: string;
  onRemove: () => void;
  pickers: OkrPickers;
  /** The datalist of cached epics, shared by every epic key result. */
  epicListId: string;
  refreshPickers: () => void;
}

/** One key result: its title and kind, then the fields of that kind. */
export function KeyResultEditor({ okr, onChange, error, focusLater, objective, kr, path, number, onRemove, pickers, epicListId, refreshPickers }: Props) {
  const context = `Key result ${number}`;
  const update = (patch: Parameters<typeof updateKeyResult>[3]) => onChange(updateKeyResult(okr, objective.key, kr.key, patch));
  const at = (field: string) => `${path}.${field}` as OkrErrorKey;
  return (
    <li className="okr-kr">
      <div className="okr-row-head">
        <span className="okr-kr__name" aria-hidden="true">
          {context}
        </span>
        <RowButton name={`Remove key result ${number}`} onClick={onRemove} focusId={`kr:${kr.key}:remove`}>
          Remove
        </RowButton>
      </div>
      <div className="okr-grid okr-grid--kr">
        <OkrInput
          context={context}
          label="Title"
          value={kr.title}
          onChange={(title) => update({ title })}
          error={error(at('title')) ?? error(at('id'))}
          focusId={`kr:${kr.key}:title`}
        />
        <OkrSelect context={context} label="Kind" value={kr.kind} options={KINDS} onChange={(kind) => update({ kind })} error={error(at('kind')) ?? error(path)} />
      </div>
      {kr.kind === 'kpi' ? <KpiFields context={context} kr={kr} update={update} error={error} at={at} /> : null}
      {kr.kind === 'epic' ? <EpicField context={context} kr={kr} update={update} error={error} at={at} pickers={pickers} listId={epicListId} refresh={refreshPickers} /> : null}
      {kr.kind === 'label' ? <LabelFields context={context} kr={kr} update={update} error={error} at={at} pickers={pickers} refresh={refreshPickers} /> : null}
      {kr.kind === 'manual' ? (
        <ManualFields context={context} kr={kr} update={update} error={error} at={at} okr={okr} onChange={onChange} focusLater={focusLater} objectiveKey={objective.key} />
      ) : null}
    </li>
  );
}

interface FieldsProps {
  context: string;
  kr: KeyResultRow;
  update: (patch: Partial<Omit<KeyResultRow, 'key' | 'id'>>) => void;
  error: OkrEditorProps['error'];
  at: (field: string) => OkrErrorKey;
}

function KpiFields({ context, kr, update, error, at }: FieldsProps) {
  const unit = OKR_KPI_UNITS[kr.kpi];
  const directions: readonly OkrChoice<KeyResultRow['direction']>[] = [
    { value: 'increase', label: unit.better === 'increase' ? 'Increase (better)' : 'Increase' },
    { value: 'decrease', label: unit.better === 'decrease' ? 'Decrease (better)' : 'Decrease' },
  ];
  return (
    <div className="okr-grid okr-grid--kpi">
      <OkrSelect context={context} label="KPI" value={kr.kpi} options={KPIS} onChange={(kpi) => update(kpiPatch(kr, kpi))} error={error(at('kpi'))} />
      <OkrInput
        context={context}
        label="Target"
        type="number"
        unit={KPI_UNIT_TEXT[kr.kpi]}
        value={kr.kpiTarget}
        onChange={(kpiTarget) => update({ kpiTarget })}
        error={error(at('target'))}
      />
      <OkrSelect context={context} label="Direction" value={kr.direction} options={directions} onChange={(direction) => update({ direction })} error={error(at('direction'))} />
      <OkrInput
        context={context}
        label="Baseline"
        type="number"
        unit={KPI_UNIT_TEXT[kr.kpi]}
        value={kr.baseline}
        onChange={(baseline) => update({ baseline })}
        error={error(at('baseline'))}
        hint="Optional. Empty: the KPI over the quarter's first window."
      />
    </div>
  );
}

function EpicField({ context, kr, update, error, at, pickers, listId, refresh }: FieldsProps & { pickers: OkrPickers; listId: string; refresh: () => void }) {
  const chosen = epicOfText(kr.epic);
  const known = chosen ? pickers.epics.find((epic) => epic.iid === chosen.iid && epic.group.toLowerCase() === chosen.group.replace(/^\/+|\/+$/g, '').toLowerCase()) : undefined;
  let hint: string;
  if (known) hint = known.title;
  else if (chosen) hint = 'Not among the cached epics: its progress shows once its group has synced.';
  else if (pickers.epics.length) hint = 'Pick a cached epic, or type its group path and number.';
  else hint = 'No epics cached yet: type the group path and number, such as gitlab-org/quality&12.';
  return (
    <div className="okr-grid okr-grid--single">
      <OkrInput
        context={context}
        label="Epic"
        value={kr.epic}
        placeholder="gitlab-org/quality&12"
        list={listId}
        onFocus={refresh}
        onChange={(epic) => update({ epic })}
        error={error(at('epic')) ?? error(at('epic.group')) ?? error(at('epic.iid'))}
        hint={hint}
      />
    </div>
  );
}

function LabelFields({ context, kr, update, error, at, pickers, refresh }: FieldsProps & { pickers: OkrPickers; refresh: () => void }) {
  const listId = useId();
  // A datalist offers whole values: each suggestion is what is typed so far plus one more label.
  const before = list(kr.labels.split(',').slice(0, -1).join(','));
  const prefix = before.length ? `${before.join(', ')}, ` : '';
  const taken = new Set(before.map((label) => label.toLowerCase()));
  const suggestions = pickers.labels.filter((label) => !taken.has(label.toLowerCase()));
  return (
    <div className="okr-grid okr-grid--label">
      <OkrInput
        context={context}
        label="Labels"
        value={kr.labels}
        placeholder="type::bug, priority::1"
        list={listId}
        onFocus={refresh}
        onChange={(labels) => update({ labels })}
        error={error(at('labels'), list(kr.labels))}
        hint="Comma separated. An issue counts when it has all of them: closed of all such issues."
      />
      <datalist id={listId}>
        {suggestions.map((label) => (
          <option key={label} value={`${prefix}${label}`} />
        ))}
      </datalist>
      <OkrInput
        context={context}
        label="Projects"
        value={kr.projects}
        placeholder="Empty: the team's projects"
        onChange={(projects) => update({ projects })}
        error={error(at('projects'), list(kr.projects))}
        hint="Optional: project paths or ids, comma separated."
      />
    </div>
  );
}

function ManualFields({
  context,
  kr,
  update,
  error,
  at,
  okr,
  onChange,
  focusLater,
  objectiveKey,
}: FieldsProps & Pick<OkrEditorProps, 'okr' | 'onChange' | 'focusLater'> & { objectiveKey: string }) {
  const unit = kr.unit.trim() || undefined;
  const onAdd = () => {
    const { okr: next, added } = addUpdate(okr, objectiveKey, kr.key, localToday());
    onChange(next);
    focusLater(`update:${kr.key}:${added.key}:value`);
  };
  const onRemove = (index: number) => {
    const next = kr.history[index + 1] ?? kr.history[index - 1];
    onChange(removeUpdate(okr, objectiveKey, kr.key, kr.history[index]!.key));
    focusLater(next ? `update:${kr.key}:${next.key}:remove` : `update:${kr.key}:add`);
  };
  return (
    <>
      <div className="okr-grid okr-grid--manual">
        <OkrInput context={context} label="Unit" value={kr.unit} placeholder="engineers hired" onChange={(value) => update({ unit: value })} error={error(at('unit'))} />
        <OkrInput
          context={context}
          label="Start"
          type="number"
          unit={unit}
          value={kr.start}
          onChange={(start) => update({ start })}
          error={error(at('start'))}
          hint="The value when the quarter started."
        />
        <OkrInput context={context} label="Target" type="number" unit={unit} value={kr.manualTarget} onChange={(manualTarget) => update({ manualTarget })} error={error(at('target'))} />
      </div>
      <div className="okr-updates">
        <p className="okr-updates__title" aria-hidden="true">
          Updates
        </p>
        {kr.history.length ? (
          <ol aria-label={`Updates of ${context.toLowerCase()}`}>
            {kr.history.map((entry, index) => {
              const n = index + 1;
              const entryContext = `${context} update ${n}`;
              return (
                <li key={entry.key} className="okr-update">
                  <OkrInput
                    context={entryContext}
                    label="Date"
                    type="date"
                    value={entry.date}
                    onChange={(date) => onChange(updateUpdate(okr, objectiveKey, kr.key, entry.key, { date }))}
                    error={error(at(`history.${index}.date`)) ?? error(at(`history.${index}`))}
                  />
                  <OkrInput
                    context={entryContext}
                    label="Value"
                    type="number"
                    unit={unit}
                    value={entry.value}
                    onChange={(value) => onChange(updateUpdate(okr, objectiveKey, kr.key, entry.key, { value }))}
                    error={error(at(`history.${index}.value`))}
                    focusId={`update:${kr.key}:${entry.key}:value`}
                  />
                  <div className="allocation-row__actions okr-update__actions">
                    <RowButton name={`Remove update ${n} of ${context.toLowerCase()}`} onClick={() => onRemove(index)} focusId={`update:${kr.key}:${entry.key}:remove`}>
                      Remove
                    </RowButton>
                  </div>
                </li>
              );
            })}
          </ol>
        ) : (
          <p className="field__hint">No updates yet: progress counts from the start value.</p>
        )}
        {error(at('history')) ? (
          <p className="field__error" role="alert">
            {error(at('history'))}
          </p>
        ) : null}
        <div className="actions">
          <button type="button" aria-label={`Add update to ${context.toLowerCase()}`} data-focus-id={`update:${kr.key}:add`} onClick={onAdd}>
            Add update
          </button>
        </div>
      </div>
    </>
  );
}
