import { RowButton } from '../allocation/RowControls';
import { DriInput } from './controls';
import { addService, removeService, seedServices, updateService } from './edit';
import { serviceName, type DriEditorProps } from './shared';

/** Column formats, read as each row input's description too. */
const HINTS = {
  dris: { id: 'dri-services-dris-hint', text: 'usernames, comma or space separated' },
  labels: { id: 'dri-services-labels-hint', text: 'comma separated' },
  words: { id: 'dri-services-words-hint', text: 'comma separated, whole words' },
} as const;

/** The service registry: a name, DRIs, and the labels and words that name each service. */
export function ServicesEditor({ dri, candidate, onChange, error, focusLater }: DriEditorProps) {
  const { services } = dri;
  const onRemove = (index: number) => {
    const next = services[index + 1] ?? services[index - 1];
    onChange(removeService(dri, services[index]!.key));
    focusLater(next ? `service:${next.key}:remove` : 'service:add');
  };
  const onAdd = () => {
    const { dri: next, added } = addService(dri);
    onChange(next);
    focusLater(`service:${added.key}:name`);
  };
  const onSeed = () => {
    const next = seedServices(dri);
    onChange(next);
    // The seeds come without DRIs: the first one to fill in.
    focusLater(`service:${next.services[services.length]!.key}:dris`);
  };

  return (
    <>
      <h3 id="dri-services-heading" tabIndex={-1}>
        Service registry
      </h3>
      <p className="field__hint options-section__intro">
        Shared services and who is DRI for each. An issue names a service when it has one of its labels (any case), or
        one of its words appears as a whole word in its title or description; the service&apos;s DRIs are then suggested.
      </p>
      {services.length ? (
        <div className="allocation-rows dri-rows dri-rows--services">
          <div className="allocation-row allocation-row__head" aria-hidden="true">
            <span>Service</span>
            <span>
              DRIs <span id={HINTS.dris.id} className="dri-rows__format">{HINTS.dris.text}</span>
            </span>
            <span>
              Match labels <span id={HINTS.labels.id} className="dri-rows__format">{HINTS.labels.text}</span>
            </span>
            <span>
              Match words <span id={HINTS.words.id} className="dri-rows__format">{HINTS.words.text}</span>
            </span>
          </div>
          <ul aria-label="Services">
            {services.map((service, index) => {
              const n = index + 1;
              const items = candidate.services[index];
              const update = (patch: Parameters<typeof updateService>[2]) => onChange(updateService(dri, service.key, patch));
              return (
                <li key={service.key} className="allocation-row">
                  <DriInput
                    label={`Service ${n} name`}
                    value={service.name}
                    onChange={(name) => update({ name })}
                    error={error(`dri.services.${index}.name`)}
                    focusId={`service:${service.key}:name`}
                  />
                  <DriInput
                    label={`Service ${n} DRIs`}
                    value={service.dris}
                    placeholder="@ada, @grace"
                    onChange={(dris) => update({ dris })}
                    error={error(`dri.services.${index}.dris`, items?.dris)}
                    hintId={HINTS.dris.id}
                    focusId={`service:${service.key}:dris`}
                  />
                  <DriInput
                    label={`Service ${n} labels`}
                    value={service.labels}
                    placeholder="Service::Redis"
                    onChange={(labels) => update({ labels })}
                    error={error(`dri.services.${index}.labels`, items?.labels)}
                    hintId={HINTS.labels.id}
                  />
                  <DriInput
                    label={`Service ${n} words`}
                    value={service.words}
                    placeholder="redis, sidekiq"
                    onChange={(words) => update({ words })}
                    error={error(`dri.services.${index}.words`, items?.words)}
                    hintId={HINTS.words.id}
                  />
                  <div className="allocation-row__actions">
                    <RowButton name={`Remove service ${serviceName(service.name, index)}`} onClick={() => onRemove(index)} focusId={`service:${service.key}:remove`}>
                      Remove
                    </RowButton>
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      ) : (
        <p className="field__hint">No services yet: suggestions come from code owners, history and load only.</p>
      )}
      {error('dri.services') ? (
        <p className="field__error" role="alert">
          {error('dri.services')}
        </p>
      ) : null}
      <div className="actions allocation-add">
        {services.length ? null : (
          <button type="button" data-focus-id="service:seed" onClick={onSeed}>
            Start from PostgreSQL, Redis and Prometheus
          </button>
        )}
        <button type="button" data-focus-id="service:add" onClick={onAdd}>
          Add service
        </button>
      </div>
    </>
  );
}
