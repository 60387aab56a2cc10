import { useEffect, useRef, useState } from 'react';
import { sendMessage } from '../../utils/send-message';
import { MessageError, type ConnectionCheck, type ConnectionReport, type SharedInfo } from '../../utils/messages';
import { candidateFromForm, formErrorKey, formFromSettings, isAllocationKey, isDriKey, isOkrKey, type FormErrorKey, type FormState, type PublicSettings } from './form';
import { requestOriginAccess } from './permissions';
import { SectionNav } from './SectionNav';
import { ConnectionSection, type ShownCheck } from './sections/ConnectionSection';
import { TeamSection } from './sections/TeamSection';
import { KpiSection } from './sections/KpiSection';
import { AllocationSection } from './sections/AllocationSection';
import { DriSection } from './sections/DriSection';
import { OkrSection } from './sections/OkrSection';
import { SyncSection } from './sections/SyncSection';
import { SurveySection } from './sections/SurveySection';
import { ConfigFileSection } from './sections/ConfigFileSection';
import { SharedConfigSection, SharedNotice } from './sections/SharedConfigSection';
import type { ConfigSettings } from '../../utils/settings/config-file';

/** Messages by the field showing them: a text field, an allocation or DRI path (`allocation.rules.2.value`), or the form. */
type Errors = Partial<Record<FormErrorKey, string>>;
type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'forgotten' }
  | { kind: 'error'; message: string };

/** "5 min ago" and the days until a token expires move on while the page stays open. */
const CLOCK_TICK_MS = 30_000;

export function App() {
  const [saved, setSaved] = useState<PublicSettings | null>(null);
  const [form, setForm] = useState<FormState | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [loadError, setLoadError] = useState<string | null>(null);
  const [check, setCheck] = useState<ShownCheck | null>(null);
  const [testing, setTesting] = useState(false);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [now, setNow] = useState(() => Date.now());
  /** Edits not saved yet: leaving the page asks first, so nothing typed is lost by accident. */
  const [dirty, setDirty] = useState(false);
  /** Bumped by a refused Save: the first field marked invalid then gets the focus. */
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const [sharedInfo, setSharedInfo] = useState<SharedInfo | null>(null);
  const [readingShared, setReadingShared] = useState(false);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    if (refusals) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  useEffect(() => {
    // The last connection test is a convenience: the page works without it.
    const lastCheck = sendMessage('ui:connection-check', {}).catch(() => ({ check: null }));
    Promise.all([sendMessage('ui:settings-get', {}), lastCheck])
      .then(([{ settings, problems, teamProblems, shared }, { check: kept }]) => {
        setSaved(settings);
        setSharedInfo(shared ?? null);
        setForm(formFromSettings(settings));
        setCheck(kept ? { ...kept, fresh: false } : null);
        setNow(Date.now());
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
    for (const key of Object.keys(patch)) delete cleared[key as FormErrorKey];
    // Allocation rows move and go: their messages are all cleared, and the section's own
    // validation shows what is still wrong with the new rows.
    if ('allocation' in patch) for (const key of Object.keys(cleared)) if (isAllocationKey(key)) delete cleared[key];
    // The same for the DRI section's services and people.
    if ('dri' in patch) for (const key of Object.keys(cleared)) if (isDriKey(key)) delete cleared[key];
    // And the OKR section's objectives and key results.
    if ('okr' in patch) for (const key of Object.keys(cleared)) if (isOkrKey(key)) delete cleared[key];
    setErrors(cleared);
  };

  const showFieldErrors = (fieldErrors: Record<string, string>) => setErrors(errorsByField(fieldErrors));

  const onReadShared = () => {
    setReadingShared(true);
    sendMessage('ui:shared-config-refresh', {})
      .then((answer) => {
        setSharedInfo(answer.shared);
        setNow(Date.now());
      })
      .catch((error: unknown) => setSave({ kind: 'error', message: messageOf(error) }))
      .finally(() => setReadingShared(false));
  };

  /** A valid configuration file fills the form; Save makes it the settings, as for any edit. */
  const onImport = (imported: ConfigSettings) => {
    setForm({ ...formFromSettings({ ...saved, ...imported, gitlabUrl: imported.gitlabUrl ?? form.gitlabUrl }), token: form.token });
    setErrors({});
    setDirty(true);
    setSave({ kind: 'idle' });
  };

  /** A result of this page's own Test connection. */
  const showTested = (report: ConnectionReport) => {
    const at = Date.now();
    setNow(at);
    setCheck({ report, checkedAt: new Date(at).toISOString(), gitlabUrl: report.ok ? report.gitlabUrl : form.gitlabUrl, savedConnection: false, fresh: true });
  };

  const onTest = () => {
    // The permission prompt must open inside the click's user gesture: ask before any await.
    const access = requestOriginAccess(form.gitlabUrl);
    setTesting(true);
    setCheck(null);
    void (async () => {
      try {
        if (!(await access)) {
          showTested({ ok: false, error: { kind: 'permission', message: 'Access to this GitLab was not allowed.' } });
          return;
        }
        const result = await sendMessage('ui:connection-test', { gitlabUrl: form.gitlabUrl, token: form.token });
        showTested(result);
        if (!result.ok && result.fieldErrors) showFieldErrors(result.fieldErrors);
      } catch (error) {
        showTested({ ok: false, error: { kind: 'internal', message: messageOf(error) } });
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
        setCheck(null);
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
          setRefusals((n) => n + 1);
          return;
        }
        const result = await sendMessage('ui:settings-save', {
          settings: candidateFromForm(form),
          token: form.token,
        });
        if (!result.ok) {
          showFieldErrors(result.fieldErrors);
          setSave({ kind: 'error', message: 'Not saved: fix the fields marked above.' });
          setRefusals((n) => n + 1);
          return;
        }
        setSaved(result.settings);
        setForm(formFromSettings(result.settings));
        setErrors({});
        setDirty(false);
        setSave({ kind: 'saved' });
        // Where the settings in force come from may have changed with the save.
        void sendMessage('ui:settings-get', {}).then(
          (answer) => setSharedInfo(answer.shared ?? null),
          () => {},
        );
        // Save tests a new URL or token too: show the test it relied on, as the background kept it.
        const kept: ConnectionCheck | null = await sendMessage('ui:connection-check', {}).then(
          (answer) => answer.check,
          () => null,
        );
        setNow(Date.now());
        setCheck(kept ? { ...kept, fresh: false } : null);
      } catch (error) {
        setSave({ kind: 'error', message: `Not saved: ${messageOf(error)}` });
      }
    })();
  };

  return (
    <Shell nav={<SectionNav />}>
      {loadError ? <p role="alert" className="status status--error">{loadError}</p> : null}
      <form
        ref={formRef}
        className="options-form"
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
          check={check}
          now={now}
        />
        <SharedNotice info={sharedInfo} section="team" />
        <TeamSection form={form} errors={errors} onChange={change} />
        <SharedNotice info={sharedInfo} section="kpi" />
        <KpiSection form={form} errors={errors} onChange={change} />
        <SharedNotice info={sharedInfo} section="allocation" />
        <AllocationSection allocation={form.allocation} errors={errors} onChange={(allocation) => change({ allocation })} />
        <SharedNotice info={sharedInfo} section="dri" />
        <DriSection dri={form.dri} errors={errors} onChange={(dri) => change({ dri })} />
        <SharedNotice info={sharedInfo} section="survey" />
        <SurveySection form={form} errors={errors} onChange={change} saved={saved} />
        <SharedNotice info={sharedInfo} section="okr" />
        <OkrSection okr={form.okr} errors={errors} onChange={(okr) => change({ okr })} timeZone={form.timeZone} />
        <SyncSection form={form} errors={errors} onChange={change} />
        <SharedConfigSection form={form} errors={errors} onChange={change} info={sharedInfo} reading={readingShared} onRead={onReadShared} now={now} />
        <ConfigFileSection saved={saved} onImport={onImport} />
        <div className="options-savebar" data-testid="save-bar">
          <div className="options-savebar__row">
            <button type="submit" className="primary" disabled={save.kind === 'saving'}>
              {save.kind === 'saving' ? 'Saving…' : 'Save'}
            </button>
            <span
              role="status"
              aria-live="polite"
              data-testid="save-status"
              className={`options-savebar__status${save.kind === 'error' ? ' options-savebar__status--error' : ''}`}
            >
              {save.kind === 'saved' ? 'Saved.' : ''}
              {save.kind === 'forgotten' ? 'Token removed; cached GitLab data deleted.' : ''}
              {save.kind === 'error' ? save.message : ''}
            </span>
            {dirty && save.kind === 'idle' ? <span className="options-savebar__dirty">You have changes that are not saved yet.</span> : null}
          </div>
          {errors.form ? <p className="field__error" role="alert">{errors.form}</p> : null}
        </div>
      </form>
    </Shell>
  );
}

function Shell({ nav, children }: { nav?: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="options-page">
      <header className="options-header">
        <h1>Engineering Lens</h1>
        <p className="options-header__lead">
          KPI badges on your GitLab issue, epic and board pages, and your team&apos;s KPIs in the toolbar popup, computed in
          this browser from the GitLab API.
        </p>
      </header>
      <div className="options-layout">
        {nav}
        <main className="options-main">{children}</main>
      </div>
    </div>
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
