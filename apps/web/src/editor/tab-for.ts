const CLOSING_CHAPTERS = new Set(['problems', 'improvements', 'application', 'other']);

/**
 * Which tab holds a path (findings point into the body; the tab must open before the jump).
 * A chapter's tab follows its key, read from `chapterKeys` (the body's chapters in order).
 */
export function tabFor(path: string, chapterKeys: readonly string[] = []): string {
  if (/^(meta\.legalBasis|goals|outline)\b/.test(path)) return 'narrative';
  if (/^(meta|duties|internalUnits|subordinateUnits|staffing|projectName|implementer)\b/.test(path))
    return 'basic';
  if (
    /^(funds|basicExpenditure|governmentFundBudget|stateCapitalBudget|socialInsuranceBudget|assets)\b/.test(
      path,
    )
  )
    return 'funds';
  if (/^projectExpenditure\b/.test(path)) return 'projects';
  if (/^(indicators|adjustments|stated)\b/.test(path)) return 'indicators';
  const chapter = /^chapters(?:\[(\d+)\])?/.exec(path);
  if (chapter) {
    const key = chapter[1] === undefined ? undefined : chapterKeys[Number(chapter[1])];
    return key === undefined || CLOSING_CHAPTERS.has(key) ? 'problems' : 'narrative';
  }
  if (/^baseData\b/.test(path)) return 'baseData';
  if (/^projectEvaluations\b/.test(path)) return 'projectTables';
  return 'basic';
}
