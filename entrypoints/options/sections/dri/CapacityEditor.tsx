import { Field } from '../../../../components/Field';
import type { CapacityUnit } from '../../../../utils/settings/dri';
import { RowButton } from '../allocation/RowControls';
import { DriInput, SelectField } from './controls';
import { addPerson, removePerson, updatePerson } from './edit';
import type { DriEditorProps } from './shared';

const UNITS: ReadonlyArray<{ value: CapacityUnit; label: string }> = [
  { value: 'milestone', label: 'per milestone' },
  { value: 'week', label: 'per week' },
];

/** The load check's capacity: a default weight, its unit, and people who carry more or less. */
export function CapacityEditor({ dri, onChange, error, focusLater }: Omit<DriEditorProps, 'candidate'>) {
  const { people } = dri;
  const onRemove = (index: number) => {
    const next = people[index + 1] ?? people[index - 1];
    onChange(removePerson(dri, people[index]!.key));
    focusLater(next ? `person:${next.key}:remove` : 'person:add');
  };
  const onAdd = () => {
    const { dri: next, added } = addPerson(dri);
    onChange(next);
    focusLater(`person:${added.key}:username`);
  };

  return (
    <>
      <h3 id="dri-capacity-heading" tabIndex={-1}>
        Capacity
      </h3>
      <p className="field__hint options-section__intro">
        People whose open assigned weight reaches their capacity are ranked lower and marked &quot;at capacity&quot;. An
        open issue without a weight counts as 1.
      </p>
      <div className="dri-capacity">
        <Field
          label="Default capacity (weight)"
          type="number"
          value={dri.defaultWeight}
          onChange={(defaultWeight) => onChange({ ...dri, defaultWeight })}
          error={error('dri.capacity.defaultWeight')}
          hint="For everyone not listed below."
        />
        <SelectField
          label="Capacity unit"
          value={dri.unit}
          options={UNITS}
          onChange={(unit) => onChange({ ...dri, unit })}
          error={error('dri.capacity.unit')}
          hint="Per milestone: open weight in the current milestone, or in none. Per week: open weight due within 7 days, overdue, or with no due date."
        />
      </div>
      {people.length ? (
        <div className="allocation-rows dri-rows dri-rows--people">
          <div className="allocation-row allocation-row__head" aria-hidden="true">
            <span>Username</span>
            <span>Weight</span>
          </div>
          <ul aria-label="Capacity per person">
            {people.map((person, index) => {
              const n = index + 1;
              const who = person.username.trim().replace(/^@/, '') || String(n);
              return (
                <li key={person.key} className="allocation-row">
                  <DriInput
                    label={`Person ${n} username`}
                    value={person.username}
                    placeholder="@ada"
                    onChange={(username) => onChange(updatePerson(dri, person.key, { username }))}
                    error={error(`dri.capacity.people.${index}.username`)}
                    focusId={`person:${person.key}:username`}
                  />
                  <DriInput
                    label={`Person ${n} weight`}
                    type="number"
                    value={person.weight}
                    onChange={(weight) => onChange(updatePerson(dri, person.key, { weight }))}
                    error={error(`dri.capacity.people.${index}.weight`)}
                  />
                  <div className="allocation-row__actions">
                    <RowButton name={`Remove person ${who}`} onClick={() => onRemove(index)} focusId={`person:${person.key}:remove`}>
                      Remove
                    </RowButton>
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      ) : (
        <p className="field__hint">Everyone has the default capacity.</p>
      )}
      {error('dri.capacity.people') ? (
        <p className="field__error" role="alert">
          {error('dri.capacity.people')}
        </p>
      ) : null}
      <div className="actions allocation-add">
        <button type="button" data-focus-id="person:add" onClick={onAdd}>
          Add person
        </button>
      </div>
    </>
  );
}
