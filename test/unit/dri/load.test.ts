import { describe, expect, it } from 'vitest';
import { atCapacityReason, countsTowardLoad, loadLookup } from '@/utils/dri/load';

const capacity = { defaultWeight: 10, people: [{ username: 'bo', weight: 4 }] };

describe('load', () => {
  it('adds open assigned weight per person against their capacity', () => {
    const loadOf = loadLookup(
      [
        { username: 'ada', weight: 5 },
        { username: 'Ada', weight: 7 },
        { username: 'bo', weight: 3 },
        { username: 'cy', weight: 9 },
      ],
      capacity,
    );
    // ada: 5 + 7 = 12 ≥ 10 (default) → at capacity.
    expect(loadOf('ada')).toEqual({ openWeight: 12, openIssues: 2, unweighted: 0, capacity: 10, atCapacity: true });
    // bo: 3 < 4 (his own capacity).
    expect(loadOf('BO')).toEqual({ openWeight: 3, openIssues: 1, unweighted: 0, capacity: 4, atCapacity: false });
    // cy: 9 < 10.
    expect(loadOf('cy').atCapacity).toBe(false);
    // Nothing assigned: no load.
    expect(loadOf('dee')).toEqual({ openWeight: 0, openIssues: 0, unweighted: 0, capacity: 10, atCapacity: false });
    expect(atCapacityReason(loadOf('ada'))).toEqual({ kind: 'load', text: 'at capacity (12 of 10 weight open)' });
  });

  it('is at capacity when the open weight reaches it, and counts an unweighted issue as 1', () => {
    const loadOf = loadLookup(
      [
        { username: 'bo', weight: 2 },
        { username: 'bo', weight: null },
        { username: 'bo', weight: null },
      ],
      capacity,
    );
    // 2 + 1 + 1 = 4 of 4.
    expect(loadOf('bo')).toEqual({ openWeight: 4, openIssues: 3, unweighted: 2, capacity: 4, atCapacity: true });
    expect(atCapacityReason(loadOf('bo')).text).toBe('at capacity (4 of 4 weight open, 2 unweighted issues counted as 1 each)');
    expect(atCapacityReason(loadLookup([{ username: 'bo', weight: 3.5 }, { username: 'bo', weight: null }], { defaultWeight: 2.5, people: [] })('bo')).text).toBe(
      'at capacity (4.5 of 2.5 weight open, 1 unweighted issue counted as 1 each)',
    );
  });
});

describe('countsTowardLoad', () => {
  const today = '2025-03-10';
  it('per milestone: current milestone and no milestone count; later, past or closed ones do not', () => {
    const milestone = (start: string | null, due: string | null, state = 'active') => ({ milestone: { state, start_date: start, due_date: due } });
    expect(countsTowardLoad({}, 'milestone', today)).toBe(true);
    expect(countsTowardLoad(milestone('2025-03-03', '2025-03-16'), 'milestone', today)).toBe(true);
    expect(countsTowardLoad(milestone('2025-03-17', '2025-03-30'), 'milestone', today)).toBe(false);
    expect(countsTowardLoad(milestone('2025-02-17', '2025-03-02'), 'milestone', today)).toBe(false);
    expect(countsTowardLoad(milestone('2025-03-03', '2025-03-16', 'closed'), 'milestone', today)).toBe(false);
  });

  it('per week: due within 7 days, overdue or undated count; due later does not', () => {
    expect(countsTowardLoad({ due_date: '2025-03-16' }, 'week', today)).toBe(true);
    expect(countsTowardLoad({ due_date: '2025-03-01' }, 'week', today)).toBe(true);
    expect(countsTowardLoad({ due_date: null }, 'week', today)).toBe(true);
    expect(countsTowardLoad({ due_date: '2025-03-17' }, 'week', today)).toBe(false);
  });
});
