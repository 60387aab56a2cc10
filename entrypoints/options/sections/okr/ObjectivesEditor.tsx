import { useId } from 'react';
import type { OkrErrorKey } from '../../form';
import { RowButton } from '../allocation/RowControls';
import { OkrInput, OkrSelect } from './controls';
import { addKeyResult, addObjective, removeKeyResult, removeObjective, updateObjective } from './edit';
import { KeyResultEditor } from './KeyResultEditor';
import { quarterChoices } from './quarters';
import type { OkrEditorProps, OkrPickers } from './shared';

interface Props extends OkrEditorProps {
  /** The KPI settings' time zone: quarters begin at midnight there. */
  timeZone?: string;
  pickers: OkrPickers;
  refreshPickers: () => void;
  /** Now, for the current quarter. */
  now: Date;
}

/** The objectives, each with its quarter, title and key results. */
export function ObjectivesEditor({ okr, onChange, error, focusLater, timeZone, pickers, refreshPickers, now }: Props) {
  const epicListId = useId();
  const { objectives } = okr;
  const choices = quarterChoices(
    okr.quarterStartMonth,
    timeZone,
    objectives.map((objective) => objective.quarter),
    now,
  );
  const current = choices.find((choice) => choice.current)?.value ?? choices[0]?.value ?? '';

  const onAddObjective = () => {
    const { okr: next, added } = addObjective(okr, current);
    onChange(next);
    focusLater(`objective:${added.key}:title`);
  };
  const onRemoveObjective = (index: number) => {
    const next = objectives[index + 1] ?? objectives[index - 1];
    onChange(removeObjective(okr, objectives[index]!.key));
    focusLater(next ? `objective:${next.key}:remove` : 'objective:add');
  };

  return (
    <>
      <h3 id="okr-objectives-heading" tabIndex={-1}>
        Objectives
      </h3>
      <p className="field__hint options-section__intro">
        Each objective belongs to a quarter. Its key results are measured from GitLab (a KPI, an epic&apos;s issues, the
        issues with some labels) or updated by hand (a manual value, such as engineers hired).
      </p>
      <datalist id={epicListId}>
        {pickers.epics.map((epic) => (
          <option key={`${epic.group}&${epic.iid}`} value={`${epic.group}&${epic.iid}`} label={`&${epic.iid} ${epic.title}`} />
        ))}
      </datalist>
      {objectives.length ? (
        <ol className="okr-objectives" aria-label="Objectives">
          {objectives.map((objective, o) => {
            const n = o + 1;
            const path = `okr.objectives.${o}` as const;
            const at = (field: string) => `${path}.${field}` as OkrErrorKey;
            const quarter = choices.find((choice) => choice.value === objective.quarter);
            const options = quarter ? choices : [{ value: objective.quarter, label: objective.quarter ? objective.quarter : 'Choose a quarter', disabled: !objective.quarter }, ...choices];
            const onAddKeyResult = () => {
              const { okr: next, added } = addKeyResult(okr, objective.key);
              onChange(next);
              focusLater(`kr:${added.key}:title`);
            };
            const onRemoveKeyResult = (index: number) => {
              const next = objective.keyResults[index + 1] ?? objective.keyResults[index - 1];
              onChange(removeKeyResult(okr, objective.key, objective.keyResults[index]!.key));
              focusLater(next ? `kr:${next.key}:remove` : `kr:${objective.key}:add`);
            };
            return (
              <li key={objective.key} className="okr-objective">
                <div className="okr-row-head">
                  <h4 className="okr-objective__name">
                    Objective {n}
                    {objective.title.trim() ? <span className="okr-objective__title">: {objective.title.trim()}</span> : null}
                  </h4>
                  <RowButton name={`Remove objective ${n}`} onClick={() => onRemoveObjective(o)} focusId={`objective:${objective.key}:remove`}>
                    Remove
                  </RowButton>
                </div>
                <div className="okr-grid okr-grid--objective">
                  <OkrSelect
                    context={`Objective ${n}`}
                    label="Quarter"
                    value={objective.quarter}
                    options={options}
                    onChange={(value) => onChange(updateObjective(okr, objective.key, { quarter: value }))}
                    error={error(at('quarter'))}
                    hint={quarter?.days}
                  />
                  <OkrInput
                    context={`Objective ${n}`}
                    label="Title"
                    value={objective.title}
                    onChange={(title) => onChange(updateObjective(okr, objective.key, { title }))}
                    error={error(at('title')) ?? error(at('id'))}
                    focusId={`objective:${objective.key}:title`}
                  />
                </div>
                {objective.keyResults.length ? (
                  <ol className="okr-krs" aria-label={`Key results of objective ${n}`}>
                    {objective.keyResults.map((kr, k) => (
                      <KeyResultEditor
                        key={kr.key}
                        okr={okr}
                        onChange={onChange}
                        error={error}
                        focusLater={focusLater}
                        objective={objective}
                        kr={kr}
                        path={`${path}.keyResults.${k}`}
                        number={`${n}.${k + 1}`}
                        onRemove={() => onRemoveKeyResult(k)}
                        pickers={pickers}
                        epicListId={epicListId}
                        refreshPickers={refreshPickers}
                      />
                    ))}
                  </ol>
                ) : (
                  <p className="field__hint okr-empty">No key results yet.</p>
                )}
                {error(at('keyResults')) ? (
                  <p className="field__error" role="alert">
                    {error(at('keyResults'))}
                  </p>
                ) : null}
                <div className="actions okr-add">
                  <button type="button" aria-label={`Add key result to objective ${n}`} data-focus-id={`kr:${objective.key}:add`} onClick={onAddKeyResult}>
                    Add key result
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="field__hint">No objectives yet.</p>
      )}
      {error('okr.objectives') ? (
        <p className="field__error" role="alert">
          {error('okr.objectives')}
        </p>
      ) : null}
      <div className="actions allocation-add">
        <button type="button" data-focus-id="objective:add" onClick={onAddObjective}>
          Add objective
        </button>
      </div>
    </>
  );
}
