import { describe, expect, it } from 'vitest';
import { beijingDate, beijingTime } from './time.ts';

describe('beijingTime', () => {
  it('shows a UTC moment in Beijing time, eight hours ahead', () => {
    expect(beijingTime('2026-12-04T05:31:11.000Z')).toBe('2026-12-04 13:31');
    expect(beijingTime('2026-12-04T17:05:00Z')).toBe('2026-12-05 01:05');
    expect(beijingDate('2026-06-30T20:00:00Z')).toBe('2026-07-01');
  });
  it('leaves what is not a time as it is', () => {
    expect(beijingTime(null)).toBe('—');
    expect(beijingTime('无')).toBe('无');
  });
});
