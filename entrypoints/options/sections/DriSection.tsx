import { useCallback, useMemo, useRef } from 'react';
import { Field } from '../../../components/Field';
import { driCandidate, driErrors, isDriKey, type DriErrorKey, type DriForm } from '../form';
import { CapacityEditor } from './dri/CapacityEditor';
import { ServicesEditor } from './dri/ServicesEditor';
import type { DriEditorProps } from './dri/shared';
import { messageFor, useFocusLater, useShownErrors, UnplacedErrors } from './section-kit';

interface Props {
  dri: DriForm;
  /** The page's errors; those keyed by a DRI path (`dri.services.0.dris`) are shown here. */
  errors: Partial<Record<string, string>>;
  onChange: (dri: DriForm) => void;
}

/**
 * Suggested DRI (SPEC §4): the service registry, capacity for the load check, what makes an
 * issue simple, and the look-back windows. Checked as the user types with the settings schema,
 * so messages show before Save; Save still goes through the background's validation.
 */
export function DriSection({ dri, errors, onChange }: Props) {
  const candidate = useMemo(() => driCandidate(dri), [dri]);
  const local = useMemo(() => driErrors(candidate), [candidate]);
  const shown = useShownErrors(errors, local, isDriKey);
  const error = useCallback((key: DriErrorKey, items?: readonly string[]) => messageFor(shown, key, items), [shown]);
  const unplaced = Object.entries(shown).filter(([key]) => !placed(key as DriErrorKey, dri));

  const root = useRef<HTMLElement>(null);
  const focusLater = useFocusLater(root);

  const editor: DriEditorProps = { dri, candidate, onChange, error, focusLater };
  return (
    <section ref={root} aria-labelledby="dri-heading" className="options-section options-dri">
      <h2 id="dri-heading" tabIndex={-1}>
        Suggested DRI
      </h2>
      <p className="field__hint options-section__intro">
        On an issue page, the Suggested DRI panel ranks up to three people with reasons: the DRIs of the services the
        issue names, code owners of the paths it touches, who worked on issues with the same labels, and how loaded each
        person is.
      </p>
      <UnplacedErrors messages={unplaced} />
      <ServicesEditor {...editor} />
      <CapacityEditor {...editor} />
      <SimpleIssues dri={dri} candidate={candidate} onChange={onChange} error={error} />
    </section>
  );
}

function SimpleIssues({ dri, candidate, onChange, error }: Omit<DriEditorProps, 'focusLater'>) {
  return (
    <>
      <h3 id="dri-simple-heading" tabIndex={-1}>
        Simple issues and history
      </h3>
      <p className="field__hint options-section__intro">
        For a simple issue the panel also lists members who joined recently, as onboarding candidates: new engineers
        start with simple practice work.
      </p>
      <Field
        label="Simple issue labels"
        value={dri.simpleLabels}
        onChange={(simpleLabels) => onChange({ ...dri, simpleLabels })}
        error={error('dri.simpleLabels', candidate.simpleLabels)}
        hint="Comma separated, any case. An issue with one of these labels is simple."
      />
      <Field
        label="Simple issue max weight"
        type="number"
        value={dri.simpleMaxWeight}
        onChange={(simpleMaxWeight) => onChange({ ...dri, simpleMaxWeight })}
        error={error('dri.simpleMaxWeight')}
        hint="An issue with a weight of at most this is simple too."
      />
      <Field
        label="Onboarding window (days)"
        type="number"
        value={dri.onboardingDays}
        onChange={(onboardingDays) => onChange({ ...dri, onboardingDays })}
        error={error('dri.onboardingDays')}
        hint="Members who joined within this many days are onboarding candidates."
      />
      <Field
        label="History window (days)"
        type="number"
        value={dri.historyDays}
        onChange={(historyDays) => onChange({ ...dri, historyDays })}
        error={error('dri.historyDays')}
        hint="Who closed issues, or merged MRs for them, with the same labels within this many days; recent work counts more."
      />
    </>
  );
}


/** Whether the section shows this path's message next to an input (else it shows at the top). */
function placed(key: DriErrorKey, dri: DriForm): boolean {
  const service = /^dri\.services\.(\d+)\.(name|dris|labels|words)(?:\.\d+)?$/.exec(key);
  if (service) return Number(service[1]) < dri.services.length;
  const person = /^dri\.capacity\.people\.(\d+)\.(username|weight)$/.exec(key);
  if (person) return Number(person[1]) < dri.people.length;
  // A list's own message, or an item's of a list shown as one input (`dri.simpleLabels.2`).
  if (/^dri\.(?:services|capacity\.people|simpleLabels)(?:\.\d+)?$/.test(key)) return true;
  return ['dri.capacity.defaultWeight', 'dri.capacity.unit', 'dri.simpleMaxWeight', 'dri.onboardingDays', 'dri.historyDays'].includes(key);
}
