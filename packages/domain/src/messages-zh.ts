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
  'RATIO_CAPPED_OVER_BUDGET',
  'WEIGHT_SUBTOTAL',
  'WEIGHT_BOOK_TOTAL',
  'SCORE_SUBTOTAL',
  'SCORE_OVER_WEIGHT',
  'DEDUCTION_MISMATCH',
  'DEDUCTION_NO_REASON',
  'SCORE_COEFFICIENT',
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
  'UNIT_YUAN_WAN_SCALE',
  'UNIT_FUND_YUAN',
  'UNIT_FUND_TOTAL_YUAN',
  'YEAR_CONTRADICTION',
  'YEAR_REPORT_DATE',
  'NUMBERING_GAP',
  'NUMBERING_REPEAT',
  'NUMBERING_ORDER',
  'NUMBERING_MIXED',
  'NUMBERING_WRONG',
  'CROSS_SECTION_MISMATCH',
  'CROSS_PROJECT_EXCEEDS',
  'IMPLAUSIBLE_MAGNITUDE',
  'UNIT_BUDGET_AS_WAN',
  'IMPLAUSIBLE_SHARE',
  'IMPLAUSIBLE_NEGATIVE',
  'IMPLAUSIBLE_RATE',
  'COMPLETENESS_MISSING',
  'COMPLETENESS_TEMPLATE_PROMPT',
  'COMPLETENESS_SCORE_MISSING',
  'COMPLETENESS_VALUE_MISSING',
  'COMPLETENESS_OVER_COMPLETION_REASON',
  'DUPLICATE_INDICATOR',
  'TARGET_NOT_MEASURABLE',
  'TARGET_RATE_OVER_100',
  'TARGET_COST_OVER_BUDGET',
  'TARGET_QUALITY_NO_UNIT',
  'TARGET_VALUE_CHANGED',
  'TARGET_INDICATOR_DROPPED',
  'TARGET_INDICATOR_ADDED',
  'TARGET_RED_FULL_SCORE',
  'TARGET_FORECAST_OFF',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export type MessageParams = Readonly<Record<string, ParamValue | undefined>>;

/** Short Chinese names of the rulebooks' leaf rules (rulebook.ts), for messages and pages. */
export const RULE_KIND_NAMES_ZH: Readonly<Record<string, string>> = {
  'execution-rate': '预算执行率计分',
  positive: '正向指标',
  negative: '反向指标',
  equal: '等值指标',
  range: '区间指标',
  deadline: '时限指标',
  qualitative: '定性指标',
  'step-bands': '分档计分',
  'per-point': '按超出百分点扣分',
  checklist: '清单计分',
  manual: '自评打分',
  auto: '按目标值自动判断',
  stated: '取填报得分',
};

/** The Chinese name of a rule kind; an unknown one reads as the generic "指标体系规则". */
export function ruleKindName(kind: string): string {
  return RULE_KIND_NAMES_ZH[kind] ?? '指标体系规则';
}

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
  target: '与绩效目标不符',
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
  switch (code) {
    case 'SUM_FUND_TOTAL':
      return `${p(params, 'label')}${p(params, 'column')}合计应为${p(params, 'expected')}${p(params, 'unit')}（${p(params, 'parts')}），报告填写${p(params, 'stated')}${p(params, 'unit')}${difference(params)}`;
    case 'SUM_EXPENDITURE_SPLIT':
      return `基本支出${p(params, 'column')}应为${p(params, 'expected')}${p(params, 'unit')}（${p(params, 'parts')}），报告填写${p(params, 'stated')}${p(params, 'unit')}${difference(params)}`;
    case 'SUM_PROJECT_LINES':
      return `报告称项目支出共${p(params, 'count')}项，所列各项目金额合计${p(params, 'expected')}${p(params, 'unit')}，与项目支出${p(params, 'column')}${p(params, 'stated')}${p(params, 'unit')}不一致${difference(params)}`;
    case 'SUM_THREE_PUBLIC':
      return `基础数据表“三公”经费${p(params, 'column')}应为${p(params, 'expected')}${p(params, 'unit')}（${p(params, 'parts')}），表中填写${p(params, 'stated')}${p(params, 'unit')}${difference(params)}`;
    case 'SUM_VEHICLES':
      return `基础数据表公务用车购置和维护经费${p(params, 'column')}应为${p(params, 'expected')}${p(params, 'unit')}（${p(params, 'parts')}），表中填写${p(params, 'stated')}${p(params, 'unit')}${difference(params)}`;
    case 'SUM_PUBLIC_FUNDS_ITEMS':
      return `基础数据表公用经费${p(params, 'column')}${p(params, 'stated')}${p(params, 'unit')}小于其所列明细之和${p(params, 'expected')}${p(params, 'unit')}（${p(params, 'parts')}），明细不应超过总数`;
    case 'SUM_BASE_PROJECTS':
      return `基础数据表项目支出${p(params, 'column')}${p(params, 'stated')}${p(params, 'unit')}与各项目行之和${p(params, 'expected')}${p(params, 'unit')}（${p(params, 'parts')}）不一致${difference(params)}`;
    case 'RATIO_SHARE':
      return `${p(params, 'label')}${p(params, 'numerator')}${p(params, 'unit')}占${p(params, 'denominatorLabel')}${p(params, 'denominator')}${p(params, 'unit')}的比例应为${p(params, 'expected')}，报告填写${p(params, 'stated')}`;
    case 'RATIO_COMPLETION':
      return `${p(params, 'label')}执行数${p(params, 'numerator')}${p(params, 'unit')}÷预算数${p(params, 'denominator')}${p(params, 'unit')}应为${p(params, 'expected')}，报告填写${p(params, 'stated')}`;
    case 'RATIO_CONTROL_RATE':
      return `${p(params, 'label')}应为${p(params, 'expected')}（${p(params, 'numerator')}÷${p(params, 'denominator')}），报告填写${p(params, 'stated')}`;
    case 'RATIO_ROUNDING_STYLE':
      return `${p(params, 'label')}${p(params, 'stated')}系截尾取值，按四舍五入应为${p(params, 'expected')}（${p(params, 'numerator')}÷${p(params, 'denominator')}），属取舍方式差异`;
    case 'RATIO_CAPPED_OVER_BUDGET':
      return `${p(params, 'label')}执行数${p(params, 'numerator')}${p(params, 'unit')}超过预算数${p(params, 'denominator')}${p(params, 'unit')}（执行率${p(params, 'expected')}），报告按${p(params, 'stated')}封顶填写，请核实超预算执行的原因`;
    case 'WEIGHT_SUBTOTAL':
      return `“${p(params, 'name')}”分值${p(params, 'stated')}分，其下级指标分值合计${p(params, 'expected')}分（${p(params, 'parts')}）`;
    case 'WEIGHT_BOOK_TOTAL':
      return `一级指标分值合计${p(params, 'stated')}分（${p(params, 'parts')}），评价指标体系规定合计${p(params, 'expected')}分`;
    case 'SCORE_SUBTOTAL':
      return `“${p(params, 'name')}”得分${p(params, 'stated')}分，其下级指标得分合计${p(params, 'expected')}分（${p(params, 'parts')}）`;
    case 'SCORE_OVER_WEIGHT':
      return `“${p(params, 'name')}”得分${p(params, 'stated')}分，超过其分值${p(params, 'expected')}分`;
    case 'DEDUCTION_MISMATCH':
      return `“${p(params, 'name')}”填写扣${p(params, 'stated')}分，按分值${p(params, 'weight')}分、得分${p(params, 'score')}分应扣${p(params, 'expected')}分`;
    case 'DEDUCTION_NO_REASON':
      return `“${p(params, 'name')}”分值${p(params, 'weight')}分、得分${p(params, 'stated')}分，扣${p(params, 'lost')}分但未说明偏差原因及改进措施`;
    case 'SCORE_COEFFICIENT':
      return `“${p(params, 'name')}”分值${p(params, 'weight')}分、得分系数${p(params, 'coefficient')}，应得${p(params, 'expected')}分，报告填写${p(params, 'stated')}分`;
    case 'EXECUTION_SCORE_RULE':
      return `“${p(params, 'name')}”预算执行率${p(params, 'rate')}，按评分规则应得${p(params, 'expected')}分（分值${p(params, 'weight')}分），报告填写${p(params, 'stated')}分${params['fullRate'] === true ? '；执行率已达100%却扣分，且未说明原因' : ''}`;
    case 'EXECUTION_BUDGET_ADJUSTMENT':
      return `“${p(params, 'name')}”预算执行率${p(params, 'rate')}，按评分规则应得${p(params, 'expected')}分（分值${p(params, 'weight')}分），报告填写${p(params, 'stated')}分；报告提及预算调整（“${p(params, 'adjustment')}”），但所用评价指标体系不因预算调整扣执行率分，请核实扣分依据`;
    case 'SCORE_RULE_TARGET_MISSED':
      return `“${p(params, 'name')}”实际完成值${p(params, 'actual')}未达年度指标值${p(params, 'target')}，按评分规则应得${p(params, 'expected')}分（分值${p(params, 'weight')}分），报告填写${p(params, 'stated')}分`;
    case 'SCORE_RULE_QUALITATIVE_BAND':
      return `“${p(params, 'name')}”评为“${p(params, 'grade')}”，得分应在${p(params, 'band')}分之间（分值${p(params, 'weight')}分），报告填写${p(params, 'stated')}分`;
    case 'SCORE_RULE_MISMATCH':
      return `“${p(params, 'name')}”按评分规则（${ruleKindName(p(params, 'rule'))}）应得${p(params, 'expected')}分，报告填写${p(params, 'stated')}分`;
    case 'TOTAL_MISMATCH':
      return `自评总分按评价指标体系计算应为${p(params, 'expected')}分${p(params, 'caps') === '' ? '' : `（${p(params, 'caps')}）`}，报告填写${p(params, 'stated')}分`;
    case 'TOTAL_STATED_PARTS':
      return `报告填写自评总分${p(params, 'stated')}分，但各一级指标得分及加减分合计为${p(params, 'expected')}分（${p(params, 'parts')}）${p(params, 'cap') === '' ? '' : `，封顶${p(params, 'cap')}分后也不相符`}`;
    case 'GRADE_MISMATCH':
      return `按总分${p(params, 'total')}分，评价等级应为“${p(params, 'expected')}”，报告填写“${p(params, 'stated')}”`;
    case 'UNIT_MISMATCH':
      return `“${p(params, 'name')}”年度指标值为${p(params, 'target')}，实际完成值为${p(params, 'stated')}，计量单位不一致（${p(params, 'targetUnit')}与${p(params, 'actualUnit')}）`;
    case 'UNIT_YUAN_WAN':
      return `“${p(params, 'name')}”年度指标值以${p(params, 'targetUnit')}计（${p(params, 'target')}），实际完成值以${p(params, 'actualUnit')}计（${p(params, 'stated')}），疑似元与万元混用`;
    case 'UNIT_YUAN_WAN_SCALE':
      return `“${p(params, 'name')}”年度指标值为${p(params, 'target')}，实际完成值为${p(params, 'stated')}，单位相同而相差约一万倍，按${p(params, 'expected')}计才与指标值相称，疑似元与万元混用`;
    case 'UNIT_FUND_YUAN':
      return `“${p(params, 'name')}”${p(params, 'column')}填写${p(params, 'stated')}，按表头的万元计是年度资金总额${p(params, 'total')}万元的百倍以上，疑似以元填写（折合${p(params, 'expected')}万元）`;
    case 'UNIT_FUND_TOTAL_YUAN':
      return `“${p(params, 'name')}”${p(params, 'column')}填写${p(params, 'stated')}，按表头的万元计是其各项合计${p(params, 'expected')}万元的一万倍，疑似以元填写`;
    case 'YEAR_CONTRADICTION':
      return `${p(params, 'place')}写有“${p(params, 'stated')}”，与评价年度${p(params, 'reportYear')}年不符：“${p(params, 'sentence')}”`;
    case 'YEAR_REPORT_DATE':
      return `${p(params, 'place')}${p(params, 'stated')}不在评价年度${p(params, 'reportYear')}年结束之后的合理时间内`;
    case 'NUMBERING_GAP':
      return `序号不连续${where(params)}：${p(params, 'previous') === '' ? '第一个序号为' : `“${p(params, 'previous')}”之后为`}“${p(params, 'stated')}”，缺少序号${p(params, 'missing')}`;
    case 'NUMBERING_REPEAT':
      return `序号重复${where(params)}：“${p(params, 'previous')}”之后又是“${p(params, 'stated')}”`;
    case 'NUMBERING_ORDER':
      return `序号倒序${where(params)}：“${p(params, 'previous')}”之后为“${p(params, 'stated')}”`;
    case 'NUMBERING_MIXED':
      return `同级序号格式不统一${where(params)}：“${p(params, 'stated')}”${p(params, 'run') === '' ? '' : `起连续${p(params, 'run')}个序号`}为${p(params, 'style')}，同级其他标题多为${p(params, 'expectedStyle')}（此处应为“${p(params, 'expected')}”）`;
    case 'NUMBERING_WRONG':
      return `序号有误${where(params)}：“${p(params, 'previous')}”之后应为“${p(params, 'expected')}”，写作“${p(params, 'stated')}”`;
    case 'CROSS_SECTION_MISMATCH':
      return `${p(params, 'label')}在${p(params, 'firstPlace')}为${p(params, 'stated')}${p(params, 'unit')}，在${p(params, 'secondPlace')}为${p(params, 'expected')}${p(params, 'unit')}，前后不一致${difference(params)}`;
    case 'CROSS_PROJECT_EXCEEDS':
      return `项目“${p(params, 'project')}”${p(params, 'column')}${p(params, 'stated')}${p(params, 'unit')}，超过本部门项目支出总额${p(params, 'expected')}${p(params, 'unit')}`;
    case 'IMPLAUSIBLE_MAGNITUDE':
      return `${p(params, 'place')}金额“${p(params, 'stated')}”约为本部门年度预算${p(params, 'budget')}${p(params, 'unit')}的${p(params, 'factor')}倍，数量级疑有误：“${p(params, 'sentence')}”`;
    case 'UNIT_BUDGET_AS_WAN':
      return `${p(params, 'place')}金额“${p(params, 'stated')}”与本部门年度预算${p(params, 'budget')}元的数字相同，疑为以元计的金额误写为万元：“${p(params, 'sentence')}”`;
    case 'IMPLAUSIBLE_SHARE':
      return `${p(params, 'label')}填写${p(params, 'stated')}，占比不应超过100%`;
    case 'IMPLAUSIBLE_RATE':
      return `“${p(params, 'name')}”实际完成值${p(params, 'stated')}，此类比率不会超过100%，请核实`;
    case 'IMPLAUSIBLE_NEGATIVE':
      return `${p(params, 'label')}为负数（${p(params, 'stated')}），金额不应为负`;
    case 'COMPLETENESS_MISSING':
      return `缺少${p(params, 'what')}`;
    case 'COMPLETENESS_TEMPLATE_PROMPT':
      return `${p(params, 'place')}保留了模板提示或占位符“${p(params, 'stated')}”，请填写实际内容`;
    case 'COMPLETENESS_SCORE_MISSING':
      return `“${p(params, 'name')}”有分值${p(params, 'weight')}分，但未填写得分`;
    case 'COMPLETENESS_VALUE_MISSING':
      return `“${p(params, 'name')}”有分值${p(params, 'weight')}分、得分${p(params, 'score')}分，但未填写${p(params, 'what')}`;
    case 'COMPLETENESS_OVER_COMPLETION_REASON':
      return `“${p(params, 'name')}”实际完成值${p(params, 'stated')}超过年度指标值${p(params, 'target')}的${p(params, 'ratio')}，需说明超额完成的原因`;
    case 'DUPLICATE_INDICATOR':
      return `指标“${p(params, 'name')}”在“${p(params, 'firstGroup')}”和“${p(params, 'secondGroup')}”下重复出现`;
    case 'TARGET_NOT_MEASURABLE':
      return params['empty'] === true
        ? `“${p(params, 'name')}”未填写年度指标值，评价指标体系（${p(params, 'rule')}）要求可衡量的指标值`
        : `“${p(params, 'name')}”年度指标值“${p(params, 'stated')}”无法衡量，评价指标体系（${p(params, 'rule')}）要求数值、区间、时限或完成与否`;
    case 'TARGET_RATE_OVER_100':
      return `“${p(params, 'name')}”年度指标值${p(params, 'stated')}超过100%，该比率不可能超过100%`;
    case 'TARGET_COST_OVER_BUDGET':
      return `成本指标“${p(params, 'name')}”年度指标值${p(params, 'stated')}，超过年度资金总额${p(params, 'expected')}${p(params, 'unit')}`;
    case 'TARGET_QUALITY_NO_UNIT':
      return `质量指标“${p(params, 'name')}”年度指标值${p(params, 'stated')}未写计量单位`;
    case 'TARGET_VALUE_CHANGED':
      return `“${p(params, 'name')}”年度指标值填写为${p(params, 'stated')}，审核通过的绩效目标为${p(params, 'expected')}，目标值被改动`;
    case 'TARGET_INDICATOR_DROPPED':
      return `审核通过的绩效目标中的指标“${p(params, 'name')}”${p(params, 'expected') === '' ? '' : `（年度指标值${p(params, 'expected')}）`}在自评中未列出`;
    case 'TARGET_INDICATOR_ADDED':
      return `指标“${p(params, 'name')}”不在审核通过的绩效目标中，为目标批复后新增`;
    case 'TARGET_RED_FULL_SCORE':
      return `“${p(params, 'name')}”在${p(params, 'asOf')}绩效运行监控中亮红灯（年度指标值${p(params, 'target')}，预计完成${p(params, 'forecast')}），此后未说明原因，自评却得满分${p(params, 'stated')}分`;
    case 'TARGET_FORECAST_OFF':
      return `全年预算执行率${p(params, 'stated')}，与${p(params, 'asOf')}绩效运行监控预计的${p(params, 'expected')}相差${p(params, 'gap')}个百分点，未说明原因`;
    default: {
      const _never: never = code;
      return _never;
    }
  }
}
