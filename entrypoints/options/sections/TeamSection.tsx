import { Field } from '../../../components/Field';
import type { FormState, TextField } from '../form';

interface Props {
  form: FormState;
  errors: Partial<Record<TextField, string>>;
  onChange: (patch: Partial<FormState>) => void;
}

export function TeamSection({ form, errors, onChange }: Props) {
  return (
    <section aria-labelledby="team-heading" className="options-section">
      <h2 id="team-heading" tabIndex={-1}>
        Team
      </h2>
      <Field
        label="Group"
        value={form.group}
        onChange={(group) => onChange({ group })}
        error={errors.group}
        placeholder="my-org/my-team"
        hint="Full path of the team's GitLab group, as in its URL. Team KPIs (in the popup, and the Team view on issue pages and boards) cover its issues and merge requests."
      />
      <Field
        label="Projects"
        multiline
        value={form.projects}
        onChange={(projects) => onChange({ projects })}
        error={errors.projects}
        placeholder={'my-org/web-app\nmy-org/api'}
        hint="One project path or id per line. Empty: the group's projects."
      />
      <Field
        label="Engineers"
        multiline
        value={form.engineers}
        onChange={(engineers) => onChange({ engineers })}
        error={errors.engineers}
        placeholder={'alice\nbob'}
        hint="One username per line. Empty: active members with Developer access or more."
      />
    </section>
  );
}
