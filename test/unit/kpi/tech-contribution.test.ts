import { describe, expect, it } from 'vitest';
import { DEFAULT_ALLOCATION_RULES } from '@/utils/allocation/rules';
import { resolveEngineers } from '@/utils/kpi/engineers';
import { techContribution } from '@/utils/kpi/tech-contribution';
import { rollingWindow } from '@/utils/kpi/window';
import { member, mergedMr } from './fixtures';

// 30-day window [2025-03-02, 2025-04-01) = 1 month.
const now = new Date('2025-04-01T00:00:00Z');
const window = rollingWindow(now, 30);
const team = { usernames: ['alice', 'bob'], source: 'configured' as const };
const merged = '2025-03-15T12:00:00Z';

const mergeRequests = [
  mergedMr(1, merged, ['type::feature']), // Feature: product
  mergedMr(2, merged, ['type::maintenance']), // engineering
  mergedMr(3, merged, ['type::bug']), // engineering
  mergedMr(4, merged, ['Engineering Allocation']), // engineering
  mergedMr(5, merged, ['engineering allocation']), // engineering (case-insensitive)
  mergedMr(6, merged, ['type::bug', 'type::feature']), // feature rule comes first: product
  mergedMr(7, merged, ['frontend']), // Uncategorized
  mergedMr(8, null, ['type::bug']), // not merged
  mergedMr(9, '2025-02-01T00:00:00Z', ['type::bug']), // merged before the window
];

describe('techContribution', () => {
  it('counts engineering-led merged MRs per engineer per month', () => {
    // Engineering-led: !2 !3 !4 !5 = 4 of 7 merged; no join dates: 2 engineers × 1 month = 2
    // engineer-months; 4 / 2 = 2.0.
    const result = techContribution(mergeRequests, team, window, DEFAULT_ALLOCATION_RULES);
    expect(result.n).toBe(4);
    expect(result.mergedCount).toBe(7);
    expect(result.value).toBe(2);
    expect(result.display).toBe('Tech contribution 2.0 /eng/mo');
    expect(result.items.map((i) => [i.ref, i.category, i.engineeringLed])).toEqual([
      ['1!1', 'Feature', false],
      ['1!2', 'Maintenance', true],
      ['1!3', 'Bug', true],
      ['1!4', 'Engineering allocation', true],
      ['1!5', 'Engineering allocation', true],
      ['1!6', 'Feature', false],
      ['1!7', 'Uncategorized', false],
    ]);
    expect(result.formula).toBe(
      '4 of 7 merged MRs in the last 30 days were engineering-led (Maintenance, Bug, Engineering allocation) / ' +
        '(2 engineers, 2.0 engineer-months) = 2.0 per engineer per month. Months are 30 days; an engineer ' +
        'who became a member during the window counts from that day. Engineers: the configured team list.',
    );
  });

  it('uses an inherited category when no label matches', () => {
    // !7 inherits Maintenance → 5 engineering-led / 2 / 1 = 2.5.
    const result = techContribution(mergeRequests, team, window, DEFAULT_ALLOCATION_RULES, {
      inheritedCategory: (mr) => (mr.iid === 7 ? { categoryId: 'maintenance', from: '&12' } : null),
    });
    expect(result.display).toBe('Tech contribution 2.5 /eng/mo');
    expect(result.items.find((i) => i.ref === '1!7')?.why).toBe('inherited from &12');
  });

  it('divides by engineer-months: an engineer who joined during the window counts from then', () => {
    // alice became a member on Mar 22 (in two projects; the Mar 25 membership is later): 10 d
    // (Mar 22 → Apr 1) = 1/3 month; bob since 2024: 1 month; carol undated: 1 month;
    // dave joined Apr 5, after the window: 0. 1/3 + 1 + 1 + 0 = 7/3 = 2.33 engineer-months;
    // 4 engineering-led / (7/3) = 12/7 = 1.71 → "1.7" (the old rule: 4 / 4 / 1 = 1.0).
    const members = [
      member(1, 'alice', 30, 'active', '2025-03-25T00:00:00Z'),
      member(1, 'alice', 30, 'active', '2025-03-22T00:00:00Z'),
      member(2, 'bob', 40, 'active', '2024-11-05T12:00:00Z'),
      member(3, 'carol', 30),
      member(4, 'dave', 30, 'active', '2025-04-05T00:00:00Z'),
    ];
    const result = techContribution(mergeRequests, resolveEngineers(members), window, DEFAULT_ALLOCATION_RULES);
    expect(result.engineerMonths).toBeCloseTo(7 / 3, 10);
    expect(result.value).toBeCloseTo(12 / 7, 10);
    expect(result.display).toBe('Tech contribution 1.7 /eng/mo');
    expect(result.formula).toContain('/ (4 engineers, 2.3 engineer-months) = 1.7 per engineer per month.');
  });

  it('has no value without engineers', () => {
    const result = techContribution(mergeRequests, { usernames: [], source: 'members' }, window, DEFAULT_ALLOCATION_RULES);
    expect(result.value).toBeNull();
    expect(result.display).toBe('Tech contribution —');
  });
});
