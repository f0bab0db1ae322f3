export { checkEvaluation, ownRow } from './check-evaluation.ts';
export { CATEGORY_OF_CODE } from './codes.ts';
export { makeFinding, prefixFindings } from './make-finding.ts';
export type { FindingInput } from './make-finding.ts';
export { compareSum, checkFundSums, checkExpenditureSums, checkBaseDataSums } from './sums.ts';
export { compareRatio, checkFundRatios, checkDepartmentRatios } from './ratios.ts';
export { checkIndicatorSums } from './indicators.ts';
export {
  checkExecutionScore,
  checkScoreAgainstWeight,
  checkScoreRules,
  checkTotalAndGrade,
} from './scores.ts';
export { checkUnits } from './units.ts';
export { checkYears, digitYears, staleYearClauses } from './years.ts';
export {
  checkNumbering,
  checkSiblingNumbers,
  parseNumberText,
  parseChineseNumeral,
  renderNumber,
} from './numbering.ts';
export type { NumberStyle } from './numbering.ts';
export { checkCrossSections } from './cross-section.ts';
export {
  BOUNDED_RATE_WORDS,
  checkPlausibility,
  isBoundedRate,
  REGIONAL_AGGREGATE,
} from './plausibility.ts';
export { checkCompleteness } from './completeness.ts';
export { checkDuplicates } from './duplicates.ts';
