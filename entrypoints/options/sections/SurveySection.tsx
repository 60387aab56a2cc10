import { Field } from '../../../components/Field';
import { Checkpoint } from '../../../components/survey/Checkpoint';
import { OutboxList } from '../../../components/survey/OutboxList';
import type { FormState, TextField } from '../form';

interface Props {
  form: FormState;
  errors: Partial<Record<TextField, string>>;
  onChange: (patch: Partial<FormState>) => void;
  /** The saved settings: the checkpoint is read again after a Save. */
  saved: unknown;
}

/**
 * Engineering allocation survey (SPEC §6): where suggestions are filed (saved with the other
 * settings), this browser's outbox, and the weekly checkpoint. The last two act at once: they
 * are not part of Save.
 */
export function SurveySection({ form, errors, onChange, saved }: Props) {
  return (
    <section aria-labelledby="survey-heading" className="options-section">
      <h2 id="survey-heading" tabIndex={-1}>
        Survey
      </h2>
      <p className="options-section__intro lens-muted">
        Anyone can suggest what engineering time should go to, from an issue page or the toolbar popup. Each suggestion becomes an issue labelled
        engineering-allocation::suggestion, reviewed at the weekly checkpoint.
      </p>
      <Field
        label="Survey project"
        value={form.surveyProject}
        onChange={(surveyProject) => onChange({ surveyProject })}
        error={errors.surveyProject}
        placeholder="group/project"
        hint="A project path or id. Empty: a suggestion goes to the project of the issue it was made from; the popup then asks."
      />
      <OutboxList headingLevel={3} />
      <Checkpoint headingLevel={3} refreshKey={saved} />
    </section>
  );
}
