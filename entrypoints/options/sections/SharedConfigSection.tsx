import { useId } from 'react';
import { Field } from '../../../components/Field';
import type { SharedInfo } from '../../../utils/messages';
import { timeAgo } from '../../../utils/time-ago';
import { DEFAULT_SHARED_PATH, SHARED_SECTION_LABELS, SHARED_SECTIONS, type SharedSection } from '../../../utils/settings/shared';
import type { FormState, TextField } from '../form';

interface Props {
  form: FormState;
  errors: Partial<Record<TextField, string>>;
  onChange: (patch: Partial<FormState>) => void;
  /** The last reading of the saved location, or null. */
  info: SharedInfo | null;
  reading: boolean;
  onRead: () => void;
  now: number;
}

const label = (section: string) => SHARED_SECTION_LABELS[section as SharedSection] ?? section;

/**
 * The team's shared configuration (SPEC §5, §7): a file in a GitLab repository whose sections
 * replace this browser's, except those kept here as local overrides. Says where the settings in
 * force came from, when, and what is wrong with the file if it cannot be used.
 */
export function SharedConfigSection({ form, errors, onChange, info, reading, onRead, now }: Props) {
  const legendId = useId();
  const toggle = (section: SharedSection, keep: boolean) =>
    onChange({ sharedLocal: keep ? [...form.sharedLocal, section] : form.sharedLocal.filter((candidate) => candidate !== section) });
  return (
    <section aria-labelledby="shared-heading" className="options-section">
      <h2 id="shared-heading" tabIndex={-1}>
        Shared configuration
      </h2>
      <p className="options-section__intro lens-muted">
        The team can keep one configuration file in a GitLab repository (the format of Export settings). Its team, KPI, allocation, Suggested DRI, survey and OKR
        settings then apply here; it is read again daily.
      </p>
      <Field label="Configuration project" value={form.sharedProject} onChange={(sharedProject) => onChange({ sharedProject })} error={errors.sharedProject} placeholder="group/project" hint="Empty: no shared configuration." />
      <Field label="Branch or tag" value={form.sharedRef} onChange={(sharedRef) => onChange({ sharedRef })} error={errors.sharedRef} placeholder="the default branch" />
      <Field label="File path" value={form.sharedPath} onChange={(sharedPath) => onChange({ sharedPath })} error={errors.sharedPath} placeholder={DEFAULT_SHARED_PATH} />
      <fieldset className="field shared-local" aria-describedby={legendId}>
        <legend>Keep my own settings for</legend>
        <p id={legendId} className="field__hint">
          A ticked section uses what is set on this page, not the shared file.
        </p>
        {SHARED_SECTIONS.map((section) => (
          <label key={section} className="shared-local__option">
            <input type="checkbox" checked={form.sharedLocal.includes(section)} onChange={(event) => toggle(section, event.target.checked)} /> {SHARED_SECTION_LABELS[section]}
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button type="button" onClick={onRead} disabled={reading || !info}>
          {reading ? 'Reading…' : 'Read the file now'}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="shared-status">
        {info ? <SharedStatus info={info} now={now} /> : form.sharedProject ? <p className="lens-muted">Save to read the file.</p> : null}
      </div>
    </section>
  );
}

function SharedStatus({ info, now }: { info: SharedInfo; now: number }) {
  const where = `${info.source.path} on ${info.readRef} in ${info.source.project}`;
  if (info.error || info.problems) {
    return (
      <div className="status status--error">
        <p>
          Not in use: {info.error ?? `${where} is not a valid configuration (${info.problems!.length === 1 ? 'one problem' : `${info.problems!.length} problems`}).`} Read{' '}
          {timeAgo(info.readAt, now)}. The settings on this page apply meanwhile.
        </p>
        {info.problems ? (
          <ul>
            {info.problems.map((problem) => (
              <li key={`${problem.path}:${problem.message}`}>
                <code>{problem.path || 'file'}</code>: {problem.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  return (
    <div className="status status--success">
      <p>
        In use: {where}, read {timeAgo(info.readAt, now)}.
      </p>
      <p className="lens-muted">
        From the shared file: {info.inForce.length ? info.inForce.map(label).join(', ') : 'nothing (every section is kept local)'}.
        {info.local.length ? ` Local, overriding it: ${info.local.map(label).join(', ')}.` : ''}
      </p>
    </div>
  );
}

/** Above a section the shared file sets: the values below are kept, but not in use. */
export function SharedNotice({ info, section }: { info: SharedInfo | null; section: SharedSection }) {
  if (!info || !info.inForce.includes(section)) return null;
  return (
    <p className="status shared-notice" data-testid={`shared-notice-${section}`}>
      {SHARED_SECTION_LABELS[section]} comes from the shared configuration ({info.source.path} in {info.source.project}). What is set below is kept but not
      used; to use it, tick {SHARED_SECTION_LABELS[section]} under Shared configuration, Keep my own settings for.
    </p>
  );
}
