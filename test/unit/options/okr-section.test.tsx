// @vitest-environment happy-dom
/**
 * Protects the options page's OKR editor (entrypoints/options/sections/OkrSection.tsx): every
 * control is labelled with the row it belongs to, each kind shows its own fields (the KPI target
 * with its unit), messages land next to their inputs as typed and from the background's settings
 * paths, rows are added and removed by buttons that keep the focus, and the pickers offer the
 * cached epics and labels (and the editor still works when they cannot be read).
 */
// Unit tests render through preact/compat (vitest.config.ts aliases react): its act() drives the renders.
import { act } from 'preact/test-utils';
import { useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formFromSettings, okrCandidate, type OkrForm } from '../../../entrypoints/options/form';
import { OkrSection } from '../../../entrypoints/options/sections/OkrSection';
import { currentQuarter } from '../../../utils/okr/quarter';
import { DEFAULT_SETTINGS, toPublicSettings, type Settings } from '../../../utils/settings';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('../../../utils/send-message', () => ({ sendMessage }));

const PICKERS = {
  epics: [
    { group: 'lens-demo', iid: 1, title: 'Platform reliability' },
    { group: 'lens-demo', iid: 3, title: 'Database resilience' },
  ],
  labels: ['frontend', 'type::bug', 'type::feature'],
};

let container: HTMLElement;
let root: Root | null = null;
/** The section's state as its parent (the options page) holds it. */
let current: OkrForm;

function Harness({ initial, errors }: { initial: OkrForm; errors: Record<string, string> }) {
  const [okr, setOkr] = useState(initial);
  current = okr;
  return <OkrSection okr={okr} errors={errors} onChange={setOkr} timeZone="UTC" />;
}

const formOf = (settings: Settings = DEFAULT_SETTINGS) => formFromSettings(toPublicSettings(settings)).okr;

async function render(initial = formOf(), errors: Record<string, string> = {}) {
  root = createRoot(container);
  await act(async () => root!.render(<Harness initial={initial} errors={errors} />));
  // The pickers' answer.
  await act(async () => {
    await Promise.resolve();
  });
}

beforeEach(() => {
  sendMessage.mockReset();
  sendMessage.mockImplementation(async (name: string) => {
    if (name === 'ui:okr-pickers') return PICKERS;
    throw new Error(`unexpected message ${name}`);
  });
  container = document.body.appendChild(document.createElement('div'));
});

afterEach(() => {
  if (root) act(() => root!.unmount());
  root = null;
  document.body.replaceChildren();
});

/** The control a label names (its visually hidden row name included). */
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

async function choose(label: string, value: string): Promise<void> {
  const select = control<HTMLSelectElement>(label);
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** The texts an element's aria-describedby points at, by class: its unit, hint and message. */
function described(element: HTMLElement, className: string): string | null {
  const texts = (element.getAttribute('aria-describedby')?.split(' ') ?? [])
    .map((id) => document.getElementById(id))
    .filter((node) => node?.classList.contains(className))
    .map((node) => node!.textContent ?? '');
  return texts.length ? texts.join(' ') : null;
}
const messageOf = (element: HTMLElement) => described(element, 'field__error');

const WITH_OKRS: Settings = {
  ...DEFAULT_SETTINGS,
  okr: {
    quarterStartMonth: 1,
    thresholds: { atRiskBelow: 0.9, offTrackBelow: 0.7 },
    objectives: [
      {
        id: 'reliability',
        quarter: '2026-Q2',
        title: 'Ship reliably',
        keyResults: [
          { id: 'kr-1', kind: 'kpi', title: 'On-time at 85 %', kpi: 'on-time', target: 85, direction: 'increase' },
          { id: 'kr-2', kind: 'epic', title: 'Database resilience', epic: { group: 'lens-demo', iid: 3 } },
          { id: 'kr-3', kind: 'label', title: 'Bugs closed', labels: ['type::bug'], projects: [] },
          { id: 'kr-4', kind: 'manual', title: 'Engineers hired', unit: 'engineers', start: 0, target: 6, history: [{ date: '2026-05-02', value: 4 }] },
        ],
      },
    ],
  },
};

describe('OKR section', () => {
  it('is a section headed "OKRs" whose controls are all labelled with their row', async () => {
    await render(formOf(WITH_OKRS));
    const section = container.querySelector('section')!;
    expect(section.getAttribute('aria-labelledby')).toBe('okr-heading');
    expect(document.getElementById('okr-heading')?.textContent).toBe('OKRs');
    expect(document.getElementById('okr-quarters-heading')?.textContent).toBe('Quarters and status');
    expect(document.getElementById('okr-objectives-heading')?.textContent).toBe('Objectives');
    for (const element of section.querySelectorAll<HTMLElement>('input, select')) {
      const labelled = element.id && section.querySelector(`label[for="${CSS.escape(element.id)}"]`);
      expect(labelled, element.id).toBeTruthy();
    }
    for (const element of section.querySelectorAll('button')) {
      expect(element.getAttribute('type')).toBe('button');
      expect((element.getAttribute('aria-label') ?? element.textContent ?? '').trim()).not.toBe('');
    }
    expect(control<HTMLSelectElement>('Quarter start month').value).toBe('1');
    expect(control('At risk below').value).toBe('0.9');
    expect(control('Off track below').value).toBe('0.7');
    expect(control('Objective 1 Title').value).toBe('Ship reliably');
    expect(control<HTMLSelectElement>('Objective 1 Quarter').value).toBe('2026-Q2');
    // KPI: the six KPIs, the target in the KPI's unit, read with the field.
    const kpi = control<HTMLSelectElement>('Key result 1.1 KPI');
    expect([...kpi.options].map((o) => o.textContent)).toEqual(['On-time', 'Complete', 'MTTR', 'MTBF', 'MR rate', 'Tech contribution']);
    expect(control('Key result 1.1 Target').value).toBe('85');
    expect(described(control('Key result 1.1 Target'), 'okr-cell__unit')).toBe('%');
    expect(control<HTMLSelectElement>('Key result 1.1 Direction').value).toBe('increase');
    expect(control('Key result 1.1 Baseline').value).toBe('');
    // Epic, label query, manual: each kind's own fields, and no other kind's.
    expect(control('Key result 1.2 Epic').value).toBe('lens-demo&3');
    expect(described(control('Key result 1.2 Epic'), 'field__hint')).toBe('Database resilience');
    expect(hasControl('Key result 1.2 Target')).toBe(false);
    expect(control('Key result 1.3 Labels').value).toBe('type::bug');
    expect(control('Key result 1.3 Projects').value).toBe('');
    expect(control('Key result 1.4 Unit').value).toBe('engineers');
    expect(control('Key result 1.4 Target').value).toBe('6');
    expect(described(control('Key result 1.4 Target'), 'okr-cell__unit')).toBe('engineers');
    expect(control('Key result 1.4 update 1 Date').value).toBe('2026-05-02');
    expect(control('Key result 1.4 update 1 Value').value).toBe('4');
    expect(section.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
  });

  it('shows the unit of the KPI chosen, and moves the direction with it', async () => {
    await render(formOf(WITH_OKRS));
    await choose('Key result 1.1 KPI', 'mttr');
    expect(described(control('Key result 1.1 Target'), 'okr-cell__unit')).toBe('hours');
    expect(control<HTMLSelectElement>('Key result 1.1 Direction').value).toBe('decrease');
    await choose('Key result 1.1 KPI', 'mr-rate');
    expect(described(control('Key result 1.1 Baseline'), 'okr-cell__unit')).toBe('MRs / engineer / month');
    expect(control<HTMLSelectElement>('Key result 1.1 Direction').value).toBe('increase');
  });

  it('shows each message next to its field as typed', async () => {
    await render(formOf(WITH_OKRS));
    await type('Objective 1 Title', '');
    expect(messageOf(control('Objective 1 Title'))).toBe('Enter a title.');
    expect(control('Objective 1 Title').getAttribute('aria-invalid')).toBe('true');
    await type('Key result 1.1 Target', '-5');
    expect(messageOf(control('Key result 1.1 Target'))).toBe('On-time is a percentage: enter 0 to 100.');
    await type('Key result 1.2 Epic', 'lens-demo');
    expect(messageOf(control('Key result 1.2 Epic'))).toBe("Enter the epic's number (the digits after &).");
    await type('Key result 1.3 Labels', ' , ');
    expect(messageOf(control('Key result 1.3 Labels'))).toBe('Add at least one label.');
    await type('Key result 1.4 Target', '0');
    expect(messageOf(control('Key result 1.4 Target'))).toBe('The target equals the start value: set where the key result should end.');
    await type('At risk below', '1.5');
    expect(messageOf(control('At risk below'))).toBe('A ratio from 0 to 1, such as 0.9 for 90 % of the expected progress.');
    // Fixed, each message goes.
    await type('Objective 1 Title', 'Ship reliably');
    await type('Key result 1.1 Target', '90');
    expect(messageOf(control('Objective 1 Title'))).toBeNull();
    expect(messageOf(control('Key result 1.1 Target'))).toBeNull();
  });

  it("puts the background's messages next to their inputs by settings path, and the rest at the top", async () => {
    await render(formOf(WITH_OKRS), {
      'okr.objectives.0.keyResults.0.kpi': 'Choose a KPI: On-time, Complete, MTTR, MTBF, MR rate or Tech contribution.',
      'okr.objectives.0.keyResults.3.history.0.date': 'Outside 2026-Q2 (2026-04-01 to 2026-06-30): enter a date from 2026-04-01 to 2026-07-31.',
      'okr.objectives.0.keyResults.2.labels.0': 'A label cannot be blank.',
      'okr.objectives.7.title': 'Enter a title.',
      gitlabUrl: 'Not ours to show.',
    });
    expect(messageOf(control('Key result 1.1 KPI'))).toBe('Choose a KPI: On-time, Complete, MTTR, MTBF, MR rate or Tech contribution.');
    expect(messageOf(control('Key result 1.4 update 1 Date'))).toMatch(/^Outside 2026-Q2/);
    expect(messageOf(control('Key result 1.3 Labels'))).toBe('"type::bug": A label cannot be blank.');
    const top = container.querySelector('section > .field__error[role="alert"]');
    expect(top?.textContent).toBe('Enter a title.');
  });

  it('adds an objective in the current quarter and key results of each kind, focusing what to type next', async () => {
    await render();
    expect(container.textContent).toContain('No objectives yet.');
    await press('Add objective');
    expect(document.activeElement).toBe(control('Objective 1 Title'));
    const quarter = control<HTMLSelectElement>('Objective 1 Quarter');
    expect(quarter.value).toBe(currentQuarter(new Date(), 1, 'UTC').id);
    expect(quarter.options).toHaveLength(4);
    expect(messageOf(control('Objective 1 Title'))).toBe('Enter a title.');
    await type('Objective 1 Title', 'Grow the team');

    await press('Add key result to objective 1');
    expect(document.activeElement).toBe(control('Key result 1.1 Title'));
    expect(control<HTMLSelectElement>('Key result 1.1 Kind').value).toBe('kpi');
    await type('Key result 1.1 Title', 'Engineers hired');
    await choose('Key result 1.1 Kind', 'manual');
    await type('Key result 1.1 Unit', 'engineers');
    await type('Key result 1.1 Target', '6');
    expect(container.textContent).toContain('No updates yet');
    await press('Add update to key result 1.1');
    expect(document.activeElement).toBe(control('Key result 1.1 update 1 Value'));
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    expect(control('Key result 1.1 update 1 Date').value).toBe(today);
    await type('Key result 1.1 update 1 Value', '4');

    const candidate = okrCandidate(current) as { objectives: Array<{ quarter: string; title: string; keyResults: unknown[] }> };
    expect(candidate.objectives[0]).toMatchObject({ quarter: quarter.value, title: 'Grow the team' });
    expect(candidate.objectives[0]!.keyResults).toEqual([
      { id: 'kr-1', title: 'Engineers hired', kind: 'manual', unit: 'engineers', start: 0, target: 6, history: [{ date: today, value: 4 }] },
    ]);
    expect(container.querySelectorAll('section [aria-invalid="true"]')).toHaveLength(0);
  });

  it('removes updates, key results and objectives, moving the focus to the next row or the add button', async () => {
    await render(formOf(WITH_OKRS));
    await press('Remove update 1 of key result 1.4');
    expect(document.activeElement).toBe(button('Add update to key result 1.4'));
    await press('Remove key result 1.2');
    expect(current.objectives[0]!.keyResults.map((kr) => kr.title)).toEqual(['On-time at 85 %', 'Bugs closed', 'Engineers hired']);
    expect(document.activeElement).toBe(button('Remove key result 1.2'));
    expect(control('Key result 1.2 Labels').value).toBe('type::bug');
    await press('Remove key result 1.3');
    expect(document.activeElement).toBe(button('Remove key result 1.2'));
    await press('Remove key result 1.2');
    await press('Remove key result 1.1');
    expect(document.activeElement).toBe(button('Add key result to objective 1'));
    await press('Remove objective 1');
    expect(current.objectives).toEqual([]);
    expect(document.activeElement).toBe(button('Add objective'));
  });

  it('offers the cached epics and labels; a label suggestion adds to what is typed', async () => {
    await render(formOf(WITH_OKRS));
    expect(sendMessage).toHaveBeenCalledWith('ui:okr-pickers', {});
    const epic = control('Key result 1.2 Epic');
    const epics = document.getElementById(epic.getAttribute('list')!)!;
    expect([...epics.querySelectorAll('option')].map((o) => [o.value, o.getAttribute('label')])).toEqual([
      ['lens-demo&1', '&1 Platform reliability'],
      ['lens-demo&3', '&3 Database resilience'],
    ]);
    await type('Key result 1.2 Epic', 'lens-demo&9');
    expect(described(control('Key result 1.2 Epic'), 'field__hint')).toMatch(/^Not among the cached epics/);
    // Pasting an epic's URL names it too.
    await type('Key result 1.2 Epic', 'https://gitlab.example.com/groups/lens-demo/-/epics/1');
    expect(described(control('Key result 1.2 Epic'), 'field__hint')).toBe('Platform reliability');

    const labels = control('Key result 1.3 Labels');
    const options = () => [...document.getElementById(labels.getAttribute('list')!)!.querySelectorAll('option')].map((o) => o.value);
    expect(options()).toEqual(['frontend', 'type::bug', 'type::feature']);
    await type('Key result 1.3 Labels', 'type::bug, fr');
    expect(options()).toEqual(['type::bug, frontend', 'type::bug, type::feature']);
  });

  it('still edits when the pickers cannot be read: the fields take what is typed', async () => {
    sendMessage.mockImplementation(async () => {
      throw new Error('Engineering Lens could not reach its background service.');
    });
    await render(formOf(WITH_OKRS));
    await type('Key result 1.2 Epic', '');
    expect(described(control('Key result 1.2 Epic'), 'field__hint')).toBe('No epics cached yet: type the group path and number, such as gitlab-org/quality&12.');
    await type('Key result 1.2 Epic', 'gitlab-org/quality&12');
    expect(messageOf(control('Key result 1.2 Epic'))).toBeNull();
    expect(document.getElementById(control('Key result 1.3 Labels').getAttribute('list')!)!.querySelectorAll('option')).toHaveLength(0);
  });
});
