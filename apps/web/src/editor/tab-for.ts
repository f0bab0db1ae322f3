/** Which tab holds a path (findings point into the body; the tab must open before the jump). */
export function tabFor(path: string): string {
  if (/^(meta|duties|internalUnits|subordinateUnits|staffing|projectName|implementer)\b/.test(path))
    return 'basic';
  if (
    /^(funds|basicExpenditure|governmentFundBudget|stateCapitalBudget|socialInsuranceBudget|assets)\b/.test(
      path,
    )
  )
    return 'funds';
  if (/^projectExpenditure\b/.test(path)) return 'projects';
  if (/^(indicators|adjustments|stated|goals)\b/.test(path)) return 'indicators';
  if (/^(chapters|outline)\b/.test(path)) return 'problems';
  if (/^baseData\b/.test(path)) return 'baseData';
  if (/^projectEvaluations\b/.test(path)) return 'projectTables';
  return 'basic';
}
