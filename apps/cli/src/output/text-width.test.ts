import { describe, expect, it } from 'vitest';
import { displayWidth, fitLeft, formatTable, padRight } from './text-width.ts';

describe('text width', () => {
  it('counts Chinese characters and full-width forms as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('产出指标')).toBe(8);
    expect(displayWidth('得分（计算）')).toBe(12);
  });

  it('pads and cuts to an exact number of columns', () => {
    expect(fitLeft('指标', 6)).toBe('指标  ');
    expect(fitLeft('人大代表建议', 7)).toBe('人大代…');
    expect(displayWidth(fitLeft('人大代表建议', 7))).toBe(7);
    expect(padRight('9.7', 6)).toBe('   9.7');
  });

  it('aligns table columns by display width', () => {
    const table = formatTable(
      ['单位', '分'],
      [
        ['怀化市', '98.7'],
        ['ab', '100'],
      ],
    );
    expect(table).toBe('单位    分\n怀化市  98.7\nab      100\n');
  });
});
