import { Field } from '../../../components/Field';
import type { ConnectionReport } from '../../../utils/messages';
import type { FormState, TextField } from '../form';

interface Props {
  form: FormState;
  errors: Partial<Record<TextField, string>>;
  hasSavedToken: boolean;
  onChange: (patch: Partial<FormState>) => void;
  onTest: () => void;
  onForgetToken: () => void;
  testing: boolean;
  report: ConnectionReport | null;
}

export function ConnectionSection({ form, errors, hasSavedToken, onChange, onTest, onForgetToken, testing, report }: Props) {
  return (
    <section aria-labelledby="connection-heading">
      <h2 id="connection-heading">Connection</h2>
      <Field
        label="GitLab URL"
        type="url"
        value={form.gitlabUrl}
        onChange={(gitlabUrl) => onChange({ gitlabUrl })}
        error={errors.gitlabUrl}
        placeholder="https://gitlab.com"
        hint="GitLab.com or your own GitLab. For your own, the browser asks you to allow access when you save."
      />
      <Field
        label="Personal access token"
        type="password"
        value={form.token}
        onChange={(token) => onChange({ token })}
        error={errors.token}
        placeholder={hasSavedToken ? 'Saved. Leave empty to keep it.' : 'glpat-…'}
        autoComplete="new-password"
        hint={
          <>
            Scope <code>read_api</code> to read; <code>api</code> to also file survey suggestions and assign
            issues. The token stays in this browser and is only sent to this GitLab.
          </>
        }
      />
      <div className="actions">
        <button type="button" onClick={onTest} disabled={testing}>
          {testing ? 'Testing…' : 'Test connection'}
        </button>
        {hasSavedToken ? (
          <button type="button" onClick={onForgetToken}>
            Remove saved token
          </button>
        ) : null}
      </div>
      <ConnectionResult report={report} />
    </section>
  );
}

function ConnectionResult({ report }: { report: ConnectionReport | null }) {
  return (
    <div role="status" aria-live="polite" data-testid="connection-result">
      {report?.ok === true ? (
        <div className="status status--success">
          <strong>Connected to {report.gitlabUrl}</strong>
          <dl>
            <dt>User</dt>
            <dd>
              {report.user.name} (@{report.user.username})
            </dd>
            <dt>Token scopes</dt>
            <dd>{report.token.scopes.join(', ') || 'none'}</dd>
            <dt>Expires</dt>
            <dd>{report.token.expiresAt ?? 'never'}</dd>
          </dl>
          {!report.token.scopes.some((s) => s === 'api' || s === 'read_api') ? (
            <p className="field__error">This token cannot read the API: give it the read_api or api scope.</p>
          ) : null}
        </div>
      ) : null}
      {report?.ok === false ? (
        <div className="status status--error">
          <strong>Connection failed.</strong> {report.error.message}
        </div>
      ) : null}
    </div>
  );
}
