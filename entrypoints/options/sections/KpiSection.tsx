import { Field } from '../../../components/Field';
import type { FormState, TextField } from '../form';

interface Props {
  form: FormState;
  errors: Partial<Record<TextField, string>>;
  onChange: (patch: Partial<FormState>) => void;
}

const TARGETS: Array<{ key: TextField; label: string; hint: string }> = [
  { key: 'onTimePercent', label: 'On-time target (%)', hint: 'Share of issues closed by their due date.' },
  { key: 'completePercent', label: 'Complete target (%)', hint: 'Share of milestone issues closed by the milestone due date.' },
  { key: 'mttrHours', label: 'MTTR target (hours)', hint: 'Mean time to restore; lower is better.' },
  { key: 'mtbfDays', label: 'MTBF target (days)', hint: 'Mean time between failures; higher is better.' },
  { key: 'mrRate', label: 'MR rate target (/eng/mo)', hint: 'Merged merge requests per engineer per month.' },
  { key: 'techContribution', label: 'Tech contribution target (/eng/mo)', hint: 'Engineering-led merged MRs per engineer per month.' },
];

/** KPI window, time zone, failure definition and targets (SPEC §2: all configurable). */
export function KpiSection({ form, errors, onChange }: Props) {
  return (
    <section aria-labelledby="kpi-heading" className="options-section">
      <h2 id="kpi-heading" tabIndex={-1}>
        KPIs
      </h2>
      <Field
        label="Window (days)"
        type="number"
        value={form.windowDays}
        onChange={(windowDays) => onChange({ windowDays })}
        error={errors.windowDays}
        hint="KPIs cover this many days up to today."
      />
      <Field
        label="Time zone"
        value={form.timeZone}
        onChange={(timeZone) => onChange({ timeZone })}
        error={errors.timeZone}
        hint="A due day ends at midnight in this zone (e.g. UTC, Europe/Berlin, America/New_York)."
      />
      <Field
        label="Due soon (days)"
        type="number"
        value={form.dueSoonDays}
        onChange={(dueSoonDays) => onChange({ dueSoonDays })}
        error={errors.dueSoonDays}
        hint={'Open issues due within this many days show "due in N d".'}
      />
      <h3 id="kpi-failures-heading" tabIndex={-1}>
        Failures
      </h3>
      <Field
        label="Failure labels"
        multiline
        value={form.failureLabelSets}
        onChange={(failureLabelSets) => onChange({ failureLabelSets })}
        error={errors.failureLabelSets}
        hint="One rule per line; an issue is a failure when it has every label of a line (comma-separated). Used by MTTR and MTBF."
      />
      <div className="field field--checkbox">
        <label>
          <input
            type="checkbox"
            checked={form.incidentTypeIsFailure}
            onChange={(event) => onChange({ incidentTypeIsFailure: event.target.checked })}
          />{' '}
          Incidents (issue type incident) are failures
        </label>
      </div>
      <Field
        label="Outage labels"
        value={form.outageLabels}
        onChange={(outageLabels) => onChange({ outageLabels })}
        error={errors.outageLabels}
        hint="Comma-separated. A failure with one of these labels, or of issue type incident, is an outage: only the time outages are open counts as MTBF downtime. Other failures (such as severity bugs) still count as failures, with no downtime."
      />
      <h3 id="kpi-targets-heading" tabIndex={-1}>
        Targets
      </h3>
      <p className="field__hint options-section__intro">A badge is green when its KPI meets the target, amber when it is close.</p>
      {TARGETS.map(({ key, label, hint }) => (
        <Field
          key={key}
          label={label}
          type="number"
          value={form[key]}
          onChange={(value) => onChange({ [key]: value })}
          error={errors[key]}
          hint={hint}
        />
      ))}
    </section>
  );
}
