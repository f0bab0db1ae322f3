import type { DepartmentEvaluation, Evaluation } from '../evaluation.ts';
import type { Finding } from '../finding.ts';
import type { Rulebook } from '../rulebook.ts';
import type { ScoreSheet } from '../score-sheet.ts';
import { scoreEvaluation } from '../scoring/score-evaluation.ts';
import { checkCompleteness } from './completeness.ts';
import { checkCrossSections } from './cross-section.ts';
import { checkDuplicates } from './duplicates.ts';
import { checkIndicatorSums } from './indicators.ts';
import { prefixFindings } from './make-finding.ts';
import { checkNumbering } from './numbering.ts';
import { checkPlausibility } from './plausibility.ts';
import { checkDepartmentRatios, checkFundRatios } from './ratios.ts';
import {
  checkExecutionScore,
  checkScoreAgainstWeight,
  checkStatedScoresOverWeights,
  checkScoreRules,
  checkTotalAndGrade,
} from './scores.ts';
import { checkBaseDataSums, checkExpenditureSums, checkFundSums } from './sums.ts';
import { checkUnits } from './units.ts';
import { checkYears } from './years.ts';
import { withCheckMemo } from './walk.ts';

/** Checks that need the stated data only (no rulebook scoring). */
function checkStatedData(evaluation: Evaluation, rulebook: Rulebook | undefined): Finding[] {
  return [
    ...checkFundSums(evaluation),
    ...checkFundRatios(evaluation),
    ...checkIndicatorSums(evaluation, rulebook),
    ...checkUnits(evaluation),
    ...checkYears(evaluation),
    ...checkNumbering(evaluation),
    ...checkPlausibility(evaluation),
    ...checkCompleteness(evaluation),
    ...checkDuplicates(evaluation),
  ];
}

function checkDepartment(evaluation: DepartmentEvaluation): Finding[] {
  const attached = evaluation.projectEvaluations.flatMap((pe, i) =>
    // An attached project table has its own rulebook: only its stated data is checked here.
    prefixFindings(
      [...checkStatedData(pe, undefined), ...checkStatedScoresOverWeights(pe)],
      `projectEvaluations[${i}]`,
    ),
  );
  return [
    ...checkExpenditureSums(evaluation),
    ...checkBaseDataSums(evaluation.baseData),
    ...checkDepartmentRatios(evaluation),
    ...checkCrossSections(evaluation),
    ...attached,
  ];
}

/**
 * Every consistency check of domain.md §4 on one evaluation, as findings with stable codes and
 * Chinese messages. The score sheet is computed with the rulebook unless given.
 */
export function checkEvaluation(
  evaluation: Evaluation,
  rulebook: Rulebook,
  sheet: ScoreSheet = scoreEvaluation(evaluation, rulebook),
): Finding[] {
  return withCheckMemo(() => runChecks(evaluation, rulebook, sheet));
}

function runChecks(evaluation: Evaluation, rulebook: Rulebook, sheet: ScoreSheet): Finding[] {
  const findings = [
    ...checkStatedData(evaluation, rulebook),
    ...(evaluation.kind === 'department' ? checkDepartment(evaluation) : []),
    ...checkExecutionScore(evaluation, rulebook, sheet),
    ...checkScoreAgainstWeight(evaluation, rulebook, sheet),
    ...checkScoreRules(evaluation, rulebook, sheet),
    ...checkTotalAndGrade(evaluation, rulebook, sheet),
  ];
  // Two checks may reach the same figure by different roads (a heading is both in the outline
  // and in the indicator tree): one finding per code and place, the place being the source line
  // when the evaluation came from a document, else the path.
  // Two indicators on one line (the rows of an html table, a table re-lined) are two places.
  const seen = new Set<string>();
  return findings.filter((f) => {
    const place = f.line === undefined ? f.path : `line ${f.line}${ownRow(f)}`;
    const key = `${f.code}|${place}|${f.stated ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** An indicator's own path, for a finding on it that no other road reaches (not its number). */
export const ownRow = (f: { code: string; path: string }): string =>
  f.path.startsWith('indicators[') && !f.code.startsWith('NUMBERING_') ? `|${f.path}` : '';
