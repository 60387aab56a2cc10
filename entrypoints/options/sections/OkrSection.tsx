import { useCallback, useMemo, useRef } from 'react';
import { Field } from '../../../components/Field';
import { isOkrKey, okrCandidate, okrErrors, type OkrErrorKey, type OkrForm } from '../form';
import { SelectField } from './dri/controls';
import { ObjectivesEditor } from './okr/ObjectivesEditor';
import { useOkrPickers } from './okr/pickers';
import { placed, type OkrEditorProps } from './okr/shared';
import { messageFor, useFocusLater, useShownErrors, UnplacedErrors } from './section-kit';

interface Props {
  okr: OkrForm;
  /** The page's errors; those keyed by an OKR path (`okr.objectives.0.keyResults.1.target`) are shown here. */
  errors: Partial<Record<string, string>>;
  onChange: (okr: OkrForm) => void;
  /** The KPI settings' time zone as typed: quarters begin at midnight there (UTC while it is none). */
  timeZone?: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_CHOICES = MONTHS.map((month, index) => ({ value: String(index + 1), label: month }));

/**
 * The OKR editor (SPEC §5): how quarters are numbered, when a key result is at risk or off track,
 * and the objectives with their key results. Checked as the user types with the settings schema,
 * so messages show before Save; Save still goes through the background's validation.
 */
export function OkrSection({ okr, errors, onChange, timeZone }: Props) {
  const candidate = useMemo(() => okrCandidate(okr), [okr]);
  const local = useMemo(() => okrErrors(candidate), [candidate]);
  const shown = useShownErrors(errors, local, isOkrKey);
  const error = useCallback((key: OkrErrorKey, items?: readonly string[]) => messageFor(shown, key, items), [shown]);
  const unplaced = Object.entries(shown).filter(([key, message]) => message && !placed(key as OkrErrorKey, okr));
  const { pickers, refresh } = useOkrPickers();

  const root = useRef<HTMLElement>(null);
  const focusLater = useFocusLater(root);

  const editor: OkrEditorProps = { okr, onChange, error, focusLater };
  return (
    <section ref={root} aria-labelledby="okr-heading" className="options-section options-okr">
      <h2 id="okr-heading" tabIndex={-1}>
        OKRs
      </h2>
      <p className="field__hint options-section__intro">
        Objectives and key results per quarter, with their progress and status in the toolbar popup and on epic pages.
      </p>
      <UnplacedErrors messages={unplaced} />
      <h3 id="okr-quarters-heading" tabIndex={-1}>
        Quarters and status
      </h3>
      <SelectField
        label="Quarter start month"
        value={okr.quarterStartMonth}
        options={MONTH_CHOICES}
        onChange={(quarterStartMonth) => onChange({ ...okr, quarterStartMonth })}
        error={error('okr.quarterStartMonth')}
        hint="January: calendar quarters. Another month starts a fiscal year, named by the year it starts in (with February, 2026-Q1 is Feb–Apr 2026)."
      />
      <p className="field__hint okr-thresholds__intro">
        A key result&apos;s status compares its progress with the share of the quarter that has passed.
      </p>
      <div className="okr-thresholds">
        <Field
          label="At risk below"
          type="number"
          value={okr.atRiskBelow}
          onChange={(atRiskBelow) => onChange({ ...okr, atRiskBelow })}
          error={error('okr.thresholds.atRiskBelow') ?? error('okr.thresholds')}
          hint="A ratio of the expected progress: 0.9 marks a key result at risk below 90 % of where it should be by now."
        />
        <Field
          label="Off track below"
          type="number"
          value={okr.offTrackBelow}
          onChange={(offTrackBelow) => onChange({ ...okr, offTrackBelow })}
          error={error('okr.thresholds.offTrackBelow')}
          hint="Below this ratio a key result is off track, such as 0.7."
        />
      </div>
      <ObjectivesEditor {...editor} timeZone={timeZone} pickers={pickers} refreshPickers={refresh} now={new Date()} />
    </section>
  );
}
