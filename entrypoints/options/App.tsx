import { useEffect, useState } from 'react';
import { sendMessage } from '../../utils/send-message';
import { MessageError, type ConnectionReport } from '../../utils/messages';
import { candidateFromForm, formErrorKey, formFromSettings, type FormState, type PublicSettings, type TextField } from './form';
import { requestOriginAccess } from './permissions';
import { ConnectionSection } from './sections/ConnectionSection';
import { TeamSection } from './sections/TeamSection';
import { KpiSection } from './sections/KpiSection';

type Errors = Partial<Record<TextField | 'form', string>>;
type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'forgotten' }
  | { kind: 'error'; message: string };

export function App() {
  const [saved, setSaved] = useState<PublicSettings | null>(null);
  const [form, setForm] = useState<FormState | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [loadError, setLoadError] = useState<string | null>(null);
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [testing, setTesting] = useState(false);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  /** Edits not saved yet: leaving the page asks first, so nothing typed is lost by accident. */
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  useEffect(() => {
    sendMessage('ui:settings-get', {})
      .then(({ settings, problems, teamProblems }) => {
        setSaved(settings);
        setForm(formFromSettings(settings));
        // A team path that no longer resolves is shown next to its field from the start.
        setErrors(errorsByField(teamProblems));
        if (Object.keys(problems).length) {
          setLoadError('Some saved settings were invalid and were reset to defaults. Check them and save again.');
        }
      })
      .catch((error: unknown) => setLoadError(messageOf(error)));
  }, []);

  if (!form || !saved) {
    return <Shell>{loadError ? <p role="alert">{loadError}</p> : <p>Loading settings…</p>}</Shell>;
  }

  const change = (patch: Partial<FormState>) => {
    setForm({ ...form, ...patch });
    setDirty(true);
    setSave({ kind: 'idle' });
    const cleared = { ...errors };
    for (const key of Object.keys(patch)) delete cleared[key as TextField];
    setErrors(cleared);
  };

  const showFieldErrors = (fieldErrors: Record<string, string>) => setErrors(errorsByField(fieldErrors));

  const onTest = () => {
    // The permission prompt must open inside the click's user gesture: ask before any await.
    const access = requestOriginAccess(form.gitlabUrl);
    setTesting(true);
    setReport(null);
    void (async () => {
      try {
        if (!(await access)) {
          setReport({ ok: false, error: { kind: 'permission', message: 'Access to this GitLab was not allowed.' } });
          return;
        }
        const result = await sendMessage('ui:connection-test', { gitlabUrl: form.gitlabUrl, token: form.token });
        setReport(result);
        if (!result.ok && result.fieldErrors) showFieldErrors(result.fieldErrors);
      } catch (error) {
        setReport({ ok: false, error: { kind: 'internal', message: messageOf(error) } });
      } finally {
        setTesting(false);
      }
    })();
  };

  const onForgetToken = () => {
    if (!window.confirm('Remove the saved token and the data cached from GitLab? Overlays stop until you add a token again.')) return;
    sendMessage('ui:forget-token', {})
      .then(({ settings }) => {
        setSaved(settings);
        setForm({ ...form, token: '' });
        setReport(null);
        setSave({ kind: 'forgotten' });
      })
      .catch((error: unknown) => setSave({ kind: 'error', message: messageOf(error) }));
  };

  const onSave = () => {
    const access = requestOriginAccess(form.gitlabUrl);
    setSave({ kind: 'saving' });
    void (async () => {
      try {
        if (!(await access)) {
          setErrors({ gitlabUrl: 'Engineering Lens needs access to this GitLab to show overlays. Save again and choose Allow.' });
          setSave({ kind: 'error', message: 'Not saved.' });
          return;
        }
        const result = await sendMessage('ui:settings-save', {
          settings: candidateFromForm(form),
          token: form.token,
        });
        if (!result.ok) {
          showFieldErrors(result.fieldErrors);
          setSave({ kind: 'error', message: 'Not saved: fix the fields marked above.' });
          return;
        }
        setSaved(result.settings);
        setForm(formFromSettings(result.settings));
        setErrors({});
        setDirty(false);
        setSave({ kind: 'saved' });
      } catch (error) {
        setSave({ kind: 'error', message: `Not saved: ${messageOf(error)}` });
      }
    })();
  };

  return (
    <Shell>
      {loadError ? <p role="alert" className="status status--error">{loadError}</p> : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSave();
        }}
        noValidate
      >
        <ConnectionSection
          form={form}
          errors={errors}
          hasSavedToken={saved.hasToken}
          onChange={change}
          onTest={onTest}
          onForgetToken={onForgetToken}
          testing={testing}
          report={report}
        />
        <TeamSection form={form} errors={errors} onChange={change} />
        <KpiSection form={form} errors={errors} onChange={change} />
        <div className="actions">
          <button type="submit" className="primary" disabled={save.kind === 'saving'}>
            {save.kind === 'saving' ? 'Saving…' : 'Save'}
          </button>
          <span role="status" aria-live="polite" data-testid="save-status">
            {save.kind === 'saved' ? 'Saved.' : ''}
            {save.kind === 'forgotten' ? 'Token removed; cached GitLab data deleted.' : ''}
            {save.kind === 'error' ? save.message : ''}
          </span>
        </div>
        {errors.form ? <p className="field__error" role="alert">{errors.form}</p> : null}
      </form>
    </Shell>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <main style={{ maxWidth: 720, margin: '0 auto', padding: '1.5rem 1rem' }}>
      <h1>Engineering Lens</h1>
      <p style={{ marginTop: 0, color: 'var(--lens-muted)' }}>
        Team KPIs, engineering allocation and Suggested DRI on your GitLab pages.
      </p>
      {children}
    </main>
  );
}

/** Settings paths (`team.projects.2`) → the form field that shows the message; the first message wins. */
function errorsByField(fieldErrors: Record<string, string>): Errors {
  const errors: Errors = {};
  for (const [path, message] of Object.entries(fieldErrors)) errors[formErrorKey(path)] ??= message;
  return errors;
}

function messageOf(error: unknown): string {
  return error instanceof MessageError || error instanceof Error ? error.message : String(error);
}
