import { describe, expect, it } from 'vitest';
import { classifyByLabels, isEngineeringLed } from '@/utils/allocation/classify';
import { DEFAULT_ALLOCATION_RULES, type AllocationRuleSet } from '@/utils/allocation/rules';

const name = (c: ReturnType<typeof classifyByLabels>) => (c.kind === 'categorized' ? c.category.name : c.name);

describe('classifyByLabels', () => {
  it('maps the default labels with the reason', () => {
    const maintenance = classifyByLabels(['frontend', 'type::maintenance'], DEFAULT_ALLOCATION_RULES);
    expect(name(maintenance)).toBe('Maintenance');
    expect(maintenance.why).toBe('label type::maintenance');
    expect(isEngineeringLed(maintenance)).toBe(true);
    expect(isEngineeringLed(classifyByLabels(['type::feature'], DEFAULT_ALLOCATION_RULES))).toBe(false);
  });

  it('lets rule order, not label order, decide', () => {
    // Labels list bug first, but the feature rule is earlier in the rules.
    expect(name(classifyByLabels(['type::bug', 'type::feature'], DEFAULT_ALLOCATION_RULES))).toBe('Feature');
  });

  it('matches scoped-label prefixes and skips rules without a category', () => {
    const rules: AllocationRuleSet = {
      categories: [{ id: 'security', name: 'Security', kind: 'engineering' }],
      rules: [
        { label: 'security', categoryId: 'missing' }, // points nowhere: ignored
        { labelPrefix: 'security::', categoryId: 'security' },
      ],
    };
    const result = classifyByLabels(['Security::High'], rules);
    expect(name(result)).toBe('Security');
    expect(result.why).toBe('label Security::High');
    expect(name(classifyByLabels(['security'], rules))).toBe('Uncategorized');
  });

  it('inherits only when no label matches, else Uncategorized', () => {
    const inherited = { categoryId: 'maintenance', from: '&12' };
    expect(classifyByLabels(['type::feature'], DEFAULT_ALLOCATION_RULES, inherited).why).toBe('label type::feature');
    const fromEpic = classifyByLabels(['frontend'], DEFAULT_ALLOCATION_RULES, inherited);
    expect([name(fromEpic), fromEpic.why]).toEqual(['Maintenance', 'inherited from &12']);
    const none = classifyByLabels([], DEFAULT_ALLOCATION_RULES, { categoryId: 'gone', from: '&3' });
    expect([none.kind, none.why]).toEqual(['uncategorized', 'no allocation rule matched']);
  });
});
