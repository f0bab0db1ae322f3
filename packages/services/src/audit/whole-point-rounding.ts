import type { Evaluation, Finding, IndicatorNode } from '@jixiao/domain';

const ROUNDING_NOTE = '（按整数分取整则一致；报告未写明取整规则）';
const SCORE_RULE_CODES = new Set([
  'EXECUTION_SCORE_RULE',
  'SCORE_RULE_TARGET_MISSED',
  'SCORE_RULE_MISMATCH',
]);

/** Every stated score of the table's rows, when there are at least three, is a whole number. */
function scoresInWholePoints(e: Evaluation): boolean {
  const scores: number[] = [];
  const walk = (nodes: readonly IndicatorNode[]): void => {
    for (const n of nodes) {
      if (n.children && n.children.length > 0) walk(n.children);
      else if (n.score !== undefined) scores.push(n.score);
    }
  };
  walk(e.indicators);
  return scores.length >= 3 && scores.every((s) => Number.isInteger(s));
}

/** A self-score that is the rulebook's score rounded to a whole point, below the full weight. */
function roundedDown(f: Finding): boolean {
  if (!SCORE_RULE_CODES.has(f.code)) return false;
  const stated = Number(f.stated);
  const expected = Number(/-?\d+(?:\.\d+)?/.exec(f.expected ?? '')?.[0]);
  const weight = Number(f.params['weight']);
  return (
    Number.isInteger(stated) &&
    Number.isFinite(expected) &&
    !Number.isInteger(expected) &&
    Math.round(expected) === stated &&
    // Full marks for a missed target stay a warning: rounding up to the weight is the error.
    !(Number.isFinite(weight) && stated >= weight)
  );
}

const hundredths = (x: number): number => Math.round(x * 100);

/**
 * A table that scores every row in whole points rounds the rulebook's score (8.62 for an 执行率
 * of 86.2% stated as 9): a rounding style, not a mistake (domain §2). Such a score is reported as
 * info, and so are what follows from it alone: the points "lost" on that row with no reason, and
 * a total off from the computed one by exactly the rounding.
 */
export function wholePointRounding(findings: readonly Finding[], e: Evaluation): Finding[] {
  if (!scoresInWholePoints(e)) return [...findings];
  const rounded = findings.filter(roundedDown);
  if (rounded.length === 0) return [...findings];
  const drift = rounded.reduce(
    (sum, f) =>
      sum +
      hundredths(Number(f.stated)) -
      hundredths(Number(/-?\d+(?:\.\d+)?/.exec(f.expected ?? '')?.[0])),
    0,
  );
  const lines = new Set(rounded.map((f) => f.line).filter((l) => l !== undefined));
  const info = (f: Finding): Finding => ({
    ...f,
    severity: 'info',
    message: f.message.endsWith(ROUNDING_NOTE) ? f.message : `${f.message}${ROUNDING_NOTE}`,
  });
  return findings.map((f) => {
    if (rounded.includes(f)) return info(f);
    if (f.code === 'DEDUCTION_NO_REASON' && f.line !== undefined && lines.has(f.line))
      return { ...f, severity: 'info' };
    if (
      f.code === 'TOTAL_MISMATCH' &&
      hundredths(Number(f.stated)) - hundredths(Number(f.expected)) === drift
    )
      return info(f);
    return f;
  });
}
