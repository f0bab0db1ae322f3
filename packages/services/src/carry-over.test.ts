import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Evaluation } from '@jixiao/domain';
import { carryOver } from './carry-over.ts';

const source = Evaluation.parse(
  JSON.parse(
    readFileSync(
      new URL('../../../fixtures/evaluations/clean-hunan-department.json', import.meta.url),
      'utf8',
    ),
  ),
);

describe('carryOver', () => {
  const next = Evaluation.parse(carryOver(source, '示范市教育局', 2025));

  it('names the new unit and year, and keeps what stays from year to year', () => {
    expect(next.meta.unitName).toBe('示范市教育局');
    expect(next.meta.year).toBe(2025);
    expect(next.meta.title).toBeUndefined();
    if (next.kind !== 'department' || source.kind !== 'department') throw new Error('kind');
    expect(next.duties).toEqual(source.duties);
    expect(next.indicators.map((n) => [n.name, n.weight])).toEqual(
      source.indicators.map((n) => [n.name, n.weight]),
    );
    expect(next.projectExpenditure.projects.map((p) => p.name)).toEqual(
      source.projectExpenditure.projects.map((p) => p.name),
    );
  });

  it('carries none of the year figures, scores, results or narrative', () => {
    // The source has them all: a copy of it would fail every line below.
    expect(source.chapters.length).toBeGreaterThan(0);
    expect(source.funds.total?.executed).toBeDefined();
    expect(source.stated.total).toBeDefined();
    const text = JSON.stringify(next);
    expect(next.stated).toEqual({});
    expect(next.chapters).toEqual([]);
    expect(next.funds).toEqual({});
    expect(text).not.toMatch(/"(score|actual|deduction|deviationReason|fen|statedRate)"/);
    expect(next.goals.every((g) => g.actual === undefined)).toBe(true);
  });
});
