import { describe, expect, it } from 'vitest';
import { targetStatus } from '@/utils/kpi/target-status';

describe('targetStatus', () => {
  it('higher is better: amber down to 10 % below the target', () => {
    // Target 0.8: band 0.08, amber in [0.72, 0.8).
    expect(targetStatus(0.85, 0.8, 'higher-is-better')).toBe('met');
    expect(targetStatus(0.8, 0.8, 'higher-is-better')).toBe('met');
    expect(targetStatus(0.75, 0.8, 'higher-is-better')).toBe('near');
    expect(targetStatus(0.72, 0.8, 'higher-is-better')).toBe('near');
    expect(targetStatus(0.71, 0.8, 'higher-is-better')).toBe('missed');
  });

  it('lower is better: amber up to 10 % above the target', () => {
    // MTTR target 24 h: band 2.4 h, amber in (24, 26.4].
    expect(targetStatus(20, 24, 'lower-is-better')).toBe('met');
    expect(targetStatus(24, 24, 'lower-is-better')).toBe('met');
    expect(targetStatus(26.4, 24, 'lower-is-better')).toBe('near');
    expect(targetStatus(27, 24, 'lower-is-better')).toBe('missed');
    // A zero target has no amber band.
    expect(targetStatus(0, 0, 'lower-is-better')).toBe('met');
    expect(targetStatus(0.1, 0, 'lower-is-better')).toBe('missed');
  });

  it('takes a custom tolerance', () => {
    // 20 % band around 10: 8.5 is near, 7.9 missed.
    expect(targetStatus(8.5, 10, 'higher-is-better', 0.2)).toBe('near');
    expect(targetStatus(7.9, 10, 'higher-is-better', 0.2)).toBe('missed');
  });
});
