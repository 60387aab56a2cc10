/** Pure edits of the DRI section's rows (entrypoints/options/form.ts DriForm). */
import { SEED_SERVICES } from '../../../../utils/dri/services';
import type { DriForm, PersonRow, ServiceRow } from '../../form';

/** `<prefix>-<n>` that no row has yet, n starting after the row count. */
function freshKey(prefix: string, rows: readonly { key: string }[]): string {
  const keys = new Set(rows.map((row) => row.key));
  let n = rows.length + 1;
  while (keys.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/** Appends an empty service for the user to name. */
export function addService(dri: DriForm): { dri: DriForm; added: ServiceRow } {
  const added: ServiceRow = { key: freshKey('service', dri.services), name: '', dris: '', labels: '', words: '' };
  return { dri: { ...dri, services: [...dri.services, added] }, added };
}

/**
 * Appends copies of SEED_SERVICES (PostgreSQL, Redis, Prometheus) with their labels and words;
 * their DRIs are left empty, so validation asks for them.
 */
export function seedServices(dri: DriForm): DriForm {
  const services = [...dri.services];
  for (const seed of SEED_SERVICES) {
    services.push({ key: freshKey('service', services), name: seed.name, dris: seed.dris.join(', '), labels: seed.labels.join(', '), words: seed.words.join(', ') });
  }
  return { ...dri, services };
}

export function updateService(dri: DriForm, key: string, patch: Partial<Omit<ServiceRow, 'key'>>): DriForm {
  return { ...dri, services: dri.services.map((service) => (service.key === key ? { ...service, ...patch } : service)) };
}

export function removeService(dri: DriForm, key: string): DriForm {
  return { ...dri, services: dri.services.filter((service) => service.key !== key) };
}

/** Appends a person with the default capacity as a starting weight. */
export function addPerson(dri: DriForm): { dri: DriForm; added: PersonRow } {
  const added: PersonRow = { key: freshKey('person', dri.people), username: '', weight: dri.defaultWeight };
  return { dri: { ...dri, people: [...dri.people, added] }, added };
}

export function updatePerson(dri: DriForm, key: string, patch: Partial<Omit<PersonRow, 'key'>>): DriForm {
  return { ...dri, people: dri.people.map((person) => (person.key === key ? { ...person, ...patch } : person)) };
}

export function removePerson(dri: DriForm, key: string): DriForm {
  return { ...dri, people: dri.people.filter((person) => person.key !== key) };
}
