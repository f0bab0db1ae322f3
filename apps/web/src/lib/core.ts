import {
  checkEvaluation,
  scoreEvaluation,
  type Evaluation,
  type Finding,
  type Rulebook,
  type ScoreSheet,
} from '@jixiao/domain';

/** The domain core in the browser: score, then check with that sheet. */
export interface LocalResult {
  sheet: ScoreSheet | null;
  findings: Finding[];
  /** Set when the engine threw (a bug, or a half-typed body it cannot read). */
  failure: string | null;
}

export function evaluateLocally(body: Evaluation, rulebook: Rulebook): LocalResult {
  try {
    const sheet = scoreEvaluation(body, rulebook);
    const findings = checkEvaluation(body, rulebook, sheet);
    return { sheet, findings, failure: null };
  } catch (e) {
    return { sheet: null, findings: [], failure: e instanceof Error ? e.message : String(e) };
  }
}
