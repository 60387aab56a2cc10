import { describe, expect, it } from 'vitest';
import { sparklinePoints } from '@/utils/dashboard/trend';

describe('sparklinePoints', () => {
  it('breaks the line at a null and keeps a fixed 0..1 scale with the target inside', () => {
    // 6 values over width 100: x = 0, 20, 40, 60, 80, 100. Scale 0..1 over height 20:
    // y = (1 − v) × 20 → 0.5 → 10, 1 → 0, 0 → 20, 2/3 → 6.67; target 0.8 → 4.
    const line = sparklinePoints([0.5, null, 1, 0.5, 0, 2 / 3], 100, 20, { min: 0, max: 1, target: 0.8 });
    expect(line.segments).toEqual(['0,10', '40,0 60,10 80,20 100,6.67']);
    expect(line.points[1]).toBeNull();
    expect(line.points[5]).toEqual({ x: 100, y: 6.67 });
    expect(line.targetY).toBe(4);
    expect([line.min, line.max]).toEqual([0, 1]);
  });

  it('scales to the values when no range is given, and the target stays inside', () => {
    // MTTR in hours [6, 96, –, –, –, 18], target 24: scale 6..96 (90 h over height 30 → y = (96 − v) / 3).
    // x = 0, 10, …, 50. 6 → 30, 96 → 0, 18 → 26; target → 24.
    const line = sparklinePoints([6, 96, null, null, null, 18], 50, 30, { target: 24 });
    expect(line.segments).toEqual(['0,30 10,0', '50,26']);
    expect(line.targetY).toBe(24);
  });

  it('widens the scale to a target above every value', () => {
    // Values 1, 2, target 5: scale 1..5 over height 10 → 1 → 10, 2 → 7.5, target → 0.
    const line = sparklinePoints([1, 2], 10, 10, { target: 5 });
    expect(line.segments).toEqual(['0,10 10,7.5']);
    expect(line.targetY).toBe(0);
    expect([line.min, line.max]).toEqual([1, 5]);
  });

  it('draws a flat series at mid-height and a single value in the middle', () => {
    expect(sparklinePoints([3, 3], 10, 8).segments).toEqual(['0,4 10,4']);
    expect(sparklinePoints([2], 10, 8).segments).toEqual(['5,4']);
  });

  it('has no line and no target line when nothing is known', () => {
    const line = sparklinePoints([null, Number.NaN], 10, 8);
    expect(line.segments).toEqual([]);
    expect(line.points).toEqual([null, null]);
    expect(line.targetY).toBeNull();
  });
});
