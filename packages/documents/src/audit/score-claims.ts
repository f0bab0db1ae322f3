import { parseExpression, samePoints, sumPoints, unitsCompatible } from '@jixiao/domain';
import type { Expression } from '@jixiao/domain';
import type { ExtractedReport } from '../extract/extract-evaluation.ts';
import { NUM, excerptOf } from '../extract/text.ts';
import type { Sentence } from '../extract/text.ts';

/**
 * Scores stated in sentences, whether or not the indicator reader also took them (the audit keeps
 * one finding where the model's check says the same of the same line): "分值10分，得分12分",
 * "分值30分，得分27分，扣2分", "执行率86%，分值10分，得分10分", "决策得分18分、过程得分19分…，总得分
 * 96分", "得分45分，其中数量指标得分20分、质量指标得分15分…". Each is arithmetic on the sentence's own
 * figures; where the rule or the completeness of a list is not certain the finding is a warning.
 */
export type ScoreClaimCode =
  | 'DOC_SCORE_OVER_WEIGHT'
  | 'DOC_SCORE_DEDUCTION'
  | 'DOC_SCORE_EXECUTION'
  | 'DOC_SCORE_TOTAL'
  | 'DOC_SCORE_PARTS'
  | 'DOC_SCORE_TARGET_MET'
  | 'DOC_SCORE_TARGET_MISSED'
  | 'DOC_SCORE_RESTATED'
  | 'DOC_SCORE_NO_REASON';

export interface ScoreClaimIssue {
  code: ScoreClaimCode;
  severity: 'error' | 'warning';
  line: number;
  excerpt: string;
  stated: string;
  expected: string;
  params: Record<string, string>;
}

const num = (s: string | undefined): number => Number((s ?? '').replace(/,/g, ''));

/** "分值10分，扣2分，得8分": the points lost said between the weight and the score. */
const DEDUCTED_FIRST = '(?:扣(?:除|减|分)?(?:了)?\\d+(?:\\.\\d+)?分[，,、]?)?';
const DEDUCTED_AT =
  /扣(?:除|减|分)?(?:了)?(\d+(?:\.\d+)?)分[，,、]?(?:实际|自评|最终|实)?(?:得分|得)/;
const pts = (n: number): string => String(Math.round(n * 100) / 100);

/**
 * 分值W分，(扣D分，)(自评)得分S分(，扣D分): the weight, score and deduction of one thing; the
 * weight may be called 满分 or 标准分 and the score 实得 ("产出指标满分40分，实得37.5分，扣减2.5分"),
 * the score 评价得分 and the points lost 失分 ("权重35分，评价得分32分，失分2分").
 */
const PAIR_SOURCE = `(?:分值|权重|满分|标准分)(?:为|是|[：:])?${NUM}分[，,、；;]?${DEDUCTED_FIRST}(?:实际|自评|最终|评价|评定|考核|实)?(?:得分|得)(?:为|是|[：:])?${NUM}分(?:[，,、]?(?:扣(?:除|减|分)?|减(?:去|少)?|失分|丢分)(?:了)?(?:为)?${NUM}分)?`;
const PAIR = new RegExp(PAIR_SOURCE);
const PAIRS = new RegExp(PAIR_SOURCE, 'g');
/** A named score in a list: "过程指标得分19分", "产出类指标得38分". */
const NAMED_SCORE = new RegExp(
  `([\\u4e00-\\u9fa5“”"]{2,14}?)(?:自评)?(?:得分|得)(?:为|是)?${NUM}分`,
  'g',
);
/** A total after its parts: "总得分96分", "合计94分", "合计自评得分95分". */
const TOTAL = new RegExp(
  `(?:总得分|总分|自评总分|综合得分|综合评价得分|(?:合计|共计|总计)(?:自评)?(?:得分)?)(?:为|是)?${NUM}分`,
);
/** Any stated score: "得分45分". */
const SCORE = new RegExp(`得分(?:为|是)?${NUM}分`, 'g');
/**
 * A number of points ("18分"): every score pattern here ends in one, so a sentence without it
 * (部分, 分别, 充分…) holds nothing to check.
 */
const POINTS = /\d分/;
const MOVED = /调整至|调整到|转移至|转入|移至|并入|计入/;
const RATE = new RegExp(`执行率(?:为|达到|达|是)?${NUM}[%％]`);

export function scoreClaimIssues(report: ExtractedReport): ScoreClaimIssue[] {
  // Weight moved from an indicator not assessed to another ("3分分值调整至…") lets a score pass
  // its written weight: then a score over it is only a warning.
  const moved = report.sentences.some((s) => /分值|权重/.test(s.text) && MOVED.test(s.text));
  const out: ScoreClaimIssue[] = [];
  const executionWeight = executionWeightOf(report.sentences);
  out.push(
    ...noteDeductionIssues(report.sentences),
    ...saidMissedIssues(report.sentences),
    ...restatedTotalIssues(report.sentences),
    ...dimensionTotalIssues(report.sentences),
    ...deductedTotalIssues(report.sentences),
    ...unexplainedListIssues(report.sentences),
  );
  report.sentences.forEach((s, i) => {
    if (!POINTS.test(s.text)) return;
    out.push(...pairIssues(s, moved), ...listIssues(s), ...targetIssues(s));
    const weight = ownExecutionWeight(s) ?? executionWeight;
    if (weight !== undefined) out.push(...bareExecutionIssues(s, weight));
    out.push(...breakdownIssues(s, report.sentences[i + 1]));
    out.push(...groupPartsIssues(s, report.sentences[i + 1]));
    out.push(...parenthesizedPartsIssues(s));
    out.push(...pairsBeforeIssues(s, report.sentences[i - 1]));
  });
  return out;
}

/**
 * The whole evaluation's score, by words that name no indicator: "部门整体支出绩效自评得分为93.6分",
 * "综合自评得分96.3分", "自评总分95分".
 */
const OVERALL_SCORE = new RegExp(
  `(?:整体(?:支出)?绩效(?:自评|评价)?(?:总)?得分|综合(?:自评|评价)?得分|自评总(?:得)?分|总得分)(?:为|是|[：:])?${NUM}分`,
  'g',
);
/** Points added, deducted or capped after the tree: a total before and after them may differ. */
const ADJUSTED = /加分|减分|加减分|封顶|折算|换算|调整后/;

/**
 * "本镇2024年度部门整体支出绩效自评得分为93.6分" … "综合自评得分96.3分": the evaluation's total
 * stated twice with two figures, in a report that adds, deducts or caps nothing after the tree
 * (a warning: one of them is wrong). Sentences naming a project, an indicator or another year
 * are left out: their totals are others'.
 */
function restatedTotalIssues(sentences: readonly Sentence[]): ScoreClaimIssue[] {
  if (sentences.some((s) => ADJUSTED.test(s.text))) return [];
  const totals: { s: Sentence; value: number; text: string }[] = [];
  for (const s of sentences) {
    if (!POINTS.test(s.text) || /项目|指标|上年|去年|分别/.test(s.text)) continue;
    const found = [...s.text.matchAll(OVERALL_SCORE)];
    if (found.length !== 1 || !found[0]?.[1]) continue;
    const years = new Set([...s.text.matchAll(/((?:19|20)\d{2})年/g)].map((m) => m[1]));
    if (years.size > 1) continue;
    totals.push({ s, value: num(found[0][1]), text: found[0][0] });
  }
  const first = totals[0];
  const other = totals.find((t) => first && !samePoints(t.value, first.value));
  if (!first || !other) return [];
  return [
    issue(other.s, other.text, 'DOC_SCORE_RESTATED', 'warning', other.value, first.value, {
      lineA: String(first.s.line),
      lineB: String(other.s.line),
    }),
  ];
}

/** A 一级 dimension of the framework named by itself: "决策", "产出指标", "效益类指标". */
const DIMENSION = /^(决策|过程|产出|效益|满意度)(?:类)?(?:指标)?(?:方面)?$/;

/**
 * "决策得分15分，过程得分18.5分，产出得分36分，效益得分27分。" in one chapter and "…整体支出绩效自评
 * 得分95.5分" in another: the 一级 dimensions' scores, listed once in a sentence of their own
 * (产出 and 效益 among them), add up to the evaluation's total, stated with one figure wherever it
 * is restated. Nothing is said where points are added, deducted or capped after the tree.
 */
function dimensionTotalIssues(sentences: readonly Sentence[]): ScoreClaimIssue[] {
  if (sentences.some((s) => ADJUSTED.test(s.text))) return [];
  const lists: { s: Sentence; parts: RegExpMatchArray[] }[] = [];
  const totals: { s: Sentence; value: number; text: string }[] = [];
  for (const s of sentences) {
    if (!POINTS.test(s.text) || /项目|上年|去年|分别/.test(s.text)) continue;
    const overall = [...s.text.matchAll(OVERALL_SCORE)];
    if (overall.length === 1 && overall[0]?.[1]) {
      const years = new Set([...s.text.matchAll(/((?:19|20)\d{2})年/g)].map((m) => m[1]));
      if (years.size <= 1) totals.push({ s, value: num(overall[0][1]), text: overall[0][0] });
      continue;
    }
    if (TOTAL.test(s.text) || WHOLE_SCORE.test(s.text) || /分值|权重|满分|扣/.test(s.text))
      continue;
    const parts = [...s.text.matchAll(NAMED_SCORE)];
    const names = parts.map((p) => DIMENSION.exec(p[1] ?? '')?.[1]);
    if (parts.length < 3 || names.some((n) => n === undefined)) continue;
    if (new Set(names).size !== names.length || !names.includes('产出') || !names.includes('效益'))
      continue;
    lists.push({ s, parts });
  }
  const list = lists.length === 1 ? lists[0] : undefined;
  const first = totals[0];
  if (!list || !first || totals.some((t) => !samePoints(t.value, first.value))) return [];
  const sum = sumPoints(list.parts.map((p) => num(p[2])));
  if (samePoints(first.value, sum)) return [];
  return [
    issue(
      first.s,
      first.text,
      'DOC_SCORE_TOTAL',
      sum < first.value ? 'warning' : 'error',
      first.value,
      sum,
      {
        parts: list.parts.map((p) => `${p[1] ?? ''}${p[2] ?? ''}`).join(' + '),
      },
    ),
  ];
}

/** A deduction named: "产出指标扣3分", "效益指标共扣除4分". */
const NAMED_DEDUCTION = new RegExp(
  `([\\u4e00-\\u9fa5“”"]{2,12}?)(?:共|合计)?扣(?:除|减)?了?${NUM}分`,
  'g',
);
/** "其余指标均得满分", "其他各项均为满分": every indicator not named lost nothing. */
const REST_FULL = /(?:其余|其他|其它)(?:各项|各)?(?:指标)?(?:均|都)?(?:得|为|获得?)?满分/;

/**
 * "自评得分91.5分。扣分情况：产出指标扣3分；效益指标扣4分；满意度指标扣1分，其余指标均得满分":
 * a total of 100 less the points the text says were lost, where it says all else scored full.
 * A warning: the book is taken to total 100.
 */
function deductedTotalIssues(sentences: readonly Sentence[]): ScoreClaimIssue[] {
  if (sentences.some((s) => ADJUSTED.test(s.text))) return [];
  const out: ScoreClaimIssue[] = [];
  sentences.forEach((s, i) => {
    const whole = OVERALL_SCORE.exec(s.text) ?? WHOLE_SCORE.exec(s.text);
    OVERALL_SCORE.lastIndex = 0;
    if (!whole?.[1]) return;
    // "产出指标分值50分，自评得分47分": an indicator's score, not the evaluation's.
    const clause =
      s.text
        .slice(0, whole.index)
        .split(/[，,；;。]/)
        .pop() ?? '';
    if (/指标|分值|权重|项目/.test(clause + whole[0])) return;
    // The deductions: after the total in its sentence and the two sentences after it.
    let text = s.text.slice(whole.index + whole[0].length);
    for (const next of sentences.slice(i + 1, i + 3))
      if (next.block <= s.block + 2) text += next.text;
    if (!REST_FULL.test(text)) return;
    const lost = [...text.slice(0, text.search(REST_FULL)).matchAll(NAMED_DEDUCTION)];
    if (lost.length === 0) return;
    const stated = num(whole[1]);
    const expected = sumPoints([100, ...lost.map((m) => -num(m[2]))]);
    if (stated > 100 || samePoints(stated, expected)) return;
    out.push(
      issue(s, whole[0], 'DOC_SCORE_TOTAL', 'warning', stated, expected, {
        parts: `100 − ${lost.map((m) => `${m[1] ?? ''}扣${m[2] ?? ''}`).join(' − ')}`,
      }),
    );
  });
  return out;
}

/** The evaluation's total score: "综合得分95.8分", "自评总分为96分". */
const WHOLE_SCORE = new RegExp(
  `(?:总得分|总分|自评总分|综合得分|综合评价得分|自评得分|评价得分)(?:为|是)?${NUM}分`,
);
/** Words that open the list of a total's parts: "具体为：", "各项得分分别为". */
const BREAKDOWN =
  /^[，,；;]?(?:其中|具体(?:为|是|如下)|[^，,。\d]{0,10}?得分分别(?:为|是)|分别(?:为|是)|分项得分(?:为|是)?|各项得分(?:为|是)?)[：:]?/;
/** The same, opening the sentence after the total ("各一级指标得分分别为：…"). */
const NEXT_BREAKDOWN =
  /^(?:其中|具体(?:为|是|如下)|[^，,。\d]{0,10}?得分分别(?:为|是)|分项得分|各项得分|(?:从|按)?分项(?:来)?看|(?:从|按)一级指标(?:来)?看)[：:，,]?/;
/**
 * Before a total: a list of scores its words open ("各项得分分别为：", "一级指标得分分别是："), then
 * the total after a comma (group 1: the list).
 */
const LIST_THEN_TOTAL =
  /(?:得分分别(?:为|是)|各项得分(?:为|是)?|分项得分(?:为|是)?)[：:]([^。；;：:]+?分)[，,](?:[^，,。；;\d]{0,6})$/;
/** A part of a breakdown: "预算执行率9.6分", "产出指标得分47分". */
const LISTED_SCORE = new RegExp(`([\\u4e00-\\u9fa5“”"]{2,14}?)(?:得分|得)?(?:为|是)?${NUM}分`, 'g');

/**
 * "综合得分95.8分。具体为：预算执行率9.6分、产出指标47分…" (or "…，具体为：…" in the same
 * sentence): a total followed by the list of its parts, which need not say 得分. Parts above the
 * total are certain; below it the list may leave a part out, so a warning.
 */
function breakdownIssues(s: Sentence, next: Sentence | undefined): ScoreClaimIssue[] {
  const whole = WHOLE_SCORE.exec(s.text);
  if (!whole?.[1]) return [];
  const rest = s.text.slice(whole.index + whole[0].length);
  const own = BREAKDOWN.exec(rest);
  // "各项得分分别为：A 9.6分、B 38分…，自评总分87.1分": the list opened before the total, in its
  // clause group, runs up to it.
  const opened = LIST_THEN_TOTAL.exec(s.text.slice(0, whole.index));
  let list: string;
  if (own) list = rest.slice(own[0].length);
  else if (next && next.block <= s.block + 1 && !/\d/.test(rest) && NEXT_BREAKDOWN.test(next.text))
    list = next.text.replace(NEXT_BREAKDOWN, '');
  else if (opened?.[1]) list = opened[1];
  else return [];
  // A list whose parts each say 得分 after a 其中 in the total's sentence is listIssues' to read.
  if (own && /其中/.test(own[0]) && [...list.matchAll(NAMED_SCORE)].length >= 2) return [];
  // Parts stated with their weights ("预算执行指标10分，得分8.96分；…") are the scores alone.
  // One such part alone is a list cut short (an excerpt ending mid-list): its weights are no scores.
  const paired = weightedScores(list);
  if (paired.length >= 2) return pairedTotalIssues(s, whole, paired, s.text + list);
  if (paired.length === 1) return [];
  const parts = [...list.matchAll(LISTED_SCORE)].filter(
    (p) => !/分值|权重|满分|总分|合计/.test(p[1] ?? ''),
  );
  if (parts.length < 2) return [];
  const signed = parts.map((p) => (/扣|减/.test(p[1] ?? '') ? -num(p[2]) : num(p[2])));
  const sum = sumPoints(signed);
  const stated = num(whole[1]);
  if (samePoints(stated, sum)) return [];
  const unsure = sum < stated || /加分|扣分|减分|奖励|封顶|折算|权重/.test(s.text + list);
  return [
    issue(s, whole[0], 'DOC_SCORE_TOTAL', unsure ? 'warning' : 'error', stated, sum, {
      parts: parts.map((p) => `${p[1] ?? ''}${p[2] ?? ''}`).join(' + '),
    }),
  ];
}

/** A group's weight and score, ending its sentence: "产出指标（分值50分），得48分。". */
const GROUP_SCORED = new RegExp(
  `[（(](?:分值|权重|满分)?(?:为)?${NUM}分[）)][，,：:]?(?:自评)?(?:得分|得)(?:为|是)?${NUM}分[。；;]?$`,
);
/** A part opening with its weight: "数量指标（30分）", "社会效益指标（分值20分）：", after 其中 or 具体为. */
const PART_WEIGHT = new RegExp(
  `^(?:(?:其中|具体(?:为|是|如下)?)[：:，,]?)?([\\u4e00-\\u9fa5“”"]{2,14}?)[（(](?:分值|权重|满分)?(?:为)?${NUM}分[）)]`,
);

/**
 * "（二）产出指标（分值50分），得48分。其中：数量指标（30分）得28分，…；质量指标（10分）得10分，…；
 * 时效指标（10分）得8分，…。": a group's weight and score, and in the sentence after it its parts,
 * parted by ；, each opening with its weight and stating its score. Where the parts' weights make
 * up the group's weight the list is whole, and their scores must make up the group's score.
 */
function groupPartsIssues(s: Sentence, next: Sentence | undefined): ScoreClaimIssue[] {
  if (!next || next.block > s.block + 1) return [];
  const group = GROUP_SCORED.exec(s.text);
  if (!group?.[1] || !group[2] || WHOLE_SCORE.test(s.text)) return [];
  const parts: WeightedScore[] = [];
  for (const text of next.text.replace(/。$/, '').split(/[；;]/)) {
    const head = PART_WEIGHT.exec(text);
    // The part's score is the last one it states ("扣1.5分，得8分").
    const score = [...text.matchAll(ANY_SCORE)].pop();
    if (!head?.[1] || !head[2] || !score?.[1]) return [];
    parts.push({ name: head[1], weight: num(head[2]), score: num(score[1]) });
  }
  if (parts.length < 2) return [];
  const weight = num(group[1]);
  if (!samePoints(sumPoints(parts.map((p) => p.weight)), weight)) return [];
  const stated = num(group[2]);
  const sum = sumPoints(parts.map((p) => p.score));
  if (samePoints(stated, sum)) return [];
  return [
    issue(s, group[0], 'DOC_SCORE_PARTS', 'error', stated, sum, {
      parts: parts.map((p) => `${p.name}${pts(p.score)}`).join(' + '),
    }),
  ];
}

/**
 * A group's weight and score, then its parts' scores in parentheses after 其中: "决策指标（20分）得19分
 * （其中：项目立项6分、绩效目标7分、资金投入5分）".
 */
const GROUP_PARTS_IN_PARENS = new RegExp(
  `[（(](?:分值|权重|满分)?(?:为)?${NUM}分[）)][，,：:]?(?:自评)?(?:得分|得)(?:为|是)?${NUM}分[（(]其中[：:，,]?([^（）()]+)[）)]`,
  'g',
);

/**
 * The parts a group's score lists in the parentheses after it must make it up: parts above the
 * group's score are certain; below it the list may leave a part out (a warning).
 */
function parenthesizedPartsIssues(s: Sentence): ScoreClaimIssue[] {
  if (!s.text.includes('其中')) return [];
  const out: ScoreClaimIssue[] = [];
  for (const m of s.text.matchAll(GROUP_PARTS_IN_PARENS)) {
    const parts = [...(m[3] ?? '').matchAll(LISTED_SCORE)].filter(
      (p) => !/分值|权重|满分|总分|合计|扣|减|加/.test(p[1] ?? ''),
    );
    if (parts.length < 2) continue;
    const stated = num(m[2]);
    const sum = sumPoints(parts.map((p) => num(p[2])));
    if (samePoints(stated, sum) || sum > num(m[1])) continue;
    out.push(
      issue(s, m[0], 'DOC_SCORE_PARTS', sum > stated ? 'error' : 'warning', stated, sum, {
        parts: parts.map((p) => `${p[1] ?? ''}${p[2] ?? ''}`).join(' + '),
      }),
    );
  }
  return out;
}

/**
 * "产出指标分值50分，得分47.5分", "预算执行指标10分，得分8.96分", "决策指标（20分）得19分": a
 * part's weight, then its score.
 */
const WEIGHTED_SCORE = new RegExp(
  `([\\u4e00-\\u9fa5“”"]{2,14}?)[，,：:]?[（(]?(?:分值|权重|满分|标准分)?(?:为|是)?${NUM}分[）)]?[，,]?(?:实际|自评|最终|实)?(?:得分|得)(?:为|是)?${NUM}分`,
  'g',
);

interface WeightedScore {
  name: string;
  weight: number;
  score: number;
}

/** The parts of a list stated with weight and score; a deduction explaining one is no part. */
function weightedScores(list: string): WeightedScore[] {
  return [...list.matchAll(WEIGHTED_SCORE)]
    .filter((p) => !/总分|合计|总得分/.test(p[1] ?? ''))
    .map((p) => ({ name: p[1] ?? '', weight: num(p[2]), score: num(p[3]) }));
}

/**
 * A total against parts each stated with weight and score. Below the total the list may leave a
 * part out, unless the weights add up to 100: then the list is the whole book and both ways are
 * certain (bonus points, caps or conversions said in the text still make it a warning).
 */
function pairedTotalIssues(
  s: Sentence,
  whole: RegExpExecArray,
  parts: readonly WeightedScore[],
  text: string,
): ScoreClaimIssue[] {
  const sum = sumPoints(parts.map((p) => p.score));
  const stated = num(whole[1]);
  if (samePoints(stated, sum)) return [];
  const complete = samePoints(sumPoints(parts.map((p) => p.weight)), 100);
  const unsure =
    (sum < stated && !complete) || /加分|扣分(?!原因|理由|依据)|减分|奖励|封顶|折算/.test(text);
  return [
    issue(s, whole[0], 'DOC_SCORE_TOTAL', unsure ? 'warning' : 'error', stated, sum, {
      parts: parts.map((p) => `${p.name}${pts(p.score)}`).join(' + '),
    }),
  ];
}

/** A sentence opening on the total of the items before it: "以上四项合计得分94分". */
const LISTED_TOTAL = new RegExp(
  `^(?:以上|上述)[^，,；;。\\d]{0,6}?(?:合计|共计|总计)(?:自评)?得分(?:为|是)?${NUM}分`,
);

/**
 * "…满意度指标分值10分，得分9.4分。综合自评得分96.5分" ("以上四项合计得分94分"): a total in the sentence right after the
 * list of its parts, each with weight and score. Only when the previous sentence holds no total of
 * its own and the weights add up to 100 (a list of one group's parts is not the book).
 */
function pairsBeforeIssues(s: Sentence, prev: Sentence | undefined): ScoreClaimIssue[] {
  if (!prev || prev.block < s.block - 1) return [];
  const whole = WHOLE_SCORE.exec(s.text) ?? LISTED_TOTAL.exec(s.text);
  if (!whole?.[1] || /\d/.test(s.text.slice(0, whole.index))) return [];
  if (WHOLE_SCORE.test(prev.text) || TOTAL.test(prev.text)) return [];
  const parts = weightedScores(prev.text);
  if (parts.length < 3 || !samePoints(sumPoints(parts.map((p) => p.weight)), 100)) return [];
  return pairedTotalIssues(s, whole, parts, prev.text + s.text);
}

function issue(
  s: Sentence,
  focus: string,
  code: ScoreClaimCode,
  severity: 'error' | 'warning',
  stated: number,
  expected: number,
  params: Record<string, string>,
): ScoreClaimIssue {
  return {
    code,
    severity,
    line: s.line,
    excerpt: excerptOf(s.raw, focus),
    stated: pts(stated),
    expected: pts(expected),
    params: { ...params, stated: pts(stated), expected: pts(expected) },
  };
}

/**
 * Every "分值W分，得分S分(，扣D分)" of a sentence: a list parted by ；gives each item its own
 * (the first one read alone left "产出指标分值50分，得分47.5分，扣除3分" after it unchecked).
 */
function pairIssues(s: Sentence, moved: boolean): ScoreClaimIssue[] {
  const out: ScoreClaimIssue[] = [];
  let from = 0;
  for (const m of s.text.matchAll(PAIRS)) {
    // What each item is named, and the rate its score may follow, stand after the item before.
    out.push(...pairIssue(s, s.text.slice(from, m.index), m, moved));
    from = m.index + m[0].length;
  }
  return out;
}

function pairIssue(
  s: Sentence,
  lead: string,
  m: RegExpMatchArray,
  moved: boolean,
): ScoreClaimIssue[] {
  if (!m[1] || !m[2]) return [];
  const weight = num(m[1]);
  const score = num(m[2]);
  const what =
    /([\u4e00-\u9fa5“”"]{2,14}?)(?:指标)?(?:的)?(?:分值|权重|满分|标准分)/.exec(lead + m[0])?.[1] ??
    '该项';
  const out: ScoreClaimIssue[] = [];
  // 加分 items may lift a score past its weight only where the sentence says so.
  if (score > weight && !/加分|奖励分|附加分/.test(s.text))
    out.push(
      issue(s, m[0], 'DOC_SCORE_OVER_WEIGHT', moved ? 'warning' : 'error', score, weight, { what }),
    );
  const first = m[3] === undefined ? DEDUCTED_AT.exec(m[0])?.[1] : undefined;
  if (m[3] !== undefined || first !== undefined) {
    const deducted = num(m[3] ?? first);
    if (!samePoints(weight - score, deducted))
      out.push(
        issue(s, m[0], 'DOC_SCORE_DEDUCTION', 'error', deducted, weight - score, {
          what,
          weight: pts(weight),
          score: pts(score),
        }),
      );
  }
  // The execution score: proportional to the rate is the common rule, but books differ (bands,
  // a floor), so only full marks below 100% and a score off the proportion are said, as warnings.
  const rate = RATE.exec(lead);
  if (rate?.[1] && /执行/.test(what + lead)) {
    const r = num(rate[1]);
    const proportional = Math.round(weight * Math.min(r, 100)) / 100;
    if (r < 100 && samePoints(score, weight))
      out.push(
        issue(s, m[0], 'DOC_SCORE_EXECUTION', 'warning', score, proportional, {
          rate: rate[1],
          weight: pts(weight),
          how: '执行率未达100%却得满分',
        }),
      );
    else if (r <= 100 && Math.abs(score - proportional) >= 0.5 && score !== 0)
      out.push(
        issue(s, m[0], 'DOC_SCORE_EXECUTION', 'warning', score, proportional, {
          rate: rate[1],
          weight: pts(weight),
          how: '与按执行率计算的得分不符',
        }),
      );
  }
  return out;
}

/**
 * "预算执行率10分" in a sentence of weights ("按照…的权重", "分值设置为…") or a heading
 * ("（一）预算执行率（分值10分）"), with no score in it.
 */
const EXECUTION_WEIGHT = new RegExp(
  `(?:预算)?执行率?(?:指标)?[（(]?(?:分值|权重|满分)?(?:为|是)?[（(]?${NUM}分`,
);

/** The weight of the execution-rate indicator, where a sentence of weights states it. */
function executionWeightOf(sentences: readonly Sentence[]): number | undefined {
  for (const s of sentences) {
    if (/得/.test(s.text)) continue;
    // "（一）预算执行率（10分）": a heading of the indicator and its weight alone.
    const heading = EXECUTION_HEADING.exec(s.text);
    if (heading?.[1]) return num(heading[1]);
    if (!/权重|分值|满分/.test(s.text)) continue;
    const m = EXECUTION_WEIGHT.exec(s.text);
    if (m?.[1]) return num(m[1]);
  }
  return undefined;
}

/** "（一）预算执行率（10分）", "1.预算执行率(分值10分)": the indicator's heading, nothing after it. */
const EXECUTION_HEADING = new RegExp(
  `^(?:[（(]?[一二三四五六七八九十\\d]+[）)、.．]?)?(?:预算|资金)?执行率(?:指标)?[（(](?:分值|权重|满分)?(?:为|是|[：:])?${NUM}分[）)][。：:]?$`,
);

/**
 * "（一）预算执行率（分值10分）：…", "预算执行率指标分值10分，执行率…": the indicator's weight in
 * parentheses after its name, or named 分值 (权重, 满分) right after it.
 */
const OWN_EXECUTION_WEIGHT = new RegExp(
  `执行率?(?:指标)?(?:[（(](?:分值|权重|满分)?(?:为|是|[：:])?${NUM}分[）)]|的?(?:分值|权重|满分)(?:为|是|[：:])?${NUM}分)`,
);

/** The execution indicator's weight named at the head of its own sentence, before its score. */
function ownExecutionWeight(s: Sentence): number | undefined {
  const m = OWN_EXECUTION_WEIGHT.exec(s.text);
  const score = RATE_SCORE.exec(s.text);
  const weight = m?.[1] ?? m?.[2];
  return m && weight && score && m.index < score.index ? num(weight) : undefined;
}

/** "执行率85.00%，得10分", "执行率82.15%，本项自评得分10分": a rate and its score, the weight stated elsewhere. */
const RATE_SCORE = new RegExp(
  `执行率(?:为|达到|达|是)?${NUM}[%％][，,]?(?:本项|该项)?(?:指标)?(?:自评)?(?:得分|得)(?:为|是)?${NUM}分`,
);

/**
 * Full marks for an execution rate below 100% where the indicator's weight is stated in a
 * sentence of weights and not beside the score (pairIssues reads "分值10分，得分10分"). A warning,
 * as there: a rulebook may give full marks from a threshold.
 */
function bareExecutionIssues(s: Sentence, weight: number): ScoreClaimIssue[] {
  if (PAIR.test(s.text)) return [];
  const m = RATE_SCORE.exec(s.text);
  if (!m?.[1] || !m[2]) return [];
  const rate = num(m[1]);
  const score = num(m[2]);
  if (rate >= 100 || !samePoints(score, weight)) return [];
  return [
    issue(s, m[0], 'DOC_SCORE_EXECUTION', 'warning', score, Math.round(weight * rate) / 100, {
      rate: m[1],
      weight: pts(weight),
      how: '执行率未达100%却得满分',
    }),
  ];
}

function listIssues(s: Sentence): ScoreClaimIssue[] {
  const out: ScoreClaimIssue[] = [];
  // "…得分45分，其中A得分20分、B得分15分、C得分8分": parts of a score.
  const split = s.text.search(/其中/);
  if (split > 0) {
    const whole = [...s.text.slice(0, split).matchAll(SCORE)].pop();
    const parts = [...ownList(s.text.slice(split)).matchAll(NAMED_SCORE)];
    if (whole?.[1] && parts.length >= 2) {
      const stated = num(whole[1]);
      const sum = sumPoints(parts.map((p) => num(p[2])));
      if (!samePoints(stated, sum))
        out.push(
          issue(s, whole[0], 'DOC_SCORE_PARTS', 'warning', stated, sum, {
            parts: parts.map((p) => `${p[1]}${p[2]}`).join(' + '),
          }),
        );
    }
    // "…逐项打分，其中决策指标得分19分、…，总分96分": with no score before it, the 其中 opens the
    // parts of the total after them.
    if (whole) return out;
  }
  // "决策得分18分、过程得分19分、产出得分38分、效益得分20分，总得分96分": a total and its parts.
  const total = TOTAL.exec(s.text);
  if (!total?.[1]) return out;
  // "决策指标满分20分，实得18分；…以上四项合计得分94分": parts each with weight and score.
  const paired = weightedScores(s.text.slice(0, total.index));
  if (paired.length >= 2) return [...out, ...pairedTotalIssues(s, total, paired, s.text)];
  const parts = [...s.text.slice(0, total.index).matchAll(NAMED_SCORE)].filter(
    (p) => !/分值|权重|满分/.test(p[1] ?? ''),
  );
  if (parts.length < 3) return out;
  const signed = parts.map((p) => (/扣|减/.test(p[1] ?? '') ? -num(p[2]) : num(p[2])));
  const sum = sumPoints(signed);
  const stated = num(total[1]);
  if (samePoints(stated, sum)) return out;
  // Parts above the total are certain; below it, the list may leave a part out (a 一级 not named,
  // 加分, 扣分 not written as "…得分N分"), and so may points that are capped or converted.
  const unsure = sum < stated || /加分|扣分|减分|奖励|封顶|折算|权重/.test(s.text);
  out.push(
    issue(s, total[0], 'DOC_SCORE_TOTAL', unsure ? 'warning' : 'error', stated, sum, {
      parts: parts.map((p) => `${p[1]}${p[2]}`).join(' + '),
    }),
  );
  return out;
}

/**
 * A 其中's list of scores up to the ；before another total ("…自评得分93分，其中执行率指标得9.5分；
 * B项目…自评得分96分"): the next item's own total is not a part of this one.
 */
function ownList(list: string): string {
  const next = WHOLE_SCORE.exec(list);
  if (!next) return list;
  const stop = Math.max(list.lastIndexOf('；', next.index), list.lastIndexOf(';', next.index));
  return stop > 0 ? list.slice(0, stop) : list;
}

/** A weight in parentheses after a name: "数量指标（分值20分）", "资金管理（20分）". */
const WEIGHT_NOTE = new RegExp(`[（(](?:分值|权重|满分)?(?:为)?${NUM}分[）)]`, 'g');
/** "得18分，扣1分" or "扣3分，自评得分47分": a score and the points it lost. */
const SCORE_DEDUCTED = new RegExp(
  `(?:得分|得)(?:为|是)?${NUM}分[，,]?扣(?:除|减)?(?:了)?${NUM}分|扣(?:除|减)?(?:了)?${NUM}分(?:后)?[，,]?(?:自评|实际|最终|实)?(?:得分|得)(?:为|是)?${NUM}分`,
  'g',
);
/** "该项分值8分", "分值：5分", "满意度指标共10分": a weight written without parentheses. */
const BARE_WEIGHT = new RegExp(
  `(?:(?:该项|该指标|本项|本指标)?分值(?:为|是|[：:])?|(?:指标|该项|本项)共(?:计)?)${NUM}分`,
  'g',
);

/** The name before a weight in parentheses: "可持续影响指标（分值5分）". */
function weightName(text: string, before: number): string | undefined {
  const m = /([\u4e00-\u9fa5“”"]{2,14}?)(?:指标)?[（(](?:分值|权重|满分)?(?:为)?[\d.]+分[）)]/.exec(
    text.slice(0, before),
  );
  return m?.[1];
}

/** Any score, to end the reach of a weight stated before it. */
const ANY_SCORE = new RegExp(`(?:得分|得)(?:为|是)?${NUM}分`, 'g');

/**
 * "1.数量指标（分值20分）。…该项指标得18分，扣1分": a weight in parentheses after a name, then in
 * the same or a later sentence (before any other score) the score and the points it lost, which
 * must be the weight less the score. Within one sentence an error; across sentences, where the
 * weight is a reading, a warning.
 */
function noteDeductionIssues(sentences: readonly Sentence[]): ScoreClaimIssue[] {
  const out: ScoreClaimIssue[] = [];
  let weight: { value: number; sentence: Sentence; bare: boolean } | undefined;
  for (const s of sentences) {
    if (!POINTS.test(s.text)) continue;
    if (PAIR.test(s.text)) {
      weight = undefined;
      continue;
    }
    // "该项分值8分。因…扣1分，得8分。": one weight written bare, its score in a later sentence of
    // the paragraph. Several weights in one sentence are a list of them, no one item's.
    const bare = [...s.text.matchAll(BARE_WEIGHT)];
    const events = [
      ...[...s.text.matchAll(WEIGHT_NOTE)].map((m) => ({
        at: m.index,
        m,
        kind: 'weight' as const,
      })),
      ...(bare.length === 1 && !/[（(]$/.test(s.text.slice(0, bare[0]?.index ?? 0))
        ? bare.map((m) => ({ at: m.index, m, kind: 'bare' as const }))
        : []),
      ...[...s.text.matchAll(SCORE_DEDUCTED)].map((m) => ({
        at: m.index,
        m,
        kind: 'pair' as const,
      })),
      ...[...s.text.matchAll(ANY_SCORE)].map((m) => ({ at: m.index, m, kind: 'score' as const })),
    ].sort((a, b) => a.at - b.at);
    // A weight from a bare 分值 reaches only the sentences of its own paragraph.
    if (weight?.bare && weight.sentence.block !== s.block) weight = undefined;
    let covered = -1;
    for (const { at, m, kind } of events) {
      if (kind === 'weight' || kind === 'bare') {
        weight = { value: num(m[1]), sentence: s, bare: kind === 'bare' };
        continue;
      }
      if (at < covered) continue;
      if (kind === 'score') {
        const score = num(m[1]);
        // "可持续影响指标（分值5分）：…，得6分": the last score of the weight's own sentence
        // above that weight (a survey's "得分为96分" before the item's own score is not).
        if (
          weight?.sentence === s &&
          score > weight.value &&
          !events.some((e) => e.at > at && e.kind !== 'weight' && e.kind !== 'bare') &&
          !/加分|奖励|附加分|满分\d|百分制/.test(s.text)
        )
          out.push(
            issue(s, m[0], 'DOC_SCORE_OVER_WEIGHT', 'warning', score, weight.value, {
              what: weightName(s.text, at) ?? '该项',
            }),
          );
        weight = undefined;
        continue;
      }
      covered = at + m[0].length;
      // "每少1项扣1分": a rule's deduction per item, not the points this score lost.
      const rule = /每[^，,；;。]{0,10}$/.test(s.text.slice(0, at));
      const score = num(m[1] ?? m[4]);
      const deducted = num(m[2] ?? m[3]);
      if (weight && !rule && score <= weight.value && !samePoints(weight.value - score, deducted))
        out.push(
          issue(
            s,
            m[0],
            'DOC_SCORE_DEDUCTION',
            weight.sentence === s ? 'error' : 'warning',
            deducted,
            weight.value - score,
            { what: '该项', weight: pts(weight.value), score: pts(score) },
          ),
        );
      weight = undefined;
    }
  }
  return out;
}

/** "年度目标值≥90%", "指标值：不低于95%", "年度目标：≤3起": an indicator's target in a sentence. */
const TARGET =
  /(?:(?:年度)?(?:目标值|指标值)|年度目标)(?:为|是)?[：:]?((?:[^，,；;。：:]|,(?=\d{3}))+)/;
/** "实际完成值96.8%", "实际完成88.6%", "实际达到95.3%", "完成情况：1起". */
const ACTUAL =
  /(?:实际完成(?:值|数)?|实际值|实际(?=为|达)|(?<!年度)完成值|完成情况)(?:为|是|达到?)?[：:]?((?:[^，,；;。：:]|,(?=\d{3}))+)/;
/** "该指标得满分10分", "该项按满分计10分": full marks, the score and the weight in one figure. */
const FULL_MARKS = new RegExp(`(?:得|按|以)满分(?:计|为|计算)?(?:得)?${NUM}分`);
/** Words that give a reason for points lost. */
const REASON = /原因|因为|由于|因[^此]|偏差|扣分理由|扣分依据/;
/** A shortfall said as such explains the points its item lost ("完工时间较计划有所推迟"). */
const SHORTFALL = /未能|未完成|未达|不足|滞后|推迟|延迟|延期|逾期|偏[慢低少]|低于|仍需|有待/;

/**
 * "…效益指标分值30分，得分26分，扣4分，主要原因是…；满意度指标分值10分，得分8分。": in a list of
 * indicators' weights and scores parted by ；, where the text gives its reason for the points
 * lost on one, another that lost points with no reason in its part, nor in the sentence after, is
 * said (a warning: the reason may stand elsewhere).
 */
function unexplainedListIssues(sentences: readonly Sentence[]): ScoreClaimIssue[] {
  const out: ScoreClaimIssue[] = [];
  sentences.forEach((s, i) => {
    if (!REASON.test(s.text) || !/[；;]/.test(s.text)) return;
    const parts = s.text.split(/[；;]/).map((text) => ({ text, pair: PAIR.exec(text) }));
    const lost = parts.filter((p) => p.pair?.[1] && p.pair[2] && num(p.pair[2]) < num(p.pair[1]));
    if (lost.length === 0 || !lost.some((p) => REASON.test(p.text))) return;
    const next = sentences[i + 1];
    if (next && next.block <= s.block + 1 && REASON.test(next.text)) return;
    for (const p of lost) {
      // An execution score follows its rate: the rate is its reason.
      if (REASON.test(p.text) || SHORTFALL.test(p.text) || /执行率/.test(p.text)) continue;
      if (!p.pair?.[1] || !p.pair[2]) continue;
      const what =
        /([\u4e00-\u9fa5“”"]{2,14}?)(?:指标)?(?:的)?(?:分值|权重|满分|标准分)/.exec(p.text)?.[1] ??
        '该项';
      const weight = num(p.pair[1]);
      const score = num(p.pair[2]);
      out.push(
        issue(s, p.pair[0], 'DOC_SCORE_NO_REASON', 'warning', weight - score, 0, {
          what,
          weight: pts(weight),
          score: pts(score),
        }),
      );
    }
  });
  return out;
}

type Quantity = Extract<Expression, { kind: 'quantity' }>;

/** Whether an actual meets its target, when both are quantities of one unit and the rule is plain. */
function meets(target: Quantity, actual: Quantity): boolean | undefined {
  if (!unitsCompatible(target, actual) || actual.approximate || target.approximate)
    return undefined;
  switch (target.comparator ?? '>=') {
    case '>=':
      return actual.value >= target.value;
    case '>':
      return actual.value > target.value;
    case '<=':
      return actual.value <= target.value;
    case '<':
      return actual.value < target.value;
    case '=':
      return target.value === 0 ? undefined : actual.value >= target.value;
  }
}

/**
 * "年度目标值≥90%，实际完成值96.8%，分值10分，得分7分": a target met whose points were cut with no
 * reason given, or "实际完成值88.6%…分值5分，得分5分" for a target of ≥95%: a target missed at full
 * marks. Warnings: a rulebook may score otherwise (bands, a floor, points moved).
 */
/**
 * The figure that ends the clause right before the target ("…开放场馆时长4,380小时，年度指标值
 * ≥4,000小时"): what was done, where no 实际完成 names it. Not a figure said to be approximate.
 */
function statedBefore(
  text: string,
  at: number,
): { index: number; figure: string; name: string | undefined } | undefined {
  const m = new RegExp(`${NUM}([^\\d，,；;。：:（()）]{1,4})[，,]$`).exec(text.slice(0, at));
  if (!m || /约|近|超|逾/.test(text.slice(Math.max(0, m.index - 2), m.index))) return undefined;
  if (/^[余多]/.test(m[2] ?? '')) return undefined;
  const name = /([\u4e00-\u9fa5“”"]{2,20})$/.exec(text.slice(0, m.index))?.[1];
  return { index: m.index, figure: `${m[1] ?? ''}${m[2] ?? ''}`, name };
}

function targetIssues(s: Sentence): ScoreClaimIssue[] {
  if (!/目标值|指标值|年度目标/.test(s.text)) return [];
  const full = FULL_MARKS.exec(s.text);
  const pair: RegExpExecArray | null =
    PAIR.exec(s.text) ?? (full ? Object.assign([full[0], full[1], full[1]], full) : null);
  const t = TARGET.exec(s.text);
  if (!pair?.[1] || !pair[2] || !t?.[1] || t.index > pair.index) return [];
  const named = ACTUAL.exec(s.text);
  const a = named?.[1]
    ? { index: named.index, figure: named[1], name: undefined }
    : statedBefore(s.text, t.index);
  // An actual named after the target, before the score; or one stated right before the target.
  if (!a || a.index > pair.index || (named && a.index < t.index)) return [];
  // At most 16 characters, as before a thousands comma was let in ("1,356小时").
  // "（目标值≥90%）": the parentheses closed after the target are no part of it.
  const target = parseExpression(t[1].replace(/[）)]+$/, '').slice(0, 16));
  const actual = parseExpression(a.figure.slice(0, 16));
  if (target.kind !== 'quantity' || actual.kind !== 'quantity') return [];
  const met = meets(target, actual);
  if (met === undefined) return [];
  const weight = num(pair[1]);
  const score = num(pair[2]);
  const what =
    (named ? undefined : a.name) ??
    /([\u4e00-\u9fa5“”"]{2,20}?)(?:指标)?(?:[，,：:。]|——?)?(?:年度)?(?:目标值?|指标值)/.exec(
      s.text,
    )?.[1] ??
    '该指标';
  const params = { what, target: target.text, actual: actual.text, weight: pts(weight) };
  if (met && score < weight && !REASON.test(s.text))
    return [issue(s, pair[0], 'DOC_SCORE_TARGET_MET', 'warning', score, weight, params)];
  if (!met && samePoints(score, weight)) {
    const lower = target.comparator === '<=' || target.comparator === '<';
    const share = lower ? target.value / actual.value : actual.value / target.value;
    return [issue(s, pair[0], 'DOC_SCORE_TARGET_MISSED', 'warning', score, weight * share, params)];
  }
  return [];
}

/** "未完成年度目标", "未达到年度目标值": the text says an indicator's target was missed. */
const MISSED_SAID =
  /(?<!无|没有|不存在|避免|防止)未(?:能)?(?:全部|按期)?(?:完成|达到|达成|实现)(?:全年|年度|预期)?(?:绩效)?(?:目标|指标值|计划)(?:任务)?/;
/** "完成比例为86.50%", "完成率86%": the share of the target done. */
const COMPLETION = new RegExp(`完成(?:比例|率|比率|程度)(?:为|达|达到|是)?${NUM}[%％]`);
/** A percentage, for the actual after a percentage target ("群众满意度为85.3%"). */
const PERCENT = new RegExp(`${NUM}[%％]`, 'g');

/**
 * "…完成比例为86.50%，未完成年度目标，…。该项分值8分，得8分。": the text itself says the target
 * was missed, and the indicator's score, in that sentence after the words or in the next sentence
 * of the paragraph, is its full weight. A warning (a rulebook may give full marks from a
 * threshold), with the proportional score where the text gives the share done.
 */
function saidMissedIssues(sentences: readonly Sentence[]): ScoreClaimIssue[] {
  const out: ScoreClaimIssue[] = [];
  sentences.forEach((s, i) => {
    const said = MISSED_SAID.exec(s.text);
    if (!said) return;
    const next = sentences[i + 1];
    const candidates: [Sentence, string][] = [[s, s.text.slice(said.index)]];
    // The next sentence is this indicator's only when it names no target of its own.
    if (next && next.block === s.block && !TARGET.test(next.text))
      candidates.push([next, next.text]);
    for (const [t, text] of candidates) {
      const pair = PAIR.exec(text);
      if (!pair?.[1] || !pair[2]) continue;
      // A target and actual read in one sentence with the pair are targetIssues' to judge.
      if (t === s && TARGET.test(s.text) && ACTUAL.test(s.text)) return;
      const weight = num(pair[1]);
      const score = num(pair[2]);
      if (!samePoints(score, weight) || /执行率/.test(s.text.slice(0, said.index))) return;
      const before = s.text.slice(0, said.index);
      const share = shareDone(before);
      const what = indicatorNameOf(sentences, i);
      const expected = share === undefined ? weight : Math.round(weight * share * 100) / 100;
      out.push(
        issue(t, pair[0], 'DOC_SCORE_TARGET_MISSED', 'warning', score, expected, {
          what,
          target: TARGET.exec(s.text)?.[1] ?? '',
          actual: '',
          said: said[0],
          share: share === undefined ? '' : 'yes',
          weight: pts(weight),
        }),
      );
      return;
    }
  });
  return out;
}

/**
 * The indicator a sentence speaks of: the title its paragraph opens with ("（2）65岁及以上老年人
 * 健康管理人数。"), else the name before its target ("群众满意度指标年度目标值≥90%").
 */
function indicatorNameOf(sentences: readonly Sentence[], i: number): string {
  const s = sentences[i];
  if (!s) return '该指标';
  let first = i;
  while (first > 0 && sentences[first - 1]?.block === s.block) first--;
  const head = (sentences[first]?.text ?? '')
    .replace(/^[（(]?[\d一二三四五六七八九十]+[）)、.．]\s*/, '')
    .replace(/[。：:]$/, '');
  if (first < i && head.length >= 2 && head.length <= 30 && !/[，,；;]/.test(head)) return head;
  return (
    /([\u4e00-\u9fa5“”"]{2,20}?)(?:指标)?(?:[，,：:。]|——?)?(?:年度)?(?:目标值?|指标值)/.exec(
      s.text,
    )?.[1] ?? '该指标'
  );
}

/** The share of its target done, from "完成比例为X%" or a percentage actual after a percentage target. */
function shareDone(text: string): number | undefined {
  const c = COMPLETION.exec(text);
  if (c?.[1]) return Math.min(1, num(c[1]) / 100);
  const t = TARGET.exec(text);
  if (!t?.[1]) return undefined;
  const target = parseExpression(t[1].slice(0, 16));
  if (target.kind !== 'quantity' || target.unit !== '%' || !(target.value > 0)) return undefined;
  const after = [...text.slice(t.index + t[0].length).matchAll(PERCENT)].pop();
  if (!after?.[1]) return undefined;
  const actual = num(after[1]);
  const lower = target.comparator === '<=' || target.comparator === '<';
  const share = lower ? target.value / actual : actual / target.value;
  return share < 1 ? share : undefined;
}
