// @vitest-environment happy-dom
/**
 * Protects the options page's Suggested DRI section (entrypoints/options/sections/DriSection.tsx):
 * every input is labelled with its message wired next to it, the seed button fills the three
 * common services and focuses what to type next, rows are added and removed by buttons that keep
 * the focus, and messages from the background's settings paths land next to their inputs.
 */
// Unit tests render through preact/compat (vitest.config.ts aliases react): its act() drives the renders.
import { act } from 'preact/test-utils';
import { useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { driCandidate, formFromSettings, type DriForm } from '../../../entrypoints/options/form';
import { DriSection } from '../../../entrypoints/options/sections/DriSection';
import { DEFAULT_SETTINGS, toPublicSettings, type Settings } from '../../../utils/settings';

let container: HTMLElement;
let root: Root | null = null;
/** The section's state as its parent (the options page) holds it. */
let current: DriForm;

function Harness({ initial, errors }: { initial: DriForm; errors: Record<string, string> }) {
  const [dri, setDri] = useState(initial);
  current = dri;
  return <DriSection dri={dri} errors={errors} onChange={setDri} />;
}

const formOf = (settings: Settings = DEFAULT_SETTINGS) => formFromSettings(toPublicSettings(settings)).dri;

async function render(initial = formOf(), errors: Record<string, string> = {}) {
  root = createRoot(container);
  await act(async () => root!.render(<Harness initial={initial} errors={errors} />));
}

beforeEach(() => {
  container = document.body.appendChild(document.createElement('div'));
});

afterEach(() => {
  if (root) act(() => root!.unmount());
  root = null;
  document.body.replaceChildren();
});

/** The control a label names, visually hidden or not. */
function control<T extends HTMLElement = HTMLInputElement>(label: string): T {
  const found = [...container.querySelectorAll('label')].find((l) => l.textContent === label);
  const element = found ? container.querySelector<T>(`#${CSS.escape(found.htmlFor)}`) : null;
  if (!element) throw new Error(`no control labelled ${label}`);
  return element;
}

const hasControl = (label: string) => [...container.querySelectorAll('label')].some((l) => l.textContent === label);

function button(name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

const hasButton = (name: string) => [...container.querySelectorAll('button')].some((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);

async function press(name: string): Promise<void> {
  const target = button(name);
  await act(async () => {
    target.focus();
    target.click();
  });
}

async function type(label: string, value: string): Promise<void> {
  const input = control(label);
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** The error message wired to a control (its hint, if any, is left out). */
function messageOf(element: HTMLElement): string | null {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? [];
  const texts = ids
    .map((id) => document.getElementById(id))
    .filter((node) => node?.classList.contains('field__error'))
    .map((node) => node!.textContent ?? '');
  return texts.length ? texts.join(' ') : null;
}

const WITH_SERVICES: Settings = {
  ...DEFAULT_SETTINGS,
  dri: {
    ...DEFAULT_SETTINGS.dri,
    services: [
      { name: 'Redis', dris: ['ada'], labels: ['Service::Redis'], words: ['redis'] },
      { name: 'Billing', dris: ['bob'], labels: [], words: ['invoice'] },
      { name: 'Search', dris: ['carol'], labels: ['Service::Search'], words: [] },
    ],
    capacity: { defaultWeight: 10, unit: 'milestone', people: [{ username: 'ada', weight: 20 }] },
  },
};

describe('suggested DRI section', () => {
  it('is a section headed "Suggested DRI" whose inputs all have names', async () => {
    await render(formOf(WITH_SERVICES));
    const section = container.querySelector('section')!;
    expect(section.getAttribute('aria-labelledby')).toBe('dri-heading');
    expect(document.getElementById('dri-heading')?.textContent).toBe('Suggested DRI');
    for (const element of section.querySelectorAll<HTMLElement>('input, select')) {
      const labelled = element.id && section.querySelector(`label[for="${CSS.escape(element.id)}"]`);
      expect(labelled, element.id).toBeTruthy();
    }
    for (const element of section.querySelectorAll('button')) {
      expect(element.getAttribute('type')).toBe('button');
      expect((element.getAttribute('aria-label') ?? element.textContent ?? '').trim()).not.toBe('');
    }
    expect(control('Service 1 name').value).toBe('Redis');
    expect(control('Service 1 DRIs').value).toBe('ada');
    expect(control('Service 1 labels').value).toBe('Service::Redis');
    expect(control('Service 2 words').value).toBe('invoice');
    expect(control('Person 1 username').value).toBe('ada');
    expect(control('Person 1 weight').value).toBe('20');
    expect(control('Default capacity (weight)').value).toBe('10');
    const unit = control<HTMLSelectElement>('Capacity unit');
    expect([...unit.options].map((o) => [o.value, o.textContent])).toEqual([
      ['milestone', 'per milestone'],
      ['week', 'per week'],
    ]);
    expect(control('Simple issue labels').value).toBe('good first issue');
    expect(control('Simple issue max weight').value).toBe('1');
    expect(control('Onboarding window (days)').value).toBe('30');
    expect(control('History window (days)').value).toBe('180');
    // The DRIs column's format is read with each DRIs input.
    expect(control('Service 1 DRIs').getAttribute('aria-describedby')).toContain('dri-services-dris-hint');
    expect(hasButton('Remove service Redis')).toBe(true);
    expect(hasButton('Remove person ada')).toBe(true);
    // With services in the registry, there is nothing to seed.
    expect(hasButton('Start from PostgreSQL, Redis and Prometheus')).toBe(false);
  });

  it('seeds the three common services from an empty registry and asks for their DRIs', async () => {
    await render();
    expect(container.textContent).toContain('No services yet');
    await press('Start from PostgreSQL, Redis and Prometheus');
    expect(current.services.map((service) => service.name)).toEqual(['PostgreSQL', 'Redis', 'Prometheus']);
    expect(control('Service 2 labels').value).toBe('Service::Redis');
    expect(control('Service 3 words').value).toBe('prometheus, promql');
    expect(document.activeElement).toBe(control('Service 1 DRIs'));
    for (const n of [1, 2, 3]) {
      expect(control(`Service ${n} DRIs`).getAttribute('aria-invalid')).toBe('true');
      expect(messageOf(control(`Service ${n} DRIs`))).toBe('Name at least one DRI.');
    }
    expect(hasButton('Start from PostgreSQL, Redis and Prometheus')).toBe(false);

    await type('Service 1 DRIs', '@ada bob');
    expect(control('Service 1 DRIs').getAttribute('aria-invalid')).toBeNull();
    expect(driCandidate(current).services[0]!.dris).toEqual(['@ada', 'bob']);
  });

  it('removes a service row, moving the focus to the next row, and empties the registry', async () => {
    await render(formOf(WITH_SERVICES));
    await press('Remove service Billing');
    expect(current.services.map((service) => service.name)).toEqual(['Redis', 'Search']);
    expect(control('Service 2 name').value).toBe('Search');
    expect(hasControl('Service 3 name')).toBe(false);
    expect(document.activeElement).toBe(button('Remove service Search'));
    await press('Remove service Search');
    // The last row gone: the focus goes to the row before.
    expect(document.activeElement).toBe(button('Remove service Redis'));
    await press('Remove service Redis');
    expect(current.services).toEqual([]);
    expect(document.activeElement).toBe(button('Add service'));
    expect(hasButton('Start from PostgreSQL, Redis and Prometheus')).toBe(true);
  });

  it('adds a service and a person, focusing what to type next', async () => {
    await render(formOf(WITH_SERVICES));
    await press('Add service');
    expect(document.activeElement).toBe(control('Service 4 name'));
    expect(messageOf(control('Service 4 name'))).toBe('Enter a name.');
    expect(hasButton('Remove service 4')).toBe(true);
    await type('Service 4 name', 'Redis');
    expect(messageOf(control('Service 4 name'))).toBe('Two services have this name.');
    await type('Service 4 name', 'Gitaly');
    await type('Service 4 DRIs', 'dave');
    expect(messageOf(control('Service 4 labels'))).toBe('Add a label or a word that names this service.');
    await type('Service 4 words', 'gitaly, praefect');
    expect(messageOf(control('Service 4 labels'))).toBeNull();
    expect(driCandidate(current).services[3]).toEqual({ name: 'Gitaly', dris: ['dave'], labels: [], words: ['gitaly', 'praefect'] });

    await press('Add person');
    expect(document.activeElement).toBe(control('Person 2 username'));
    expect(control('Person 2 weight').value).toBe('10');
    await type('Person 2 username', '@ADA');
    expect(messageOf(control('Person 2 username'))).toBe('This person already has a capacity.');
    await type('Person 2 username', 'bob');
    await type('Person 2 weight', '');
    expect(messageOf(control('Person 2 weight'))).toBe('Enter a number.');
    await press('Remove person bob');
    expect(current.people.map((person) => person.username)).toEqual(['ada']);
    expect(document.activeElement).toBe(button('Remove person ada'));
  });

  it('names the username a DRIs message is about', async () => {
    await render(formOf(WITH_SERVICES));
    await type('Service 1 DRIs', 'ada, bob!');
    expect(messageOf(control('Service 1 DRIs'))).toMatch(/^"bob!": Not a GitLab username/);
  });

  it('shows the page errors of DRI paths next to their inputs, and the rest at the top', async () => {
    await render(formOf(WITH_SERVICES), {
      'dri.services.1.dris': 'Name at least one DRI.',
      'dri.capacity.people.0.username': 'Not a member of the team.',
      'dri.onboardingDays': 'At least 1 day.',
      'dri.capacity': 'Something else is wrong.',
      'allocation.rules.0.value': 'Not for this section.',
    });
    expect(messageOf(control('Service 2 DRIs'))).toBe('Name at least one DRI.');
    expect(control('Service 2 DRIs').getAttribute('aria-invalid')).toBe('true');
    expect(messageOf(control('Person 1 username'))).toBe('Not a member of the team.');
    expect(messageOf(control('Onboarding window (days)'))).toBe('At least 1 day.');
    const top = container.querySelector('section > .field__error[role="alert"]');
    expect(top?.textContent).toBe('Something else is wrong.');
    expect(container.textContent).not.toContain('Not for this section.');
  });
});
