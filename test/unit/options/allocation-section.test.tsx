// @vitest-environment happy-dom
/**
 * Protects the options page's Allocation section (entrypoints/options/sections/AllocationSection.tsx):
 * rules reorder by keyboard-reachable buttons that keep the focus, a removed category marks the
 * rules still pointing at it, every input is labelled with its message wired next to it, and the
 * live preview asks the background after a pause, drops answers to older candidates and never
 * asks for an invalid candidate.
 */
// Unit tests render through preact/compat (vitest.config.ts aliases react): its act() drives the renders.
import { act } from 'preact/test-utils';
import { useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allocationCandidate, formFromSettings, type AllocationForm } from '../../../entrypoints/options/form';
import { AllocationSection } from '../../../entrypoints/options/sections/AllocationSection';
import { PREVIEW_DEBOUNCE_MS } from '../../../entrypoints/options/sections/allocation/AllocationPreview';
import type { ResponseOf } from '../../../utils/messages';
import { DEFAULT_SETTINGS, toPublicSettings } from '../../../utils/settings';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('../../../utils/send-message', () => ({ sendMessage }));

type Preview = ResponseOf<'ui:allocation-preview'>;

const PREVIEW: Preview = {
  scopeText: 'lens-demo, last 90 days',
  fieldErrors: {},
  view: {
    summary: 'Feature 60% · Maintenance 25% · Uncategorized 15%',
    shares: [
      { id: 'feature', name: 'Feature', kind: 'product', percent: 60, count: 12, text: 'Feature 60%' },
      { id: 'maintenance', name: 'Maintenance', kind: 'engineering', percent: 25, count: 5, text: 'Maintenance 25%' },
      { id: 'uncategorized', name: 'Uncategorized', kind: 'uncategorized', percent: 15, count: 3, text: 'Uncategorized 15%' },
    ],
    itemCount: 20,
    measureText: 'by count of 20 issues',
    budgetText: 'Engineering-led 25% · budget 40%',
    budgetDetail: '15 points under the budget; within 5 points counts as on budget.',
    budgetStatus: 'under',
    uncategorized: [],
  },
};

let container: HTMLElement;
let root: Root | null = null;
/** The section's state as its parent (the options page) holds it. */
let current: AllocationForm;

function Harness({ initial, errors }: { initial: AllocationForm; errors: Record<string, string> }) {
  const [allocation, setAllocation] = useState(initial);
  current = allocation;
  return <AllocationSection allocation={allocation} errors={errors} onChange={setAllocation} />;
}

async function render(initial = formFromSettings(toPublicSettings(DEFAULT_SETTINGS)).allocation, errors: Record<string, string> = {}) {
  root = createRoot(container);
  await act(async () => root!.render(<Harness initial={initial} errors={errors} />));
}

beforeEach(() => {
  vi.useFakeTimers();
  sendMessage.mockReset();
  sendMessage.mockResolvedValue(PREVIEW);
  container = document.body.appendChild(document.createElement('div'));
});

afterEach(() => {
  if (root) act(() => root!.unmount());
  root = null;
  vi.useRealTimers();
  document.body.replaceChildren();
});

/** The control a label names, visually hidden or not. */
function control<T extends HTMLElement = HTMLInputElement>(label: string): T {
  const found = [...container.querySelectorAll('label')].find((l) => l.textContent === label);
  const element = found ? container.querySelector<T>(`#${CSS.escape(found.htmlFor)}`) : null;
  if (!element) throw new Error(`no control labelled ${label}`);
  return element;
}

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

/** The message wired to a control by aria-describedby, as assistive technology reads it. */
function messageOf(element: HTMLElement): string | null {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? [];
  const texts = ids.map((id) => document.getElementById(id)?.textContent ?? '').filter(Boolean);
  return texts.length ? texts.join(' ') : null;
}

const ruleLabels = () => current.rules.map((rule) => rule.value);
const previewStatus = () => container.querySelector('[data-testid="allocation-preview-status"]')?.textContent ?? '';
const preview = () => container.querySelector('[data-testid="allocation-preview"]')?.textContent ?? '';

async function wait(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

describe('allocation section', () => {
  it('is a section headed "Allocation" whose inputs all have names', async () => {
    await render();
    const section = container.querySelector('section')!;
    expect(section.getAttribute('aria-labelledby')).toBe('allocation-heading');
    expect(document.getElementById('allocation-heading')?.textContent).toBe('Allocation');
    for (const element of section.querySelectorAll<HTMLElement>('input, select')) {
      const labelled = element.id && section.querySelector(`label[for="${CSS.escape(element.id)}"]`);
      expect(labelled, element.id).toBeTruthy();
    }
    for (const element of section.querySelectorAll('button')) {
      expect((element.getAttribute('aria-label') ?? element.textContent ?? '').trim()).not.toBe('');
    }
    expect([...section.querySelectorAll('fieldset > legend')].map((l) => l.textContent)).toEqual(['Measure', 'Budget']);
    expect(control('Rule 1 label').value).toBe('type::feature');
    expect(control<HTMLSelectElement>('Rule 4 category').value).toBe('engineering-allocation');
    expect(section.textContent).toContain('first match wins');
  });

  it('moves a rule up and down with buttons that keep the focus on the moved rule', async () => {
    await render();
    await press('Move rule 3 up');
    expect(ruleLabels()).toEqual(['type::feature', 'type::bug', 'type::maintenance', 'Engineering Allocation']);
    // The same button of the same rule, which is now rule 2.
    expect(document.activeElement).toBe(button('Move rule 2 up'));
    await press('Move rule 2 up');
    expect(ruleLabels()).toEqual(['type::bug', 'type::feature', 'type::maintenance', 'Engineering Allocation']);
    // At the top, Move up stays focused and says it cannot move further.
    expect(document.activeElement).toBe(button('Move rule 1 up'));
    expect(button('Move rule 1 up').getAttribute('aria-disabled')).toBe('true');
    await press('Move rule 1 up');
    expect(ruleLabels()[0]).toBe('type::bug');

    await press('Move rule 1 down');
    expect(document.activeElement).toBe(button('Move rule 2 down'));
    expect((allocationCandidate(current).rules as Array<{ value: string }>).map((rule) => rule.value)).toEqual([
      'type::feature',
      'type::bug',
      'type::maintenance',
      'Engineering Allocation',
    ]);
  });

  it('marks the rules of a removed category on their category field', async () => {
    await render();
    await press('Remove category 3');
    expect(current.categories.map((category) => category.id)).toEqual(['feature', 'maintenance', 'engineering-allocation']);
    const category = control<HTMLSelectElement>('Rule 3 category');
    expect(category.getAttribute('aria-invalid')).toBe('true');
    expect(messageOf(category)).toBe('This category does not exist any more: choose another.');
    expect(control<HTMLSelectElement>('Rule 2 category').getAttribute('aria-invalid')).toBeNull();
    // The focus goes on to the next row's Remove, not to the page.
    expect(document.activeElement).toBe(button('Remove category 3'));
    expect(previewStatus()).toBe('Fix the marked fields to see the preview.');

    await choose('Rule 3 category', 'maintenance');
    expect(category.getAttribute('aria-invalid')).toBeNull();
    expect(current.rules[2]!.categoryId).toBe('maintenance');
  });

  it('adds a rule and a category, focusing what to type next', async () => {
    await render();
    await press('Add rule');
    expect(document.activeElement).toBe(control('Rule 5 label'));
    expect(messageOf(control('Rule 5 label'))).toBe('Enter a label.');
    await type('Rule 5 label', 'security::');
    await choose('Rule 5 match', 'prefix');
    expect(messageOf(control('Rule 5 label'))).toBeNull();

    await press('Add category');
    expect(document.activeElement).toBe(control('Category 5 name'));
    await type('Category 5 name', 'Security');
    await choose('Category 5 kind', 'engineering');
    await choose('Rule 5 category', current.categories[4]!.id);
    expect(allocationCandidate(current).rules).toContainEqual({ match: 'prefix', value: 'security::', categoryId: 'category-5' });
    expect(allocationCandidate(current).categories).toContainEqual({ id: 'category-5', name: 'Security', kind: 'engineering' });
  });

  it('shows the page errors of allocation paths next to their inputs', async () => {
    await render(undefined, { 'allocation.rules.1.value': 'At most 255 characters.', 'allocation.categories.0.name': 'Two categories have this name.' });
    expect(messageOf(control('Rule 2 label'))).toBe('At most 255 characters.');
    expect(control('Rule 2 label').getAttribute('aria-invalid')).toBe('true');
    expect(messageOf(control('Category 1 name'))).toBe('Two categories have this name.');
  });

  it('keeps per-category budgets to 100 % with a running total', async () => {
    await render();
    await act(async () => control('Per category').click());
    // Starts from the engineering-led share (40 %) spread over the categories.
    expect(current.budgetKind).toBe('per-category');
    expect(container.textContent).toContain('Total: 100 %');
    await type('Feature (%)', '50');
    expect(container.textContent).toContain('Total: 90 % (must add up to 100 %)');
    expect(container.textContent).toContain('Category budgets add up to 90 %, not 100 %.');
    await type('Feature (%)', '');
    expect(messageOf(control('Feature (%)'))).toBe('Enter a number.');
    await act(async () => control('Engineering-led share').click());
    await type('Engineering-led share (%)', '140');
    expect(messageOf(control('Engineering-led share (%)'))).toContain('At most 100.');
  });

  it('previews the split a moment after the last edit, in words and as a bar', async () => {
    await render();
    expect(sendMessage).not.toHaveBeenCalled();
    await wait(PREVIEW_DEBOUNCE_MS);
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(sendMessage).toHaveBeenCalledWith('ui:allocation-preview', { allocation: allocationCandidate(current) });
    expect(preview()).toContain('lens-demo, last 90 days');
    expect(preview()).toContain('Feature 60% · Maintenance 25% · Uncategorized 15%');
    expect(preview()).toContain('by count of 20 issues');
    expect(preview()).toContain('Engineering-led 25% · budget 40%: 15 points under the budget');
    const segments = [...container.querySelectorAll<HTMLElement>('.allocation-bar__segment')];
    expect(segments.map((s) => [s.style.width, s.textContent])).toEqual([
      ['60%', 'Feature 60%'],
      ['25%', 'Maintenance 25%'],
      ['15%', 'Uncategorized 15%'],
    ]);
    expect(container.querySelector('.allocation-bar')?.getAttribute('aria-hidden')).toBe('true');
    expect([...container.querySelectorAll('.allocation-preview__shares li')].map((li) => li.textContent)).toContain('Maintenance 25% (5 issues, engineering)');

    // Typing: one request after the pause, not one per key.
    await type('Rule 1 label', 'type::feat');
    await type('Rule 1 label', 'type::featur');
    expect(previewStatus()).toBe('Updating the preview…');
    await wait(PREVIEW_DEBOUNCE_MS);
    expect(sendMessage).toHaveBeenCalledTimes(2);
    expect(previewStatus()).toBe('');
  });

  it('drops an answer to an older candidate', async () => {
    let answerFirst: (answer: Preview) => void = () => {};
    sendMessage.mockImplementationOnce(() => new Promise<Preview>((resolve) => (answerFirst = resolve)));
    await render();
    await wait(PREVIEW_DEBOUNCE_MS);
    await type('Rule 1 label', 'type::story');
    await wait(PREVIEW_DEBOUNCE_MS);
    expect(preview()).toContain('Feature 60%');
    await act(async () => answerFirst({ ...PREVIEW, scopeText: 'stale answer' }));
    expect(preview()).not.toContain('stale answer');
    expect(preview()).toContain('lens-demo');
  });

  it('does not ask for an invalid candidate and says why; errors from the background read the same', async () => {
    await render();
    await type('Rule 1 label', ' ');
    await wait(PREVIEW_DEBOUNCE_MS);
    expect(sendMessage).not.toHaveBeenCalled();
    expect(previewStatus()).toBe('Fix the marked fields to see the preview.');

    sendMessage.mockResolvedValueOnce({ view: null, scopeText: 'lens-demo', fieldErrors: { 'allocation.rules.0.value': 'Enter a label.' } });
    await type('Rule 1 label', 'type::feature');
    await wait(PREVIEW_DEBOUNCE_MS);
    expect(previewStatus()).toBe('Fix the marked fields to see the preview.');

    sendMessage.mockRejectedValueOnce(new Error('No team is set up.'));
    await type('Rule 1 label', 'type::feat');
    await wait(PREVIEW_DEBOUNCE_MS);
    expect(previewStatus()).toBe('The preview could not be shown: No team is set up.');
    expect(container.querySelector('[data-testid="allocation-preview-status"]')?.getAttribute('role')).toBe('status');
  });
});
