import { Field } from '../../../components/Field';
import type { FormState, TextField } from '../form';

interface Props {
  form: FormState;
  errors: Partial<Record<TextField, string>>;
  onChange: (patch: Partial<FormState>) => void;
}

export function TeamSection({ form, errors, onChange }: Props) {
  return (
    <section aria-labelledby="team-heading">
      <h2 id="team-heading">Team</h2>
      <Field
        label="Group"
        value={form.group}
        onChange={(group) => onChange({ group })}
        error={errors.group}
        placeholder="my-org/my-team"
        hint="Full path of the team's GitLab group, used for Team KPIs and on group pages."
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
      <Field
        label="Refresh cached data older than (minutes)"
        type="number"
        value={form.staleAfterMinutes}
        onChange={(staleAfterMinutes) => onChange({ staleAfterMinutes })}
        error={errors.staleAfterMinutes}
      />
    </section>
  );
}
