import * as domain from '@jixiao/domain';
import { Rulebook } from '@jixiao/domain';
import type { Evaluation, Finding, ScoreSheet } from '@jixiao/domain';

/** A rulebook problem: where and what, in Chinese. */
export interface RulebookIssue {
  path: string;
  message: string;
}

type ScoreFn = (evaluation: Evaluation, rulebook: Rulebook) => ScoreSheet;
type CheckFn = (evaluation: Evaluation, rulebook: Rulebook) => Finding[];
type ParseFn = (
  json: unknown,
) => { ok: true; rulebook: Rulebook } | { ok: false; issues: RulebookIssue[] };

// The scoring and checking engines live in @jixiao/domain; looked up by name so this module keeps
// working while they are being built (the fallback scores by the stated figures only).
const exported = domain as unknown as Record<string, unknown>;

function statedScoreSheet(evaluation: Evaluation, rulebook: Rulebook): ScoreSheet {
  const nodes = evaluation.indicators.map((node, i) => ({
    path: `indicators[${i}]`,
    name: node.name,
    level: 1,
    isLeaf: node.children === undefined || node.children.length === 0,
    ...(node.weight !== undefined ? { weight: node.weight, statedWeight: node.weight } : {}),
    ...(node.score !== undefined ? { statedScore: node.score, computedScore: node.score } : {}),
    ruleKind: 'stated',
    reasonRequired: false,
    reasonGiven: node.deviationReason !== undefined,
    notAssessed: node.notAssessed === true,
    notes: [],
  }));
  const treeTotal = domain.sumPoints(nodes.map((n) => n.computedScore ?? 0));
  return {
    rulebookId: rulebook.id,
    nodes,
    treeTotal,
    bonus: 0,
    penalty: 0,
    total: treeTotal,
    capsApplied: [],
    grade: null,
    ...(evaluation.stated.total !== undefined ? { statedTotal: evaluation.stated.total } : {}),
    ...(evaluation.stated.grade !== undefined ? { statedGrade: evaluation.stated.grade } : {}),
  };
}

/** Scores an evaluation by its rulebook. */
export function score(evaluation: Evaluation, rulebook: Rulebook): ScoreSheet {
  const fn = exported['scoreEvaluation'];
  return typeof fn === 'function'
    ? (fn as ScoreFn)(evaluation, rulebook)
    : statedScoreSheet(evaluation, rulebook);
}

/** Runs the consistency checks. */
export function check(evaluation: Evaluation, rulebook: Rulebook): Finding[] {
  const fn = exported['checkEvaluation'];
  return typeof fn === 'function' ? (fn as CheckFn)(evaluation, rulebook) : [];
}

/** Validates a rulebook (schema and structure). */
export function validateRulebook(
  json: unknown,
): { ok: true; rulebook: Rulebook } | { ok: false; issues: RulebookIssue[] } {
  const fn = exported['parseRulebook'];
  if (typeof fn === 'function') return (fn as ParseFn)(json);
  const parsed = Rulebook.safeParse(json);
  if (parsed.success) return { ok: true, rulebook: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      message: i.message,
    })),
  };
}
