import { describe, expect, it } from 'vitest';
import {
  allocationCandidate,
  allocationErrors,
  candidateFromForm,
  driCandidate,
  driErrors,
  formErrorKey,
  formFromSettings,
  suggestedPercents,
} from '../../../entrypoints/options/form';
import { addCategory, addRule, freshCategoryId, moveRule, removeCategory } from '../../../entrypoints/options/sections/allocation/edit';
import { addPerson, addService, removeService, seedServices } from '../../../entrypoints/options/sections/dri/edit';
import { SEED_SERVICES } from '../../../utils/dri/services';
import { DEFAULT_SETTINGS, parseSettings, toPublicSettings, type Settings } from '../../../utils/settings';

describe('options form', () => {
  const saved = toPublicSettings(DEFAULT_SETTINGS);

  it('round-trips saved settings through the form unchanged', () => {
    const candidate = candidateFromForm(formFromSettings(saved));
    const parsed = parseSettings({ ...candidate, token: '' });
    expect(parsed).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('reads failure rules one per line, labels by comma', () => {
    const form = { ...formFromSettings(saved), failureLabelSets: 'incident\n type::bug , severity::1 \n\n' };
    const candidate = candidateFromForm(form) as { kpi: { failureLabelSets: string[][] } };
    expect(candidate.kpi.failureLabelSets).toEqual([['incident'], ['type::bug', 'severity::1']]);
  });

  it('reads outage labels separated by commas or lines', () => {
    expect(formFromSettings(saved).outageLabels).toBe('incident');
    const form = { ...formFromSettings(saved), outageLabels: ' incident, outage \nsev-0,, ' };
    const candidate = candidateFromForm(form) as { kpi: { outageLabels: string[] } };
    expect(candidate.kpi.outageLabels).toEqual(['incident', 'outage', 'sev-0']);
  });

  it('says "Enter a number." for a blank number instead of guessing one', () => {
    const form = { ...formFromSettings(saved), mttrHours: ' ', engineers: '@ada\nbob, carol' };
    const candidate = candidateFromForm(form) as { team: { engineers: string[] } };
    expect(candidate.team.engineers).toEqual(['ada', 'bob', 'carol']);
    const parsed = parseSettings({ ...candidate, token: '' });
    expect(parsed).toEqual({ ok: false, fieldErrors: { 'kpi.targets.mttrHours': 'Enter a number.' } });
  });

  it('puts each settings error next to its field', () => {
    expect(formErrorKey('kpi.targets.mttrHours')).toBe('mttrHours');
    expect(formErrorKey('kpi.timeZone')).toBe('timeZone');
    expect(formErrorKey('kpi.failureLabelSets.1.0')).toBe('failureLabelSets');
    expect(formErrorKey('kpi.outageLabels.0')).toBe('outageLabels');
    expect(formErrorKey('team.projects.2')).toBe('projects');
    expect(formErrorKey('sync.staleAfterMinutes')).toBe('staleAfterMinutes');
    expect(formErrorKey('settings')).toBe('form');
  });

  it('keeps allocation paths as their own keys, so each message goes next to its input', () => {
    expect(formErrorKey('allocation.rules.2.value')).toBe('allocation.rules.2.value');
    expect(formErrorKey('allocation.categories.0.name')).toBe('allocation.categories.0.name');
    expect(formErrorKey('allocation.budget.percents')).toBe('allocation.budget.percents');
    expect(formErrorKey('allocation.budget.percents.bug')).toBe('allocation.budget.percents.bug');
    expect(formErrorKey('allocation.budget.percent')).toBe('allocation.budget.percent');
    expect(formErrorKey('allocation')).toBe('allocation');
    expect(formErrorKey('allocationish')).toBe('form');
  });
});

describe('options form: allocation', () => {
  const custom: Settings = {
    ...DEFAULT_SETTINGS,
    allocation: {
      categories: [
        { id: 'feature', name: 'Feature', kind: 'product' },
        { id: 'security', name: 'Security', kind: 'engineering' },
        { id: 'toil', name: 'Toil', kind: 'engineering' },
      ],
      rules: [
        { match: 'prefix', value: 'security::', categoryId: 'security' },
        { match: 'label', value: 'toil', categoryId: 'toil' },
        { match: 'label', value: 'type::feature', categoryId: 'feature' },
      ],
      measure: 'time-estimate',
      budget: { kind: 'per-category', percents: { feature: 55, security: 25.5, toil: 19.5 } },
    },
  };

  it('round-trips allocation settings through the form unchanged', () => {
    const form = formFromSettings(toPublicSettings(custom));
    expect(form.allocation).toEqual({
      categories: custom.allocation.categories,
      rules: [
        { key: 'rule-1', match: 'prefix', value: 'security::', categoryId: 'security' },
        { key: 'rule-2', match: 'label', value: 'toil', categoryId: 'toil' },
        { key: 'rule-3', match: 'label', value: 'type::feature', categoryId: 'feature' },
      ],
      measure: 'time-estimate',
      budgetKind: 'per-category',
      // The engineering categories' budgets, ready if the kind switches back.
      engineeringPercent: '45',
      categoryPercents: { feature: '55', security: '25.5', toil: '19.5' },
    });
    expect(parseSettings({ ...candidateFromForm(form), token: '' })).toEqual({ ok: true, settings: custom });

    const share = formFromSettings(toPublicSettings(DEFAULT_SETTINGS)).allocation;
    expect(share.budgetKind).toBe('engineering-share');
    expect(share.engineeringPercent).toBe('40');
    expect(allocationCandidate(share).budget).toEqual({ kind: 'engineering-share', percent: 40 });
  });

  it('reorders the candidate rules when a rule moves up or down', () => {
    const form = formFromSettings(toPublicSettings(custom)).allocation;
    const values = (allocation: typeof form) => (allocationCandidate(allocation).rules as Array<{ value: string }>).map((rule) => rule.value);
    expect(values(moveRule(form, 2, -1))).toEqual(['security::', 'type::feature', 'toil']);
    expect(values(moveRule(form, 0, 1))).toEqual(['toil', 'security::', 'type::feature']);
    // Past either end nothing changes.
    expect(moveRule(form, 0, -1)).toBe(form);
    expect(moveRule(form, 2, 1)).toBe(form);
  });

  it("marks a rule whose category was removed on that rule's category field", () => {
    const form = removeCategory(formFromSettings(toPublicSettings(custom)).allocation, 'toil');
    expect(form.categories.map((category) => category.id)).toEqual(['feature', 'security']);
    const errors = allocationErrors(allocationCandidate(form));
    expect(errors['allocation.rules.1.categoryId']).toBe('This category does not exist any more: choose another.');
    // Its budget went with it, so the rest no longer add up to 100.
    expect(errors['allocation.budget.percents']).toBe('Category budgets add up to 80.5 %, not 100 %.');
    const saved = parseSettings({ ...candidateFromForm({ ...formFromSettings(toPublicSettings(custom)), allocation: form }), token: '' });
    expect(saved.ok || saved.fieldErrors['allocation.rules.1.categoryId']).toBe('This category does not exist any more: choose another.');
  });

  it('says "Enter a number." for a blank budget', () => {
    const form = formFromSettings(toPublicSettings(DEFAULT_SETTINGS)).allocation;
    expect(allocationErrors(allocationCandidate({ ...form, engineeringPercent: ' ' }))).toEqual({ 'allocation.budget.percent': 'Enter a number.' });
    const perCategory = { ...form, budgetKind: 'per-category' as const, categoryPercents: { ...form.categoryPercents, bug: '' } };
    expect(allocationErrors(allocationCandidate(perCategory))['allocation.budget.percents.bug']).toBe('Enter a number.');
    expect(allocationErrors(allocationCandidate(form))).toEqual({});
  });

  it('adds categories with fresh ids and rules for the first category', () => {
    const form = formFromSettings(toPublicSettings(DEFAULT_SETTINGS)).allocation;
    const { allocation, added } = addCategory(form);
    expect(added).toEqual({ id: 'category-5', name: 'Category 5', kind: 'product' });
    expect(allocation.categoryPercents['category-5']).toBe('0');
    expect(addRule(allocation).added).toEqual({ key: 'rule-5', match: 'label', value: '', categoryId: 'feature' });
    expect(freshCategoryId('Engineering allocation', ['engineering-allocation'])).toBe('engineering-allocation-2');
    expect(freshCategoryId('Tech débt!', [])).toBe('tech-debt');
    expect(freshCategoryId('', ['category-1'])).toBe('category-2');
  });

  it('suggests per-category budgets from the engineering-led share, adding up to 100', () => {
    const { categories } = DEFAULT_SETTINGS.allocation;
    expect(suggestedPercents(categories, 40)).toEqual({ feature: '60', maintenance: '14', bug: '13', 'engineering-allocation': '13' });
    expect(suggestedPercents(categories.slice(1), 40)).toEqual({ maintenance: '34', bug: '33', 'engineering-allocation': '33' });
  });
});

describe('options form: suggested DRI', () => {
  const saved = toPublicSettings(DEFAULT_SETTINGS);
  const custom: Settings = {
    ...DEFAULT_SETTINGS,
    dri: {
      services: [
        { name: 'Redis', dris: ['ada', 'grace.h'], labels: ['Service::Redis'], words: ['redis', 'sidekiq queue'] },
        { name: 'Billing', dris: ['bob'], labels: [], words: ['invoice'] },
      ],
      capacity: {
        defaultWeight: 12,
        unit: 'week',
        people: [
          { username: 'ada', weight: 20 },
          { username: 'bob', weight: 4.5 },
        ],
      },
      simpleLabels: ['good first issue', 'quick win'],
      simpleMaxWeight: 2,
      onboardingDays: 45,
      historyDays: 90,
    },
  };

  it('round-trips services, capacity and the simple-issue settings through the form unchanged', () => {
    const form = formFromSettings(toPublicSettings(custom));
    expect(form.dri).toEqual({
      services: [
        { key: 'service-1', name: 'Redis', dris: 'ada, grace.h', labels: 'Service::Redis', words: 'redis, sidekiq queue' },
        { key: 'service-2', name: 'Billing', dris: 'bob', labels: '', words: 'invoice' },
      ],
      defaultWeight: '12',
      unit: 'week',
      people: [
        { key: 'person-1', username: 'ada', weight: '20' },
        { key: 'person-2', username: 'bob', weight: '4.5' },
      ],
      simpleLabels: 'good first issue, quick win',
      simpleMaxWeight: '2',
      onboardingDays: '45',
      historyDays: '90',
    });
    expect(parseSettings({ ...candidateFromForm(form), token: '' })).toEqual({ ok: true, settings: custom });

    const defaults = formFromSettings(saved).dri;
    expect(defaults).toMatchObject({ services: [], people: [], defaultWeight: '10', unit: 'milestone', simpleLabels: 'good first issue' });
  });

  it('reads DRIs separated by commas or spaces, "@" optional, and labels and words by comma', () => {
    const form = formFromSettings(saved).dri;
    const services = [{ key: 'service-1', name: ' Redis ', dris: ' @ada,bob  @carol,, ', labels: 'Service::Redis, ,Infra redis', words: 'redis,\nsidekiq queue' }];
    const candidate = driCandidate({ ...form, services });
    expect(candidate.services).toEqual([{ name: ' Redis ', dris: ['@ada', 'bob', '@carol'], labels: ['Service::Redis', 'Infra redis'], words: ['redis', 'sidekiq queue'] }]);
    const parsed = parseSettings({ ...candidateFromForm({ ...formFromSettings(saved), dri: { ...form, services } }), token: '' });
    expect(parsed.ok && parsed.settings.dri.services).toEqual([{ name: 'Redis', dris: ['ada', 'bob', 'carol'], labels: ['Service::Redis', 'Infra redis'], words: ['redis', 'sidekiq queue'] }]);
  });

  it('says "Enter a number." for a blank capacity or window', () => {
    const form = formFromSettings(saved).dri;
    const { dri } = addPerson({ ...form, defaultWeight: ' ' });
    expect(dri.people[0]).toEqual({ key: 'person-1', username: '', weight: ' ' });
    expect(driErrors(driCandidate({ ...dri, historyDays: '' }))).toEqual({
      'dri.capacity.defaultWeight': 'Enter a number.',
      'dri.capacity.people.0.username': 'Enter a username.',
      'dri.capacity.people.0.weight': 'Enter a number.',
      'dri.historyDays': 'Enter a number.',
    });
    expect(driErrors(driCandidate(form))).toEqual({});
  });

  it('seeds PostgreSQL, Redis and Prometheus as copies without DRIs, which Save then asks for', () => {
    const form = formFromSettings(saved);
    const seeded = seedServices(form.dri);
    expect(seeded.services).toEqual([
      { key: 'service-1', name: 'PostgreSQL', dris: '', labels: 'Service::PostgreSQL', words: 'postgres, postgresql, psql' },
      { key: 'service-2', name: 'Redis', dris: '', labels: 'Service::Redis', words: 'redis' },
      { key: 'service-3', name: 'Prometheus', dris: '', labels: 'Service::Prometheus', words: 'prometheus, promql' },
    ]);
    expect(SEED_SERVICES[0]!.dris).toEqual([]);
    const parsed = parseSettings({ ...candidateFromForm({ ...form, dri: seeded }), token: '' });
    expect(parsed).toEqual({
      ok: false,
      fieldErrors: {
        'dri.services.0.dris': 'Name at least one DRI.',
        'dri.services.1.dris': 'Name at least one DRI.',
        'dri.services.2.dris': 'Name at least one DRI.',
      },
    });
    expect(Object.keys(parsed.ok ? {} : parsed.fieldErrors).map(formErrorKey)).toEqual(['dri.services.0.dris', 'dri.services.1.dris', 'dri.services.2.dris']);
  });

  it('removes a service row and keeps row keys unique', () => {
    const seeded = seedServices(formFromSettings(saved).dri);
    const removed = removeService(seeded, 'service-2');
    expect(removed.services.map((service) => service.name)).toEqual(['PostgreSQL', 'Prometheus']);
    expect(driCandidate(removed).services.map((service) => service.name)).toEqual(['PostgreSQL', 'Prometheus']);
    const { added } = addService(removed);
    expect(added).toEqual({ key: 'service-4', name: '', dris: '', labels: '', words: '' });
  });

  it('keeps DRI paths as their own keys, so each message goes next to its input', () => {
    expect(formErrorKey('dri.services.0.dris')).toBe('dri.services.0.dris');
    expect(formErrorKey('dri.services.2.dris.1')).toBe('dri.services.2.dris.1');
    expect(formErrorKey('dri.capacity.people.1.username')).toBe('dri.capacity.people.1.username');
    expect(formErrorKey('dri.capacity.defaultWeight')).toBe('dri.capacity.defaultWeight');
    expect(formErrorKey('dri.simpleLabels.0')).toBe('dri.simpleLabels.0');
    expect(formErrorKey('dri.historyDays')).toBe('dri.historyDays');
    expect(formErrorKey('dri')).toBe('dri');
    expect(formErrorKey('drift')).toBe('form');
  });
});
