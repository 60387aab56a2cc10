import { Field } from '../../../components/Field';
import type { ConnectionCheck } from '../../../utils/messages';
import { timeAgo } from '../../../utils/time-ago';
import type { FormState, TextField } from '../form';
import { tokenExpiry } from '../token-expiry';

/** A connection test on screen: one just run on this page, or the one the background kept. */
export type ShownCheck = ConnectionCheck & {
  /** Run on this page just now (not from an earlier visit, nor the test Save relied on). */
  fresh: boolean;
};

interface Props {
  form: FormState;
  errors: Partial<Record<TextField, string>>;
  hasSavedToken: boolean;
  onChange: (patch: Partial<FormState>) => void;
  onTest: () => void;
  onForgetToken: () => void;
  testing: boolean;
  check: ShownCheck | null;
  /** The current time (ms), for "5 min ago" and the days until the token expires. */
  now: number;
}

export function ConnectionSection({ form, errors, hasSavedToken, onChange, onTest, onForgetToken, testing, check, now }: Props) {
  return (
    <section aria-labelledby="connection-heading" className="options-section">
      <h2 id="connection-heading" tabIndex={-1}>
        Connection
      </h2>
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
            Scope <code>read_api</code>: Engineering Lens only reads from GitLab. The token stays in this browser and is
            only sent to this GitLab.
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
      <ConnectionResult check={check} now={now} />
    </section>
  );
}

export function ConnectionResult({ check, now }: { check: ShownCheck | null; now: number }) {
  return (
    <div role="status" aria-live="polite" data-testid="connection-result" className="options-connection">
      {check ? <CheckDetails check={check} now={now} /> : null}
    </div>
  );
}

function CheckDetails({ check, now }: { check: ShownCheck; now: number }) {
  const { report } = check;
  const when = (
    <time dateTime={check.checkedAt} title={new Date(check.checkedAt).toLocaleString()}>
      {timeAgo(check.checkedAt, now)}
    </time>
  );
  const unsaved =
    !check.fresh && !check.savedConnection ? (
      <p className="options-connection__note">That test used a GitLab URL or token that was not saved.</p>
    ) : null;
  if (!report.ok) {
    return (
      <div className="status status--error">
        <strong>Connection failed.</strong> {report.error.message}
        <p className="options-connection__when">Checked {when} ({check.gitlabUrl}).</p>
        {unsaved}
      </div>
    );
  }
  const expiry = tokenExpiry(report.token.expiresAt, now);
  return (
    <>
      <div className="status status--success">
        <strong>Connected to {report.gitlabUrl}</strong>
        <p className="options-connection__when">
          Checked {when}: connected as {report.user.name} (@{report.user.username}).
        </p>
        <dl>
          <dt>Token name</dt>
          <dd>{report.token.name ?? '—'}</dd>
          <dt>Token scopes</dt>
          <dd>{report.token.scopes.join(', ') || 'none'}</dd>
          <dt>Expires</dt>
          <dd>{report.token.expiresAt ?? 'never'}</dd>
        </dl>
        {!report.token.scopes.some((s) => s === 'api' || s === 'read_api') ? (
          <p className="field__error">This token cannot read the API: give it the read_api or api scope.</p>
        ) : null}
        {unsaved}
      </div>
      {expiry ? (
        <p className={`status options-expiry options-expiry--${expiry.kind}`} data-testid="token-expiry">
          {expiry.message}
        </p>
      ) : null}
    </>
  );
}
