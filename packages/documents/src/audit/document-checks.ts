import { ordinalListIssues } from '../extract/ordinal-lists.ts';
import {
  BOUNDED_RATE_WORDS,
  decimalsOf,
  fen,
  formatFen,
  gradeFor,
  parseExpression,
  roundingStepFen,
  sumPoints,
  unitsCompatible,
} from '@jixiao/domain';
import type {
  Amount,
  Finding,
  FindingCategory,
  FundRow,
  IndicatorNode,
  Severity,
} from '@jixiao/domain';
import type { ExtractedReport } from '../extract/extract-evaluation.ts';
import { listNumberIssues } from '../extract/outline.ts';
import { AMOUNT, NUM, excerptOf, squash } from '../extract/text.ts';
import { attachmentNames } from './attachment-names.ts';
import { wan } from '../extract/budget.ts';
import { checkClaims } from './claim-checks.ts';
import { checkIndicatorParagraphs } from './goal-actuals.ts';
import { numberedLists } from './numbered-lists.ts';
import { magnitudeSlip, targetClauses } from './prose-targets.ts';
import type { TargetClause } from './prose-targets.ts';
import {
  bandsText,
  checkListTables,
  DEFAULT_BANDS,
  DEFAULT_GRADES,
  GRADE_WORDS,
} from './list-tables.ts';
import { scoreClaimIssues } from './score-claims.ts';
import type { ScoreClaimCode } from './score-claims.ts';
import { str } from './message-params.ts';
import type { Params } from './message-params.ts';

/** Codes of the checks that need the document itself, beyond the evaluation model. */
export type DocumentCheckCode =
  | 'DOC_SUM_PARTS'
  | 'DOC_TOTAL_CAPPED'
  | 'DOC_UNIT_NARRATIVE'
  | 'DOC_CROSS_TABLE'
  | 'DOC_TEMPLATE_LEFT'
  | 'DOC_TEMPLATE_LEFT_TEXT'
  | 'DOC_TEMPLATE_OPTIONS'
  | 'DOC_LIST_NUMBERING'
  | 'DOC_GRADE_CLAIM'
  | 'DOC_INDICATOR_TWICE'
  | 'DOC_RATE_OVER_FULL'
  | 'DOC_ATTACHMENT_NAME'
  | 'DOC_TEMPLATE_BLANK'
  | 'DOC_LIST_ITEM_TWICE'
  | ScoreClaimCode;

const CATEGORY: Record<DocumentCheckCode, FindingCategory> = {
  DOC_SUM_PARTS: 'sum',
  DOC_TOTAL_CAPPED: 'total',
  DOC_UNIT_NARRATIVE: 'unit',
  DOC_CROSS_TABLE: 'cross-section',
  DOC_TEMPLATE_LEFT: 'completeness',
  DOC_TEMPLATE_LEFT_TEXT: 'completeness',
  DOC_TEMPLATE_OPTIONS: 'completeness',
  DOC_LIST_NUMBERING: 'numbering',
  DOC_GRADE_CLAIM: 'grade',
  DOC_INDICATOR_TWICE: 'duplicate',
  DOC_RATE_OVER_FULL: 'implausible',
  DOC_ATTACHMENT_NAME: 'cross-section',
  DOC_TEMPLATE_BLANK: 'completeness',
  DOC_LIST_ITEM_TWICE: 'duplicate',
  DOC_SCORE_OVER_WEIGHT: 'score-over-weight',
  DOC_SCORE_DEDUCTION: 'deduction',
  DOC_SCORE_EXECUTION: 'execution-score',
  DOC_SCORE_TOTAL: 'total',
  DOC_SCORE_PARTS: 'score-subtotal',
  DOC_SCORE_TARGET_MET: 'score-rule',
  DOC_SCORE_TARGET_MISSED: 'score-rule',
  DOC_SCORE_RESTATED: 'cross-section',
  DOC_SCORE_NO_REASON: 'deduction',
};

/** Chinese messages of the document checks, one per code. */
export function documentCheckMessage(code: DocumentCheckCode, p: Params): string {
  switch (code) {
    case 'DOC_SUM_PARTS':
      return `${str(p, 'label')}${str(p, 'stated')}万元，与各部分合计${str(p, 'expected')}万元（${str(p, 'parts')}）不符`;
    case 'DOC_TOTAL_CAPPED':
      return `自评总分${str(p, 'stated')}分，但各项得分合计${str(p, 'tree')}分加减分${str(p, 'bonus')}分为${str(p, 'expected')}分；仅在总分封顶规则下成立，请核实所依据的规则`;
    case 'DOC_UNIT_NARRATIVE':
      return `“${str(p, 'name')}”年度指标值为${str(p, 'target')}，实际完成值为${str(p, 'stated')}，计量单位不一致`;
    case 'DOC_CROSS_TABLE':
      return `${str(p, 'label')}在正文为${str(p, 'stated')}万元，在${str(p, 'table')}为${str(p, 'expected')}万元，前后不一致`;
    case 'DOC_TEMPLATE_LEFT_TEXT':
      return `正文中保留了模板提示文字“${str(p, 'stated')}”，未按实际删除或填写`;
    case 'DOC_LIST_NUMBERING':
      return `列表序号${str(p, 'how')}：“${str(p, 'previous')}”之后为“${str(p, 'stated')}”，应为“${str(p, 'expected')}”`;
    case 'DOC_TEMPLATE_OPTIONS':
      return `“${str(p, 'stated')}”中的选项均未勾选（如原件有勾选标记而在转换中丢失，请忽略）`;
    case 'DOC_TEMPLATE_LEFT':
      return `表格中保留了模板提示文字“${str(p, 'stated')}”，未按实际填写`;
    case 'DOC_SCORE_OVER_WEIGHT':
      return `“${str(p, 'what')}”得分${str(p, 'stated')}分，超过其分值${str(p, 'expected')}分`;
    case 'DOC_SCORE_DEDUCTION':
      return `“${str(p, 'what')}”分值${str(p, 'weight')}分、得分${str(p, 'score')}分，应扣${str(p, 'expected')}分，文中写扣${str(p, 'stated')}分`;
    case 'DOC_SCORE_EXECUTION':
      return `预算执行率${str(p, 'rate')}%，分值${str(p, 'weight')}分，得分${str(p, 'stated')}分：${str(p, 'how')}（按执行率比例计算为${str(p, 'expected')}分；报告未写明计分办法，请核实）`;
    case 'DOC_SCORE_TOTAL':
      return `总得分${str(p, 'stated')}分，与所列各项得分合计${str(p, 'expected')}分（${str(p, 'parts')}）不符`;
    case 'DOC_SCORE_PARTS':
      return `得分${str(p, 'stated')}分，与其中所列各项得分合计${str(p, 'expected')}分（${str(p, 'parts')}）不符；如未列全，请核实`;
    case 'DOC_SCORE_TARGET_MET':
      return `“${str(p, 'what')}”年度指标值${str(p, 'target')}，实际完成值${str(p, 'actual')}，已完成目标，但分值${str(p, 'weight')}分只得${str(p, 'stated')}分，且未说明扣分原因`;
    case 'DOC_SCORE_TARGET_MISSED':
      if (str(p, 'said') !== '')
        return `“${str(p, 'what')}”文中写明“${str(p, 'said')}”，却得满分${str(p, 'stated')}分${str(p, 'share') !== '' ? `（按完成比例约为${str(p, 'expected')}分）` : ''}；报告未写明计分办法，请核实`;
      return `“${str(p, 'what')}”年度指标值${str(p, 'target')}，实际完成值${str(p, 'actual')}，未完成目标，却得满分${str(p, 'stated')}分（按完成比例约为${str(p, 'expected')}分；报告未写明计分办法，请核实）`;
    case 'DOC_SCORE_NO_REASON':
      return `“${str(p, 'what')}”分值${str(p, 'weight')}分、得分${str(p, 'score')}分，扣${str(p, 'stated')}分而未说明原因（同段其他指标均写明了扣分原因）`;
    case 'DOC_SCORE_RESTATED':
      return `自评总分在第${str(p, 'lineA')}行为${str(p, 'expected')}分，在第${str(p, 'lineB')}行为${str(p, 'stated')}分，前后不一致`;
    case 'DOC_INDICATOR_TWICE':
      return `指标“${str(p, 'stated')}”在“${str(p, 'first')}”（第${str(p, 'lineA')}行）和“${str(p, 'second')}”下重复列出`;
    case 'DOC_RATE_OVER_FULL':
      return `“${str(p, 'name')}”写为${str(p, 'stated')}，此类比率不会超过100%，请核实`;
    case 'DOC_ATTACHMENT_NAME':
      return `附件标题中的名称“${str(p, 'stated')}”与正文所称“${str(p, 'expected')}”（第${str(p, 'lineA')}行）不一致`;
    case 'DOC_TEMPLATE_BLANK':
      return `“${str(p, 'stated')}”中的得分或等级未填写`;
    case 'DOC_LIST_ITEM_TWICE':
      return `写明${str(p, 'count')}，其后逐条列出的第${str(p, 'first')}条和第${str(p, 'second')}条都是“${str(p, 'stated')}”（不重复的${str(p, 'distinct')}个）`;
    case 'DOC_GRADE_CLAIM':
      return p['own'] === true
        ? `自评得分${str(p, 'score')}分，评价等级写为“${str(p, 'stated')}”；按报告所写的等级标准（${str(p, 'bands')}）应为“${str(p, 'expected')}”`
        : `自评得分${str(p, 'score')}分，评价等级写为“${str(p, 'stated')}”；按通行的等级标准（${str(p, 'bands')}）应为“${str(p, 'expected')}”。报告未写明所依据的等级标准，请核实`;
  }
}

function finding(
  code: DocumentCheckCode,
  severity: Severity,
  path: string,
  line: number | undefined,
  excerpt: string | undefined,
  params: Params,
): Finding {
  const f: Finding = {
    code,
    category: CATEGORY[code],
    severity,
    message: documentCheckMessage(code, params),
    path,
    params,
  };
  const stated = params['stated'];
  const expected = params['expected'];
  if (stated !== undefined && stated !== null) f.stated = String(stated);
  if (expected !== undefined && expected !== null) f.expected = String(expected);
  if (excerpt !== undefined) f.excerpt = excerpt;
  if (line !== undefined) f.line = line;
  return f;
}

const wanText = (a: Amount | number): string =>
  formatFen(typeof a === 'number' ? fen(a) : a.fen, '万元');
/**
 * An amount as 万元 text for messages that write 万元 after it: as written when written in 万元,
 * else converted exactly (24771000.00元 → 2477.10, 1234.56元 → 0.123456, 0.34亿元 → 3400.00).
 */
const asWan = (a: Amount): string => {
  if (a.unit === '万元' && a.text) return a.text;
  return formatFen(a.fen, '万元', 6).replace(/(\.\d\d\d*?)0+$/, '$1');
};
/**
 * A stated total agrees with its parts within 0.01 万元 per rounded part (domain.md §2), or the
 * rounding of a coarser figure: "0.34亿元" is rounded to 0.01亿元 ("0.338552亿元" is not).
 */
const tolerance = (parts: number, ...figures: readonly Amount[]): number =>
  Math.max(
    10_000,
    ...figures.map((a) => roundingStepFen(a.unit, Math.max(2, decimalsOf(a.text)))),
  ) * Math.max(1, parts);

/**
 * A table's figure in 万元 that is the text's figure in 元 to the 元 (12,865,400.00 against
 * "12,865,400.00元"): the table is in 元 and its unit note went unread (a heading run together
 * with the rows), not a figure the text contradicts.
 */
const unitUnread = (text: Amount, table: Amount): boolean =>
  text.unit === '元' && table.unit === '万元' && Math.abs(text.fen - table.fen / 10_000) <= 100;

/**
 * The checks that read the document: budget sums, capped totals, units, tables, and the claims
 * of the prose (parts and wholes, lists, rates, restatements: claim-checks.ts), tables that list
 * items one per row (list-tables.ts).
 */
export function checkDocument(report: ExtractedReport): Finding[] {
  const clauses = targetClauses(report.sentences);
  return [
    ...checkNarrativeSums(report),
    ...checkCappedTotal(report),
    ...checkNarrativeUnits(clauses),
    ...checkIndicatorsTwice(clauses),
    ...checkRatesOverFull(report),
    ...checkNumberedLists(report),
    ...attachmentNames(report.document.blocks, report.sentences).map((a) =>
      finding('DOC_ATTACHMENT_NAME', 'warning', 'chapters', a.line, a.raw, {
        stated: a.stated,
        expected: a.expected,
        lineA: a.lineA,
      }),
    ),
    ...checkTextAgainstTables(report),
    ...checkTemplateLeft(report),
    ...checkListNumbers(report),
    ...checkClaims(report),
    ...checkGradeClaims(report),
    ...checkListTables(report.document.blocks),
    ...checkIndicatorParagraphs(report.evaluation.indicators, report.document.blocks),
    ...scoreClaimIssues(report).map((i) =>
      finding(i.code, i.severity, 'chapters', i.line, i.excerpt, i.params),
    ),
  ];
}

/** Gaps and repeats among numbered list items (the headings are checked by the model). */
function checkListNumbers(report: ExtractedReport): Finding[] {
  return [
    ...[
      ...listNumberIssues(report.document.blocks),
      ...ordinalListIssues(report.document.blocks),
    ].map((issue) =>
      finding('DOC_LIST_NUMBERING', 'warning', 'chapters', issue.line, issue.excerpt, {
        how: issue.kind === 'gap' ? '不连续' : '重复',
        previous: issue.previous,
        stated: issue.text,
        expected: numberMark(issue.text, issue.expected),
      }),
    ),
    ...unnumberedSiblings(report),
  ];
}

/** A title written as a sentence of a few words: "完成的绩效目标。", "执行率情况。". */
const SHORT_TITLE = /^\p{Script=Han}{3,18}。$/u;

/**
 * A heading numbered 1、 (or （1）) with no 2、 after it, closed by a stop as a sentence is
 * ("1、执行率情况。"), and below it, between two paragraphs, a line written the same way with no
 * number ("完成的绩效目标。"): the list's second heading, its number left out.
 */
function unnumberedSiblings(report: ExtractedReport): Finding[] {
  const out: Finding[] = [];
  const { outline } = report;
  const blocks = report.document.blocks;
  outline.forEach((e, i) => {
    const written = e.text.trim();
    if (e.number?.value !== 1 || !written.endsWith('。')) return;
    if (!SHORT_TITLE.test(`${e.title.trim().replace(/。$/, '')}。`)) return;
    const after = outline.slice(i + 1);
    const next = after.find((o) => o.level <= e.level);
    if (next && next.level === e.level && next.number?.style === e.number.style) return;
    const end = next?.line ?? Number.POSITIVE_INFINITY;
    if (after.some((o) => o.line < end && o.level < e.level)) return;
    const body = blocks.filter((b) => b.line > e.line && b.line < end);
    const at = body.findIndex((b, k) => {
      const text = b.text.trim();
      const before = body[k - 1];
      const following = body[k + 1];
      return (
        b.kind === 'paragraph' &&
        SHORT_TITLE.test(text) &&
        before?.kind === 'paragraph' &&
        following?.kind === 'paragraph' &&
        before.text.trim().length > 2 * text.length &&
        following.text.trim().length > 2 * text.length
      );
    });
    const sibling = body[at];
    if (!sibling) return;
    const text = sibling.text.trim();
    const at0 = written.indexOf(e.title.trim());
    const mark = numberMark(written.slice(0, Math.max(0, at0)), 2);
    out.push(
      finding('DOC_LIST_NUMBERING', 'warning', 'chapters', sibling.line, text, {
        how: '缺失',
        previous: written,
        stated: text,
        expected: `${mark}${text}`,
      }),
    );
  });
  return out;
}

const CN_NUMERALS = '一二三四五六七八九十';

/** A number mark written in the style of another ("⑷" with 3 → "⑶", "（五）" with 4 → "（四）"). */
export function numberMark(like: string, n: number): string {
  if (/\d/.test(like)) return like.replace(/\d+/, String(n));
  const first = like.codePointAt(0) ?? 0;
  for (const start of [0x2474, 0x2460, 0x2488]) {
    if (first >= start && first < start + 20 && n >= 1 && n <= 20)
      return String.fromCodePoint(start + n - 1) + like.slice(1);
  }
  const cn = n <= 10 ? CN_NUMERALS[n - 1] : n < 20 ? `十${CN_NUMERALS[n - 11] ?? ''}` : undefined;
  return cn ? like.replace(/[一二三四五六七八九十]+/, cn) : like;
}

/** A grade as written, on the common four-band scale (优秀 → 优); 合格 and the like are other scales. */
const GRADE_CLAIM = new RegExp(
  `(?:得分|总分)(?:为|是)?${NUM}分[^。；;\\d]{0,16}?(?:等级|等次|级别|评价结果|评定结果)(?:为|是|[：:])?[“"'‘「『]?(优秀|良好|中等|较差|优|良|中|差)(?![\u4e00-\u9fa5])`,
);

/** The grade written before its score: "自评结果为“良”，得分79.5分", "等级为良（79.5分）". */
const GRADE_FIRST = new RegExp(
  `(?:等级|等次|级别|评价结果|评定结果|自评结果)(?:为|是|[：:])?[“"'‘「『]?(优秀|良好|中等|较差|优|良|中|差)(?:[”"'’」』]|(?![一-龥]))[，,（(]?(?:自评|综合)?(?:得分|总分|分数)?(?:为|是)?${NUM}分`,
);

/** A grade and the score it is given for, in either order; the score first when both match. */
function gradeClaim(
  text: string,
): { index: number; text: string; score: string; grade: string } | undefined {
  const m = GRADE_CLAIM.exec(text);
  if (m?.[1] && m[2]) return { index: m.index, text: m[0], score: m[1], grade: m[2] };
  const f = GRADE_FIRST.exec(text);
  if (f?.[1] && f[2]) return { index: f.index, text: f[0], score: f[2], grade: f[1] };
  return undefined;
}

/**
 * "自评得分85分，评价等级为“优”": the grade a score is given in the prose, against the bands most
 * rulebooks use (90 and above 优, 80 良, 60 中, below 差: RulebookOptions' default). A warning: a
 * jurisdiction may draw its bands elsewhere, and the report does not say which it used.
 */
function checkGradeClaims(report: ExtractedReport): Finding[] {
  // The bands the report itself states, else those most rulebooks use.
  const own = statedGrades(report.sentences);
  const grades = own ?? DEFAULT_GRADES;
  if (grades.length === 0) return [];
  const bands = own ? bandsText(own) : DEFAULT_BANDS;
  const out: Finding[] = [];
  report.sentences.forEach((s, i) => {
    const m = gradeClaim(s.text) ?? gradeAfterTotal(report.sentences, i);
    if (!m) return;
    // An indicator's own score and grade (分值, 指标值 before it, or 指标 in the score's own
    // name), not the evaluation's: "产出指标得分43分…，自评得分87.5分，等级为优" is the latter.
    const before = s.text.slice(0, m.index);
    const clause = before.slice(
      Math.max(...[...'，,；;：:'].map((c) => before.lastIndexOf(c))) + 1,
    );
    if (/分值|权重|满分|指标值|完成值/.test(before) || /指标/.test(clause)) return;
    const score = Number(m.score.replace(/,/g, ''));
    const stated = GRADE_WORDS.find(([re]) => re.test(m.grade))?.[1];
    const expected = gradeFor(score, grades);
    if (stated === undefined || expected === null || stated === expected) return;
    out.push(
      finding('DOC_GRADE_CLAIM', 'warning', 'stated.grade', s.line, excerptOf(s.raw, m.text), {
        stated: m.grade,
        expected,
        score: m.score,
        bands,
        ...(own ? { own: true } : {}),
      }),
    );
  });
  return out;
}

/** A band's clause ending on its grade: "80分（含）至90分为良", "60分以下为差）". */
const BAND_CLAUSE = /(?:为|评为|属于)[“"‘]?(优秀|良好|中等|较差|优|良|中|差)[”"’]?[)）]?$/;
const GRADE_ORDER = ['优', '良', '中', '差'];

/**
 * The grade bands a report states ("90分（含）以上为优，80分（含）至90分为良，60分（含）至80分为中，
 * 60分以下为差"): each grade's lowest score, when a sentence gives at least three grades in their
 * order; undefined otherwise.
 */
export function statedGrades(
  sentences: readonly { text: string }[],
): { label: string; min: number }[] | undefined {
  for (const s of sentences) {
    if ((s.text.match(/为[“"‘]?(?:优|良|中|差)/g) ?? []).length < 3) continue;
    const found = new Map<string, number>();
    for (const clause of s.text.replace(/[（(]含[)）]/g, '').split(/[，,；;、。]/)) {
      const m = BAND_CLAUSE.exec(clause.trim());
      const label = GRADE_WORDS.find(([re]) => re.test(m?.[1] ?? ''))?.[1];
      // A range's lower end may be written without its 分 ("80—90分为良").
      const figures = clause.match(/\d+(?:\.\d+)?(?=\s*(?:分|[-－—–~～至到]\s*\d))/g);
      if (!label || !figures || found.has(label)) continue;
      const below = /以下|低于|不足|不到/.test(clause) && !/以上|至|到|[-－—~～]/.test(clause);
      found.set(label, below ? 0 : Number(figures[0]));
    }
    const ordered = GRADE_ORDER.filter((g) => found.has(g));
    const mins = ordered.map((g) => found.get(g) ?? 0);
    if (
      ordered.length < 3 ||
      !found.has('优') ||
      mins.some((v, i) => i > 0 && v >= (mins[i - 1] ?? 0))
    )
      continue;
    return ordered.map((label) => ({ label, min: found.get(label) ?? 0 }));
  }
  return undefined;
}

/** A grade stated alone: "…自评等级为“良”" with no score in its sentence. */
const GRADE_ALONE =
  /(?:等级|等次|评价结果|评定结果)(?:为|是|[：:])?[“"'‘「『]?(优秀|良好|中等|较差|优|良|中|差)(?:[”"'’」』]|(?![一-龥]))/;
/**
 * The evaluation's total, stated in a sentence of its own: "自评总分92.5分", or closing the list of
 * its parts: "以上四项合计得分93分".
 */
const TOTAL_ALONE = new RegExp(
  `(?:自评总分|总得分|综合得分|综合评价得分|自评得分|评价得分|(?:以上|上述)[^，,；;。\\d]{0,6}?(?:合计|共计|总计)(?:自评)?得分)(?:为|是)?${NUM}分`,
);
/** How many sentences back the total of a grade stated alone is looked for. */
const GRADE_WINDOW = 3;

/**
 * "自评总分92.5分。分项看，…。对照评价等级标准，自评等级为“良”": a grade stated alone takes the
 * evaluation's total stated in the few sentences before it (the latest one), if any.
 */
function gradeAfterTotal(
  sentences: ExtractedReport['sentences'],
  i: number,
): { index: number; text: string; score: string; grade: string } | undefined {
  const s = sentences[i];
  const g = s && !/\d分/.test(s.text) ? GRADE_ALONE.exec(s.text) : null;
  if (!s || !g?.[1]) return undefined;
  for (let k = i - 1; k >= Math.max(0, i - GRADE_WINDOW); k--) {
    const total = [...(sentences[k]?.text ?? '').matchAll(new RegExp(TOTAL_ALONE, 'g'))].pop();
    if (total?.[1]) return { index: g.index, text: g[0], score: total[1], grade: g[1] };
  }
  return undefined;
}

function checkNarrativeSums(report: ExtractedReport): Finding[] {
  const out: Finding[] = [];
  const e = report.evaluation;
  if (e.kind === 'department') {
    const total = e.funds.total;
    const basic = e.basicExpenditure.actual;
    const project = e.projectExpenditure.actual;
    if (total?.executed && basic && project) {
      const sum = basic.fen + project.fen;
      if (Math.abs(total.executed.fen - sum) > tolerance(2, total.executed, basic, project)) {
        out.push(
          finding(
            'DOC_SUM_PARTS',
            'error',
            'funds.total.executed',
            total.source?.line,
            total.source?.excerpt,
            {
              label: '全年执行数',
              stated: asWan(total.executed),
              expected: wanText(sum),
              parts: `基本支出${asWan(basic)} + 项目支出${asWan(project)}`,
            },
          ),
        );
      }
    }
  }
  for (const t of report.budget.totals) {
    const sum = t.parts.reduce((s, p) => s + p.fen, 0);
    if (Math.abs(t.total.fen - sum) > tolerance(t.parts.length, t.total, ...t.parts)) {
      out.push(
        finding(
          'DOC_SUM_PARTS',
          'error',
          t.what === 'actual' ? 'basicExpenditure.actual' : 'basicExpenditure.budget',
          t.line,
          t.excerpt,
          {
            label: t.what === 'actual' ? '支出总额' : '预算总额',
            stated: asWan(t.total),
            expected: wanText(sum),
            parts: t.parts.map(asWan).join(' + '),
          },
        ),
      );
    }
  }
  return out;
}

/** Sum of a node's stated score, or of its children's when the group states none. */
function statedScore(node: IndicatorNode): number | undefined {
  if (node.score !== undefined) return node.score;
  const kids = node.children ?? [];
  if (kids.length === 0) return undefined;
  const scores = kids.filter((k) => !k.notAssessed).map(statedScore);
  if (scores.some((s) => s === undefined)) return undefined;
  return sumPoints(scores.filter((s): s is number => s !== undefined));
}

function checkCappedTotal(report: ExtractedReport): Finding[] {
  const e = report.evaluation;
  const claimed = report.claimedTotal;
  if (!claimed || e.indicators.length === 0) return [];
  const scores = e.indicators.map(statedScore);
  if (scores.some((s) => s === undefined)) return [];
  const tree = sumPoints(scores.filter((s): s is number => s !== undefined));
  const bonus = sumPoints(e.adjustments.map((a) => (a.kind === 'bonus' ? a.points : -a.points)));
  const computed = sumPoints([tree, bonus]);
  if (computed > claimed.value && claimed.value === 100) {
    return [
      finding('DOC_TOTAL_CAPPED', 'warning', 'stated.total', claimed.line, claimed.excerpt, {
        stated: String(claimed.value),
        expected: String(computed),
        tree: String(tree),
        bonus: String(bonus),
      }),
    ];
  }
  return [];
}

/**
 * Narrative pairs of an indicator's target and what was done that the indicator tree did not take
 * (no 分值): "X，年度指标值A，实际完成值B", "X B，年度目标A，完成值B′". Units that differ are a
 * warning; one written with 万 or 亿 more than the other while the numbers as written agree is
 * a slip (an error). "完成1.2万人次，年度目标10000人次" agrees and stays silent.
 */
function checkNarrativeUnits(clauses: readonly TargetClause[]): Finding[] {
  const out: Finding[] = [];
  for (const c of clauses) {
    if (c.target.kind !== 'quantity' && c.target.kind !== 'range') continue;
    for (const a of c.actuals) {
      const actual = parseExpression(a.text);
      if (actual.kind !== 'quantity' || unitsCompatible(c.target, actual)) continue;
      const slip = magnitudeSlip(c.target, actual);
      if (slip === 'agrees' || (slip === undefined && !a.named)) continue;
      out.push(
        finding(
          'DOC_UNIT_NARRATIVE',
          slip ? 'error' : 'warning',
          'chapters',
          c.sentence.line,
          excerptOf(c.sentence.raw, a.text),
          {
            name: c.name,
            target: c.target.text,
            stated: actual.text,
            expected: `${actual.value}${c.target.unit}`,
          },
        ),
      );
    }
  }
  return out;
}

/** The 二级 headings of the indicator tables ("社会效益指标", "可持续影响指标"). */
const SECOND_LEVEL =
  /^(?:数量|质量|时效|成本|经济成本|社会成本|生态环境成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|满意度)指标$/;

/**
 * One indicator stated with its target under two headings ("（1）社会效益指标：A 100%，年度目标
 * 100%" and "（2）可持续影响指标：A 100%，年度目标100%"): the same indicator twice.
 */
function checkIndicatorsTwice(clauses: readonly TargetClause[]): Finding[] {
  const out: Finding[] = [];
  const first = new Map<string, TargetClause>();
  for (const c of clauses) {
    if (c.name.length < 6 || c.label === '') continue;
    const seen = first.get(c.name);
    if (!seen) {
      first.set(c.name, c);
      continue;
    }
    // Two headings of the 二级 level (社会效益指标, 可持续影响指标): a summary that restates an
    // indicator under its 一级 group, or a goal restated as done, is not a second listing.
    if (seen.label === c.label || seen.sentence === c.sentence) continue;
    if (!SECOND_LEVEL.test(seen.label) || !SECOND_LEVEL.test(c.label)) continue;
    out.push(
      finding(
        'DOC_INDICATOR_TWICE',
        'warning',
        'indicators',
        c.sentence.line,
        excerptOf(c.sentence.raw, c.name),
        {
          stated: c.name,
          first: seen.label,
          second: c.label,
          lineA: seen.sentence.line,
        },
      ),
    );
  }
  return out;
}

/**
 * "项目共5个…分别是：" then items numbered one per paragraph, one of them named twice: the same
 * item listed again (an error when the names that differ are as many as the count says).
 */
function checkNumberedLists(report: ExtractedReport): Finding[] {
  const out: Finding[] = [];
  for (const list of numberedLists(report.document.blocks)) {
    const first = new Map<string, number>();
    list.names.forEach((name, k) => {
      const at = first.get(name);
      if (at === undefined) {
        first.set(name, k);
        return;
      }
      const distinct = new Set(list.names).size;
      out.push(
        finding(
          'DOC_LIST_ITEM_TWICE',
          distinct === list.count && !list.atEnd ? 'error' : 'warning',
          'chapters',
          list.lines[k] ?? list.line,
          name,
          { stated: name, count: list.countText, first: at + 1, second: k + 1, distinct },
        ),
      );
    });
  }
  return out;
}

/** A bounded rate and the percentage stated for it ("满意度达到102%"). */
const BOUNDED_RATE = new RegExp(
  `(${BOUNDED_RATE_WORDS})(?:达到|达|为|是)?[：:]?(\\d{3,}(?:\\.\\d+)?)[%％]`,
  'g',
);

/** A satisfaction, pass rate or coverage stated above 100% ("满意度达到102%"). */
function checkRatesOverFull(report: ExtractedReport): Finding[] {
  const out: Finding[] = [];
  for (const s of report.sentences) {
    if (!/\d{3}/.test(s.text)) continue;
    for (const m of s.text.matchAll(BOUNDED_RATE)) {
      const value = Number(m[2]);
      if (!(value > 100)) continue;
      // "较上年提高120%", "增长105%": a change, not the rate.
      if (
        /(?:提高|增长|增加|上升|提升|下降|降低|减少)[^，,；;。]{0,4}$/.test(
          s.text.slice(0, m.index),
        )
      )
        continue;
      out.push(
        finding('DOC_RATE_OVER_FULL', 'warning', 'chapters', s.line, excerptOf(s.raw, `${m[2]}`), {
          name: m[1] ?? '',
          stated: `${m[2]}%`,
          expected: '≤100%',
        }),
      );
    }
  }
  return out;
}

/** The figures of a fund row the narrative restates, with their names. */
const FUND_FIGURES = [
  ['年初预算数', 'initialBudget'],
  ['全年预算数', 'budget'],
  ['全年执行数', 'executed'],
] as const;

/** A project's spending in its budget paragraph: "项目实际支出385.42万元". */
const PROJECT_SPENT = new RegExp(`项目(?:实际|累计)?(?:支出|执行)(?:数|金额)?(?:为|共)?${AMOUNT}`);

/**
 * The same, opening a clause and said to be what was spent in fact (实际, 累计): "项目实际支出",
 * "项目资金实际支出".
 */
const PROJECT_SPENT_ALONE = new RegExp(
  `(?:^|[，,。；;：:])项目(?:资金)?(?:实际|累计)(?:支出|执行)(?:数|金额)?(?:为|共)?${NUM}万元`,
);

/**
 * A 区域 report's spending of the whole region: "截至2024年12月31日，全州实际支出11,335.50万元",
 * "全市保费补贴资金实际支出18,463.10万元", "全市累计支出就业补助资金9,195.80万元" (not a part's:
 * 其中…支出); a subsidy's paid out opening its clause: "累计实际发放补助资金8,797.45万元".
 */
const REGION_SPENT = new RegExp(
  `(?:^|[，,。；;])(?:截至[^，,。]{0,16}[，,])?(?:全[省市州县区盟旗][^，,。；;\\d]{0,12}?(?:实际支出|累计支出[^，,。；;\\d]{0,10}?资金)|(?:累计)?实际(?:发放|兑付)[^，,。；;\\d]{0,6}?资金)(?:数|金额)?(?:为|共)?${AMOUNT}`,
);

function checkTextAgainstTables(report: ExtractedReport): Finding[] {
  const e = report.evaluation;
  const out: Finding[] = [];
  let narrative = report.budget.fund;
  // A project report's paragraph says whose spending it is ("项目实际支出…，预算执行率…").
  const spent = wan(PROJECT_SPENT.exec(squash(narrative?.source?.excerpt ?? ''))?.[1]);
  if (e.kind === 'project' && narrative && !narrative.executed && spent)
    narrative = { ...narrative, executed: spent };
  // A project report may say the project's spending in a sentence of its own, with no rate
  // ("截至2024年12月31日，项目实际支出1,386.45万元，其中…").
  if (e.kind === 'project' && !narrative?.executed) {
    const b = report.document.blocks.find(
      (x) => x.kind !== 'table' && PROJECT_SPENT_ALONE.test(squash(x.text)),
    );
    const executed = wan(PROJECT_SPENT_ALONE.exec(squash(b?.text ?? ''))?.[1]);
    if (b && executed)
      narrative = { ...narrative, executed, source: { line: b.line, excerpt: b.text.trim() } };
  }
  // A 区域 report says the region's spending in a sentence of its own, with no rate.
  if (e.kind === 'project' && !narrative?.executed && /区域|转移支付/.test(e.meta.title ?? '')) {
    const b = report.document.blocks.find(
      (x) => x.kind !== 'table' && REGION_SPENT.test(squash(x.text)),
    );
    const executed = wan(REGION_SPENT.exec(squash(b?.text ?? ''))?.[1]);
    if (b && executed)
      narrative = { ...narrative, executed, source: { line: b.line, excerpt: b.text.trim() } };
  }
  /** The narrative's 年初预算, 全年预算 and 全年执行数 against the same row of a table. */
  const compareFund = (row: FundRow | undefined, tableName: string): void => {
    for (const [label, key] of FUND_FIGURES) {
      const text = narrative?.[key];
      const stated = row?.[key];
      if (!text || !stated || Math.abs(text.fen - stated.fen) <= tolerance(1, text, stated))
        continue;
      if (unitUnread(text, stated)) continue;
      out.push(
        finding(
          'DOC_CROSS_TABLE',
          'warning',
          `funds.total.${key}`,
          narrative?.source?.line,
          narrative?.source?.excerpt,
          {
            label,
            stated: asWan(text),
            expected: asWan(stated),
            table: tableName,
          },
        ),
      );
    }
  };
  if (e.kind === 'project') {
    // A project report: the narrative against its one 项目支出绩效自评表 (with several, the
    // narrative's figures may be of all of them together).
    if (report.otherProjects.length === 0) compareFund(e.funds.total, '项目支出绩效自评表');
    return out;
  }
  const table = report.selfEvaluationTables.find((t) => t.kind === 'department');
  const compare = (
    label: string,
    text: Amount | undefined,
    line: number | undefined,
    excerpt: string | undefined,
    tableAmount: Amount | undefined,
    tableName: string,
  ): void => {
    if (!text || !tableAmount) return;
    if (Math.abs(text.fen - tableAmount.fen) <= tolerance(1, text, tableAmount)) return;
    if (unitUnread(text, tableAmount)) return;
    out.push(
      finding('DOC_CROSS_TABLE', 'warning', 'chapters', line, excerpt, {
        label,
        stated: asWan(text),
        expected: asWan(tableAmount),
        table: tableName,
      }),
    );
  };
  if (table) {
    const split = (label: string): Amount | undefined =>
      table.splits.find((s) => s.label === label)?.amount;
    const bx = e.basicExpenditure;
    const px = e.projectExpenditure;
    compare(
      '基本支出',
      bx.actual,
      bx.source?.line,
      bx.source?.excerpt,
      split('基本支出'),
      '自评表',
    );
    compare(
      '项目支出',
      px.actual,
      px.source?.line,
      px.source?.excerpt,
      split('项目支出'),
      '自评表',
    );
    compareFund(table.funds.total, '自评表');
  }
  const base = report.baseData?.data;
  if (base) {
    const px = e.projectExpenditure;
    compare(
      '项目支出',
      px.actual,
      px.source?.line,
      px.source?.excerpt,
      base.projects?.actual,
      '基础数据表（本年决算数）',
    );
  }
  return out;
}

/** A line that is only a template's label in parentheses: "（参考提纲）", "（此处填写单位名称）". */
const TEMPLATE_LABEL =
  /^[（(][^（()）]{0,12}(?:参考提纲|参考格式|参考模板|模板|范本|样本|示例|仅供参考|请填写|此处(?:填写|简述|描述|说明|列明|概述|补充)|填写说明)[^（()）]{0,30}[）)]$/;

/** A template's label right after the title it stands under: "…评价报告（参考提纲）一、…". */
const TITLED_TEMPLATE_LABEL =
  /(?:报告|提纲|自评表)([（(](?:参考提纲|参考格式|参考模板|模板|范本|样本|示例|仅供参考)[）)])/;

/**
 * A template's instructions or labels left in the text: "填写说明：…", "（可选）" after a heading,
 * "（如无此项请删除）", a line that is only an instruction in brackets ("【请对照…逐项说明…】").
 */
const TEMPLATE_NOTE =
  /^(?:填写说明|填表说明|编写说明|撰写说明|编制说明)(?:[：:]|$)|^[【［[（(]请[^【［[（()）\]］】]{4,80}[】］\]）)]$|[（(](?:可选|选填|必填|如有|如无[^（()）]{0,8}删除|请删除[^（()）]{0,8}|根据实际[^（()）]{0,8})[）)]/;
/** A result left blank in the template's sentence: "自评得分为  分", "评价等级为    。". */
const BLANK_RESULT =
  /(?:得分|总分)(?:为|是)[\s\u3000_＿]*分(?![值数])|等级(?:为|是)[\s\u3000_＿]*[。，,；;]/;
/** Marks of a chosen option; a line of □ options without one has none chosen. */
const CHECKED = /[☑✓✔√■☒▣▪●✗×]/;

/**
 * A cover's field followed by its choices with none marked ("评价类型：项目实施过程评价
 * 项目完成结果评价"; a PDF's text drops the space between them): two to five options ending alike.
 */
const FIELD_CHOICES =
  /^(评价类型|评价方式|评价类别|评价层级|项目类型|项目类别|项目属性|资金性质)\s*[：:]\s*(\S{2,16}(?:[ \u3000]*\S{2,16}){1,4})$/;

/** The options of a field's choices: apart by spaces, or run together, each ending alike. */
function choicesOf(written: string): string[] | undefined {
  const spaced = written.split(/[ \u3000]+/);
  const ending = (o: string): string => o.slice(-2);
  if (spaced.length >= 2)
    return spaced.every((o) => ending(o) === ending(spaced[0] ?? '')) ? spaced : undefined;
  const end = ending(written);
  const options = written.split(end).filter((o) => o !== '');
  if (!written.endsWith(end) || options.length < 2 || options.length > 5) return undefined;
  return options.every((o) => o.length >= 2 && o.length <= 14)
    ? options.map((o) => `${o}${end}`)
    : undefined;
}

/** "评价等级：□优 □良 □中 □差": two or more empty boxes and no mark, as written. */
function uncheckedOptions(text: string): string | undefined {
  // Said as the field and its options apart by spaces, however the copy set them.
  const choices = FIELD_CHOICES.exec(text.trim());
  const options = choices?.[2] && !CHECKED.test(text) ? choicesOf(choices[2]) : undefined;
  if (options) return `${choices?.[1] ?? ''}：${options.join(' ')}`;
  const boxes = text.match(/[□☐]/g)?.length ?? 0;
  if (boxes < 2 || CHECKED.test(text)) return undefined;
  const first = text.search(/[□☐]/);
  return text.slice(Math.max(0, first), first + 40).trim();
}

/** Template prompts left in tables ("（一个专项一行）", "……" rows) and in the text ("（参考提纲）"). */
function checkTemplateLeft(report: ExtractedReport): Finding[] {
  const out: Finding[] = [];
  for (const b of report.document.blocks) {
    if (b.kind !== 'table' && TEMPLATE_LABEL.test(squash(b.text))) {
      const text = b.text.trim();
      out.push(
        finding('DOC_TEMPLATE_LEFT_TEXT', 'info', 'chapters', b.line, text, { stated: text }),
      );
    } else if (b.kind !== 'table') {
      const text = b.text.trim();
      // The label run on after its title, as in a text whose lines were joined.
      const titled = TITLED_TEMPLATE_LABEL.exec(squash(text));
      if (titled?.[1])
        out.push(
          finding('DOC_TEMPLATE_LEFT_TEXT', 'info', 'chapters', b.line, excerptOf(text), {
            stated: titled[1],
          }),
        );
      const note = TEMPLATE_NOTE.exec(squash(text));
      if (note)
        out.push(
          finding('DOC_TEMPLATE_LEFT_TEXT', 'warning', 'chapters', b.line, excerptOf(text), {
            stated: note[0],
          }),
        );
      const blank = BLANK_RESULT.exec(text);
      if (blank)
        out.push(
          finding('DOC_TEMPLATE_BLANK', 'warning', 'chapters', b.line, excerptOf(text), {
            stated: blank[0].trim(),
          }),
        );
      const options = uncheckedOptions(text);
      if (options)
        out.push(
          finding('DOC_TEMPLATE_OPTIONS', 'warning', 'chapters', b.line, text, {
            stated: options,
          }),
        );
    }
    for (const row of b.rows ?? []) {
      for (const c of row.cells) {
        // Every prompt is in brackets: a cell without one is not squashed to be searched.
        if (!c.includes('（') && !c.includes('(')) continue;
        const m = /[（(](一个[^）)]{1,10}一行|请?填写[^）)]{0,10}|此处[^）)]{0,10})[）)]/.exec(
          squash(c),
        );
        if (m) {
          out.push(
            finding(
              'DOC_TEMPLATE_LEFT',
              'info',
              'baseData',
              row.line,
              row.cells.filter((x) => x !== '').join(' | '),
              { stated: m[0] },
            ),
          );
        }
      }
    }
  }
  return out;
}
