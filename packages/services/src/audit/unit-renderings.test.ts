import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditDocument } from './audit-document.ts';

/**
 * The example reports with their amounts written in another unit of money: real reports state
 * them in 元, 万元 or 亿元, and often mix them (text in 元, tables in 万元). Every "N万元" of a
 * report is rewritten as the same amount in 元 ("3385.52万元" → "33855200.00元"), or in 亿元 when
 * it is 1000万元 or more ("3385.52万元" → "0.338552亿元"); tables whose header names 万元 keep
 * their figures. The amounts are equal, so the findings must be too: every error and warning the
 * report gets as written (by code and severity), and no other.
 */
const shared = new URL('../../../../../shared/corpus/', import.meta.url);

function reports(): { name: string; text: string }[] {
  if (!existsSync(shared)) return [];
  return readdirSync(shared)
    .filter((f) => /^\d{3}_.*\.txt$/.test(f))
    .sort()
    .map((name) => ({ name, text: readFileSync(new URL(name, shared), 'utf8') }));
}

/** A decimal figure's digits: the whole part (no commas, no leading zeros) and the fraction. */
function digitsOf(figure: string): { whole: string; fraction: string } {
  const [whole = '', fraction = ''] = figure.replace(/,/g, '').split('.');
  return { whole: whole.replace(/^0+(?=\d)/, ''), fraction };
}

/** A figure in 万元 written in 元, exactly (two decimals at least): "1088.47" → "10884700.00". */
export function wanToYuan(figure: string): string {
  const { whole, fraction } = digitsOf(figure);
  const padded = fraction.padEnd(4, '0');
  const yuan = `${whole}${padded.slice(0, 4)}`.replace(/^0+(?=\d)/, '');
  return `${yuan}.${padded.slice(4).padEnd(2, '0')}`;
}

/** A figure in 万元 written in 亿元, exactly, trailing zeros dropped: "3385.52" → "0.338552". */
export function wanToYi(figure: string): string {
  const { whole, fraction } = digitsOf(figure);
  const padded = whole.padStart(5, '0');
  const yi = padded.slice(0, -4).replace(/^0+(?=\d)/, '');
  const rest = `${padded.slice(-4)}${fraction}`.replace(/0+$/, '');
  return rest === '' ? yi : `${yi}.${rest}`;
}

const WAN = /(\d[\d,]*(?:\.\d+)?)\s*万元/g;
const RENDERINGS: Record<string, (text: string) => string> = {
  元: (text) => text.replace(WAN, (_, n: string) => `${wanToYuan(n)}元`),
  亿元: (text) =>
    text.replace(WAN, (all: string, n: string) =>
      Number(digitsOf(n).whole) >= 1000 ? `${wanToYi(n)}亿元` : all,
    ),
};

const findingsOf = (text: string, name: string): string[] =>
  [
    ...new Set(
      auditDocument(new TextEncoder().encode(text), name)
        .findings.filter((f) => f.severity !== 'info')
        .map((f) => `${f.code}/${f.severity}`),
    ),
  ].sort();

describe('amounts rendered in 元 and 亿元', () => {
  it('converts figures exactly', () => {
    expect(wanToYuan('1,088.47')).toBe('10884700.00');
    expect(wanToYuan('2477.1')).toBe('24771000.00');
    expect(wanToYuan('0.123456')).toBe('1234.56');
    expect(wanToYuan('0.5')).toBe('5000.00');
    expect(wanToYi('3385.52')).toBe('0.338552');
    expect(wanToYi('12000')).toBe('1.2');
    expect(wanToYi('273000')).toBe('27.3');
  });

  const cases = reports();
  it.skipIf(cases.length === 0)('keeps every finding of the reports as written', () => {
    const changed: string[] = [];
    for (const { name, text } of cases) {
      const original = findingsOf(text, name);
      for (const [unit, render] of Object.entries(RENDERINGS)) {
        const rendered = render(text);
        // A report of small amounts has nothing to write in 亿元.
        if (rendered === text) continue;
        const found = findingsOf(rendered, name);
        const lost = original.filter((c) => !found.includes(c));
        const gained = found.filter((c) => !original.includes(c));
        if (lost.length + gained.length > 0)
          changed.push(`${name} in ${unit}: lost ${lost.join(', ')}; gained ${gained.join(', ')}`);
      }
    }
    expect(changed).toEqual([]);
  });
});
