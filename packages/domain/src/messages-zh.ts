import type { FindingCategory, ParamValue, Severity } from './finding.ts';

/**
 * Chinese messages for every finding code. One `switch`, checked for exhaustiveness by the
 * compiler: adding a code without its message does not compile.
 */
export const FINDING_CODES = [
  'SUM_FUND_TOTAL',
  'SUM_EXPENDITURE_SPLIT',
  'SUM_PROJECT_LINES',
  'SUM_THREE_PUBLIC',
  'SUM_VEHICLES',
  'SUM_PUBLIC_FUNDS_ITEMS',
  'SUM_BASE_PROJECTS',
  'RATIO_SHARE',
  'RATIO_COMPLETION',
  'RATIO_CONTROL_RATE',
  'RATIO_ROUNDING_STYLE',
  'WEIGHT_SUBTOTAL',
  'WEIGHT_BOOK_TOTAL',
  'SCORE_SUBTOTAL',
  'SCORE_OVER_WEIGHT',
  'DEDUCTION_MISMATCH',
  'DEDUCTION_NO_REASON',
  'EXECUTION_SCORE_RULE',
  'EXECUTION_BUDGET_ADJUSTMENT',
  'SCORE_RULE_TARGET_MISSED',
  'SCORE_RULE_QUALITATIVE_BAND',
  'SCORE_RULE_MISMATCH',
  'TOTAL_MISMATCH',
  'TOTAL_STATED_PARTS',
  'GRADE_MISMATCH',
  'UNIT_MISMATCH',
  'UNIT_YUAN_WAN',
  'YEAR_CONTRADICTION',
  'YEAR_REPORT_DATE',
  'NUMBERING_GAP',
  'NUMBERING_REPEAT',
  'NUMBERING_ORDER',
  'NUMBERING_MIXED',
  'CROSS_SECTION_MISMATCH',
  'CROSS_PROJECT_EXCEEDS',
  'IMPLAUSIBLE_MAGNITUDE',
  'IMPLAUSIBLE_SHARE',
  'IMPLAUSIBLE_NEGATIVE',
  'COMPLETENESS_MISSING',
  'COMPLETENESS_TEMPLATE_PROMPT',
  'COMPLETENESS_SCORE_MISSING',
  'COMPLETENESS_OVER_COMPLETION_REASON',
  'DUPLICATE_INDICATOR',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export type MessageParams = Readonly<Record<string, ParamValue | undefined>>;

export const CATEGORY_LABELS_ZH: Record<FindingCategory, string> = {
  sum: '合计',
  ratio: '比率',
  'execution-score': '执行率得分',
  'weight-subtotal': '分值小计',
  'score-subtotal': '得分小计',
  'score-over-weight': '得分超分值',
  deduction: '扣分',
  'score-rule': '评分规则',
  total: '总分',
  grade: '等级',
  unit: '单位',
  year: '年份',
  numbering: '序号',
  'cross-section': '前后不一致',
  implausible: '数值异常',
  completeness: '完整性',
  duplicate: '重复',
};

export const SEVERITY_LABELS_ZH: Record<Severity, string> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};

/** A parameter as text; missing parameters read as an empty string. */
function p(params: MessageParams, key: string): string {
  const v = params[key];
  if (v === undefined || v === null) return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

/** "，相差X万元" with a note when the difference lies within rounding. */
function difference(params: MessageParams): string {
  const diff = p(params, 'difference');
  if (diff === '') return '';
  const unit = p(params, 'unit');
  return params['rounding'] === true
    ? `，相差${diff}${unit}，在各项四舍五入的误差范围内`
    : `，相差${diff}${unit}`;
}

/** "（第N行）" when the finding cites a source line. */
function where(params: MessageParams): string {
  const w = p(params, 'where');
  return w === '' ? '' : `（${w}）`;
}

/** The Chinese message of a finding, citing its stated and expected values. */
export function messageFor(code: FindingCode, params: MessageParams): string {
  const v = (key: string): string => p(params, key);
  switch (code) {
    case 'SUM_FUND_TOTAL':
      return `${v('label')}${v('column')}合计应为${v('expected')}${v('unit')}（${v('parts')}），报告填写${v('stated')}${v('unit')}${difference(params)}`;
    case 'SUM_EXPENDITURE_SPLIT':
      return `基本支出${v('column')}应为${v('expected')}${v('unit')}（${v('parts')}），报告填写${v('stated')}${v('unit')}${difference(params)}`;
    case 'SUM_PROJECT_LINES':
      return `报告称项目支出共${v('count')}项，所列各项目金额合计${v('expected')}${v('unit')}，与项目支出${v('column')}${v('stated')}${v('unit')}不一致${difference(params)}`;
    case 'SUM_THREE_PUBLIC':
      return `基础数据表“三公”经费${v('column')}应为${v('expected')}${v('unit')}（${v('parts')}），表中填写${v('stated')}${v('unit')}${difference(params)}`;
    case 'SUM_VEHICLES':
      return `基础数据表公务用车购置和维护经费${v('column')}应为${v('expected')}${v('unit')}（${v('parts')}），表中填写${v('stated')}${v('unit')}${difference(params)}`;
    case 'SUM_PUBLIC_FUNDS_ITEMS':
      return `基础数据表公用经费${v('column')}${v('stated')}${v('unit')}小于其所列明细之和${v('expected')}${v('unit')}（${v('parts')}），明细不应超过总数`;
    case 'SUM_BASE_PROJECTS':
      return `基础数据表项目支出${v('column')}${v('stated')}${v('unit')}与各项目行之和${v('expected')}${v('unit')}（${v('parts')}）不一致${difference(params)}`;
    case 'RATIO_SHARE':
      return `${v('label')}${v('numerator')}${v('unit')}占${v('denominatorLabel')}${v('denominator')}${v('unit')}的比例应为${v('expected')}，报告填写${v('stated')}`;
    case 'RATIO_COMPLETION':
      return `${v('label')}执行数${v('numerator')}${v('unit')}÷预算数${v('denominator')}${v('unit')}应为${v('expected')}，报告填写${v('stated')}`;
    case 'RATIO_CONTROL_RATE':
      return `${v('label')}应为${v('expected')}（${v('numerator')}÷${v('denominator')}），报告填写${v('stated')}`;
    case 'RATIO_ROUNDING_STYLE':
      return `${v('label')}${v('stated')}系截尾取值，按四舍五入应为${v('expected')}（${v('numerator')}÷${v('denominator')}），属取舍方式差异`;
    case 'WEIGHT_SUBTOTAL':
      return `“${v('name')}”分值${v('stated')}分，其下级指标分值合计${v('expected')}分（${v('parts')}）`;
    case 'WEIGHT_BOOK_TOTAL':
      return `一级指标分值合计${v('stated')}分（${v('parts')}），评价指标体系规定合计${v('expected')}分`;
    case 'SCORE_SUBTOTAL':
      return `“${v('name')}”得分${v('stated')}分，其下级指标得分合计${v('expected')}分（${v('parts')}）`;
    case 'SCORE_OVER_WEIGHT':
      return `“${v('name')}”得分${v('stated')}分，超过其分值${v('expected')}分`;
    case 'DEDUCTION_MISMATCH':
      return `“${v('name')}”填写扣${v('stated')}分，按分值${v('weight')}分、得分${v('score')}分应扣${v('expected')}分`;
    case 'DEDUCTION_NO_REASON':
      return `“${v('name')}”分值${v('weight')}分、得分${v('stated')}分，扣${v('lost')}分但未说明偏差原因及改进措施`;
    case 'EXECUTION_SCORE_RULE':
      return `“${v('name')}”预算执行率${v('rate')}，按评分规则应得${v('expected')}分（分值${v('weight')}分），报告填写${v('stated')}分${params['fullRate'] === true ? '；执行率已达100%却扣分，且未说明原因' : ''}`;
    case 'EXECUTION_BUDGET_ADJUSTMENT':
      return `“${v('name')}”预算执行率${v('rate')}，按评分规则应得${v('expected')}分（分值${v('weight')}分），报告填写${v('stated')}分；报告提及预算调整（“${v('adjustment')}”），但所用评价指标体系不因预算调整扣执行率分，请核实扣分依据`;
    case 'SCORE_RULE_TARGET_MISSED':
      return `“${v('name')}”实际完成值${v('actual')}未达年度指标值${v('target')}，按评分规则应得${v('expected')}分（分值${v('weight')}分），报告填写${v('stated')}分`;
    case 'SCORE_RULE_QUALITATIVE_BAND':
      return `“${v('name')}”评为“${v('grade')}”，得分应在${v('band')}分之间（分值${v('weight')}分），报告填写${v('stated')}分`;
    case 'SCORE_RULE_MISMATCH':
      return `“${v('name')}”按评分规则（${v('rule')}）应得${v('expected')}分，报告填写${v('stated')}分`;
    case 'TOTAL_MISMATCH':
      return `自评总分按评价指标体系计算应为${v('expected')}分${v('caps') === '' ? '' : `（${v('caps')}）`}，报告填写${v('stated')}分`;
    case 'TOTAL_STATED_PARTS':
      return `报告填写自评总分${v('stated')}分，但各一级指标得分及加减分合计为${v('expected')}分（${v('parts')}）${v('cap') === '' ? '' : `，封顶${v('cap')}分后也不相符`}`;
    case 'GRADE_MISMATCH':
      return `按总分${v('total')}分，评价等级应为“${v('expected')}”，报告填写“${v('stated')}”`;
    case 'UNIT_MISMATCH':
      return `“${v('name')}”年度指标值为${v('target')}，实际完成值为${v('stated')}，计量单位不一致（${v('targetUnit')}与${v('actualUnit')}）`;
    case 'UNIT_YUAN_WAN':
      return `“${v('name')}”年度指标值以${v('targetUnit')}计（${v('target')}），实际完成值以${v('actualUnit')}计（${v('stated')}），疑似元与万元混用`;
    case 'YEAR_CONTRADICTION':
      return `${v('place')}写有“${v('stated')}”，与评价年度${v('reportYear')}年不符：“${v('sentence')}”`;
    case 'YEAR_REPORT_DATE':
      return `${v('place')}${v('stated')}不在评价年度${v('reportYear')}年结束之后的合理时间内`;
    case 'NUMBERING_GAP':
      return `序号不连续${where(params)}：“${v('previous')}”之后为“${v('stated')}”，缺少序号${v('missing')}`;
    case 'NUMBERING_REPEAT':
      return `序号重复${where(params)}：“${v('previous')}”之后又是“${v('stated')}”`;
    case 'NUMBERING_ORDER':
      return `序号倒序${where(params)}：“${v('previous')}”之后为“${v('stated')}”`;
    case 'NUMBERING_MIXED':
      return `同级序号格式不统一${where(params)}：“${v('stated')}”为${v('style')}，同级其他标题多为${v('expectedStyle')}（如“${v('expected')}”）`;
    case 'CROSS_SECTION_MISMATCH':
      return `${v('label')}在${v('firstPlace')}为${v('stated')}${v('unit')}，在${v('secondPlace')}为${v('expected')}${v('unit')}，前后不一致${difference(params)}`;
    case 'CROSS_PROJECT_EXCEEDS':
      return `项目“${v('project')}”${v('column')}${v('stated')}${v('unit')}，超过本部门项目支出总额${v('expected')}${v('unit')}`;
    case 'IMPLAUSIBLE_MAGNITUDE':
      return `${v('place')}金额“${v('stated')}”约为本部门年度预算${v('budget')}${v('unit')}的${v('factor')}倍，数量级疑有误：“${v('sentence')}”`;
    case 'IMPLAUSIBLE_SHARE':
      return `${v('label')}填写${v('stated')}，占比不应超过100%`;
    case 'IMPLAUSIBLE_NEGATIVE':
      return `${v('label')}为负数（${v('stated')}），金额不应为负`;
    case 'COMPLETENESS_MISSING':
      return `缺少${v('what')}`;
    case 'COMPLETENESS_TEMPLATE_PROMPT':
      return `${v('place')}保留了模板提示或占位符“${v('stated')}”，请填写实际内容`;
    case 'COMPLETENESS_SCORE_MISSING':
      return `“${v('name')}”有分值${v('weight')}分，但未填写得分`;
    case 'COMPLETENESS_OVER_COMPLETION_REASON':
      return `“${v('name')}”实际完成值${v('stated')}超过年度指标值${v('target')}的${v('ratio')}，需说明超额完成的原因`;
    case 'DUPLICATE_INDICATOR':
      return `指标“${v('name')}”在“${v('firstGroup')}”和“${v('secondGroup')}”下重复出现`;
    default: {
      const _never: never = code;
      return _never;
    }
  }
}
