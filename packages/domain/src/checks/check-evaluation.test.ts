import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Evaluation } from '../evaluation.ts';
import { Finding } from '../finding.ts';
import { Rulebook } from '../rulebook.ts';
import { scoreEvaluation } from '../scoring/score-evaluation.ts';
import { checkEvaluation } from './check-evaluation.ts';

const fixtures = new URL('../../../../fixtures/evaluations/', import.meta.url);
const rulebooks = new URL('../../../../rulebooks/', import.meta.url);

function load(file: string): { evaluation: Evaluation; rulebook: Rulebook } {
  const evaluation = Evaluation.parse(JSON.parse(readFileSync(new URL(file, fixtures), 'utf8')));
  const rulebook = Rulebook.parse(
    JSON.parse(readFileSync(new URL(`${evaluation.rulebookId}.json`, rulebooks), 'utf8')),
  );
  return { evaluation, rulebook };
}

const files = readdirSync(fixtures).filter((f) => f.endsWith('.json'));
const cleanFiles = files.filter((f) => f.startsWith('clean-'));

describe('checkEvaluation', () => {
  it.each(cleanFiles)('finds nothing to report in %s', (file) => {
    const { evaluation, rulebook } = load(file);
    const findings = checkEvaluation(evaluation, rulebook);
    expect(findings.map((f) => `${f.code} ${f.path}: ${f.message}`)).toEqual([]);
  });

  it.each(files)('produces findings that satisfy the Finding schema (%s)', (file) => {
    const { evaluation, rulebook } = load(file);
    for (const f of checkEvaluation(evaluation, rulebook)) {
      expect(Finding.safeParse(f).success).toBe(true);
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      expect(f.message).not.toMatch(/undefined|null|NaN/);
    }
  });

  it('uses the score sheet it is given', () => {
    const { evaluation, rulebook } = load('clean-hunan-department.json');
    const sheet = { ...scoreEvaluation(evaluation, rulebook), total: 90 };
    const findings = checkEvaluation(evaluation, rulebook, sheet);
    expect(findings.map((f) => [f.code, f.stated, f.expected])).toEqual([
      ['TOTAL_MISMATCH', '100', '90'],
    ]);
  });

  it('checks attached project tables and prefixes their paths', () => {
    const { evaluation, rulebook } = load('clean-hunan-department.json');
    const project = load('clean-central-project.json').evaluation;
    if (evaluation.kind !== 'department' || project.kind !== 'project')
      throw new Error('fixture kinds');
    project.outline = [
      { level: 1, numberText: '一、', title: '项目概况' },
      { level: 1, numberText: '三、', title: '绩效情况' },
    ];
    evaluation.projectEvaluations = [project];
    const findings = checkEvaluation(evaluation, rulebook);
    expect(findings.map((f) => [f.code, f.path])).toContainEqual([
      'NUMBERING_GAP',
      'projectEvaluations[0].outline[1].numberText',
    ]);
  });

  it('finds a score over its weight in an attached project table', () => {
    const { evaluation, rulebook } = load('clean-hunan-department.json');
    const project = load('clean-central-project.json').evaluation;
    if (evaluation.kind !== 'department' || project.kind !== 'project')
      throw new Error('fixture kinds');
    const leaf = project.indicators
      .flatMap(function leaves(n): typeof project.indicators {
        return n.children && n.children.length > 0 ? n.children.flatMap(leaves) : [n];
      })
      .find((n) => n.weight !== undefined);
    if (!leaf || leaf.weight === undefined) throw new Error('fixture leaf');
    leaf.score = leaf.weight + 1;
    evaluation.projectEvaluations = [project];
    const found = checkEvaluation(evaluation, rulebook).filter(
      (f) => f.code === 'SCORE_OVER_WEIGHT',
    );
    expect(found.map((f) => f.path.startsWith('projectEvaluations[0].'))).toEqual([true]);
  });

  // Pins every finding of every fixture, message included, so that a faster check cannot
  // change what it reports. Review the diff before updating the file.
  it('reports exactly the recorded findings for every fixture', async () => {
    const all = [...files].sort().map((file) => {
      const { evaluation, rulebook } = load(file);
      return { file, findings: checkEvaluation(evaluation, rulebook) };
    });
    await expect(`${JSON.stringify(all, null, 2)}\n`).toMatchFileSnapshot(
      './__snapshots__/fixture-findings.json',
    );
  });

  it.each(files)('finds the same with a score sheet listed in another order (%s)', (file) => {
    const { evaluation, rulebook } = load(file);
    const sheet = scoreEvaluation(evaluation, rulebook);
    const shuffled = { ...sheet, nodes: [...sheet.nodes].reverse() };
    expect(checkEvaluation(evaluation, rulebook, shuffled)).toEqual(
      checkEvaluation(evaluation, rulebook, sheet),
    );
  });
});
