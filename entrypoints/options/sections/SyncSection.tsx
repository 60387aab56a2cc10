import { Field } from '../../../components/Field';
import type { FormState, TextField } from '../form';

interface Props {
  form: FormState;
  errors: Partial<Record<TextField, string>>;
  onChange: (patch: Partial<FormState>) => void;
}

/** How fresh the cached GitLab data is kept (settings section "sync"). */
export function SyncSection({ form, errors, onChange }: Props) {
  return (
    <section aria-labelledby="sync-heading" className="options-section">
      <h2 id="sync-heading" tabIndex={-1}>
        Sync
      </h2>
      <Field
        label="Refresh cached data older than (minutes)"
        type="number"
        value={form.staleAfterMinutes}
        onChange={(staleAfterMinutes) => onChange({ staleAfterMinutes })}
        error={errors.staleAfterMinutes}
        hint="GitLab pages show the cached data at once; data older than this is then updated from GitLab. The team's data is also refreshed once a day."
      />
    </section>
  );
}
