import { z } from 'zod';
import { Amount, MoneyUnit } from './money.ts';
import { Percent } from './ratio.ts';
import { Expression, QualitativeGrade } from './expression.ts';
import { Points } from './points.ts';

/**
 * The self-evaluation model. Everything a document states is stored as stated ("stated*" fields,
 * Amount.text, Percent.text); computations never overwrite it. Optional means "not stated".
 */

/** Where a figure came from in a source document: for citations in findings. */
export const SourceRef = z.object({
  line: z.number().int().min(1).optional(),
  excerpt: z.string().optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const EvaluationKind = z.enum(['department', 'project']);
export type EvaluationKind = z.infer<typeof EvaluationKind>;

export const Meta = z.object({
  /** Report title as written, e.g. "2024年度政府办部门整体支出绩效自评报告". */
  title: z.string().optional(),
  unitName: z.string().min(1),
  unitCode: z.string().optional(),
  /** The budget year being evaluated (not the year of writing). */
  year: z.number().int().min(1990).max(2100),
  /** Parent department (主管部门), for project evaluations and subordinate units. */
  supervisor: z.string().optional(),
  head: z.string().optional(),
  filler: z.string().optional(),
  phone: z.string().optional(),
  /** 填报日期 as ISO date. */
  reportDate: z.string().optional(),
  /** Laws, rules and notices cited in the opening, in order. */
  legalBasis: z.array(z.string()).default([]),
  /** The finance bureau's notice number, e.g. 怀财绩〔2025〕32号. */
  documentNumber: z.string().optional(),
  /** The unit the document writes amounts in, so it can be re-rendered as written. */
  amountUnit: MoneyUnit.default('万元'),
});
export type Meta = z.infer<typeof Meta>;

export const SubordinateUnit = z.object({
  name: z.string().min(1),
  /** 行政, 参公事业, 事业, ... */
  kind: z.string().optional(),
});

export const HeadcountCategory = z.object({
  name: z.string().min(1),
  count: z.number().int().min(0),
});

export const Staffing = z.object({
  /** 编制数 */
  authorized: z.number().int().min(0).optional(),
  /** 实际在职人数 */
  actual: z.number().int().min(0).optional(),
  /** 离退休人数 */
  retired: z.number().int().min(0).optional(),
  /** 在职 by category (行政, 事业, 工勤, 其他 ...). */
  categories: z.array(HeadcountCategory).default([]),
  /** 控制率 as stated. */
  statedControlRate: Percent.optional(),
  note: z.string().optional(),
});
export type Staffing = z.infer<typeof Staffing>;

export const GoalPair = z.object({
  /** 预期目标 */
  expected: z.string(),
  /** 实际完成情况 */
  actual: z.string().optional(),
});

/** One row of the fund block: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分. */
export const FundRow = z.object({
  initialBudget: Amount.optional(),
  budget: Amount.optional(),
  executed: Amount.optional(),
  weight: Points.optional(),
  statedRate: Percent.optional(),
  statedScore: Points.optional(),
  /** 资金到位数 and 资金到位率, where the block states what of the budget was received. */
  received: Amount.optional(),
  statedReceivedRate: Percent.optional(),
  source: SourceRef.optional(),
});
export type FundRow = z.infer<typeof FundRow>;

/**
 * A source row the fixed rows do not name (中央补助, 省级资金, 市县配套资金, 中央衔接资金): a part
 * of 年度资金总额 by income, with its own amounts and 执行率.
 */
export const FundSourceRow = FundRow.extend({ name: z.string().min(1) });
export type FundSourceRow = z.infer<typeof FundSourceRow>;

/** The fund block by income and by expenditure. Each row optional: "not stated". */
export const Funds = z.object({
  /** 年度资金总额 */
  total: FundRow.optional(),
  // by income
  /** 一般公共预算 (department) */
  generalPublic: FundRow.optional(),
  /** 政府性基金拨款 */
  governmentFund: FundRow.optional(),
  /** 纳入专户管理的非税收入拨款 */
  nonTaxSpecialAccount: FundRow.optional(),
  /** 当年财政拨款 (project) */
  currentAppropriation: FundRow.optional(),
  /** 上年结转资金 (project) */
  carryOver: FundRow.optional(),
  /** 其他资金 */
  other: FundRow.optional(),
  /** Source rows of other names, in the table's order. */
  sources: z.array(FundSourceRow).optional(),
  /**
   * Rows under a 分地区 cell (城中区, 某县): the total parted by place, a breakdown of its own
   * beside the parts by income, in the table's order.
   */
  regions: z.array(FundSourceRow).optional(),
  // by expenditure
  /** 基本支出 */
  basic: FundRow.optional(),
  /** 项目支出 */
  project: FundRow.optional(),
});
export type Funds = z.infer<typeof Funds>;
export const FUND_ROW_KEYS = [
  'total',
  'generalPublic',
  'governmentFund',
  'nonTaxSpecialAccount',
  'currentAppropriation',
  'carryOver',
  'other',
  'basic',
  'project',
] as const satisfies readonly (keyof Funds)[];
export type FundRowKey = (typeof FUND_ROW_KEYS)[number];

/** The rows that part the total by where the money comes from, in the form's order. */
export const FUND_SOURCE_KEYS: readonly FundRowKey[] = [
  'generalPublic',
  'governmentFund',
  'nonTaxSpecialAccount',
  'currentAppropriation',
  'carryOver',
  'other',
];
/** The rows that part the total by what the money is spent on. */
export const FUND_USE_KEYS: readonly FundRowKey[] = ['basic', 'project'];

/** Each fund row's name as reports write it. */
export const FUND_ROW_LABELS: Readonly<Record<FundRowKey, string>> = {
  total: '年度资金总额',
  generalPublic: '一般公共预算',
  governmentFund: '政府性基金拨款',
  nonTaxSpecialAccount: '纳入专户管理的非税收入拨款',
  currentAppropriation: '当年财政拨款',
  carryOver: '上年结转资金',
  other: '其他资金',
  basic: '基本支出',
  project: '项目支出',
};

/** An amount with the share a document states for it ("占基本支出的97.68%"). */
export const SharedAmount = z.object({
  amount: Amount.optional(),
  statedShare: Percent.optional(),
  source: SourceRef.optional(),
});
export type SharedAmount = z.infer<typeof SharedAmount>;

/** 基本支出 or 项目支出 as the budget chapter states it. */
export const ExpenditureBlock = z.object({
  budget: Amount.optional(),
  actual: Amount.optional(),
  /** 完成预算安排的Z% */
  statedCompletion: Percent.optional(),
  source: SourceRef.optional(),
});
export type ExpenditureBlock = z.infer<typeof ExpenditureBlock>;

export const BasicExpenditure = ExpenditureBlock.extend({
  /** 人员经费 with its stated share of 基本支出 */
  personnel: SharedAmount.optional(),
  /** 公用经费 (日常公用经费) with its stated share of 基本支出 */
  publicFunds: SharedAmount.optional(),
});
export type BasicExpenditure = z.infer<typeof BasicExpenditure>;

export const ProjectLine = z.object({
  name: z.string().min(1),
  budget: Amount.optional(),
  /** The amount the document names for the project (usually the actual spending). */
  actual: Amount.optional(),
  /** 占项目支出N% as stated. */
  statedShare: Percent.optional(),
  purpose: z.string().optional(),
  source: SourceRef.optional(),
});
export type ProjectLine = z.infer<typeof ProjectLine>;

export const ProjectExpenditure = ExpenditureBlock.extend({
  /** "项目分11项" as stated. */
  statedCount: z.number().int().min(0).optional(),
  projects: z.array(ProjectLine).default([]),
});
export type ProjectExpenditure = z.infer<typeof ProjectExpenditure>;

/** 政府性基金 / 国有资本经营 / 社会保险基金: absent ("无") or budget and actual. */
export const OtherBudget = z.object({
  none: z.boolean().default(false),
  budget: Amount.optional(),
  actual: Amount.optional(),
  text: z.string().optional(),
});
export type OtherBudget = z.infer<typeof OtherBudget>;

export const Assets = z.object({
  /** 固定资产原值 */
  originalValue: Amount.optional(),
  /** 固定资产净值 */
  netValue: Amount.optional(),
  /** 本年新增 */
  added: Amount.optional(),
  /** 本年处置 */
  disposed: Amount.optional(),
  text: z.string().optional(),
});
export type Assets = z.infer<typeof Assets>;

/** 上年决算数 | 本年预算数 | 本年决算数 */
export const CostRow = z.object({
  previousActual: Amount.optional(),
  budget: Amount.optional(),
  actual: Amount.optional(),
  source: SourceRef.optional(),
});
export type CostRow = z.infer<typeof CostRow>;

export const NamedCostRow = CostRow.extend({ name: z.string().min(1) });

export const Building = z.object({
  name: z.string().optional(),
  /** 批复规模 ㎡ */
  approvedArea: z.number().min(0).optional(),
  /** 实际规模 ㎡ */
  actualArea: z.number().min(0).optional(),
  statedAreaControlRate: Percent.optional(),
  budgetInvestment: Amount.optional(),
  actualInvestment: Amount.optional(),
  statedInvestmentControlRate: Percent.optional(),
});

/** 附件1 基础数据表. */
export const BaseData = z.object({
  staffing: z
    .object({
      authorized: z.number().int().min(0).optional(),
      actual: z.number().int().min(0).optional(),
      statedControlRate: Percent.optional(),
    })
    .optional(),
  /** 三公经费 total and its sub-items. */
  threePublic: CostRow.optional(),
  vehicles: CostRow.optional(),
  vehiclePurchase: CostRow.optional(),
  vehicleOperation: CostRow.optional(),
  overseas: CostRow.optional(),
  reception: CostRow.optional(),
  /** 项目支出 total and its rows (one per project or class). */
  projects: CostRow.optional(),
  projectRows: z.array(NamedCostRow).default([]),
  /** 公用经费 and its sub-items. */
  publicFunds: CostRow.optional(),
  office: CostRow.optional(),
  utilitiesTravel: CostRow.optional(),
  meetingsTraining: CostRow.optional(),
  /** 政府采购金额 */
  procurement: CostRow.optional(),
  /** 部门基本支出预算调整 */
  basicBudgetAdjustment: CostRow.optional(),
  buildings: z.array(Building).default([]),
  /** 厉行节约保障措施 */
  savingsMeasures: z.string().optional(),
});
export type BaseData = z.infer<typeof BaseData>;

/**
 * A node of the indicator tree: a group (一级/二级指标) with children, or a leaf (三级指标).
 * `ruleRef` binds the node to a rulebook node id; without it, binding goes by name and position.
 */
export const IndicatorNode = z.object({
  name: z.string().min(1),
  ruleRef: z.string().optional(),
  /** 分值 as stated. */
  weight: Points.optional(),
  /** 得分 as stated. */
  score: Points.optional(),
  /** 扣X分 as stated ("未扣分" = 0). */
  deduction: Points.optional(),
  /** 得分系数 as stated, where a table has the column: the score is 分值 × 系数. */
  coefficient: z.number().min(0).max(1).optional(),
  /** 年度指标值 */
  target: Expression.optional(),
  /** 实际完成值 */
  actual: Expression.optional(),
  /** 度量单位 when a column of its own. */
  unit: z.string().optional(),
  /** For qualitative indicators: the grade the unit chose. */
  grade: QualitativeGrade.optional(),
  /** 偏差原因分析及改进措施 */
  deviationReason: z.string().optional(),
  /** The paragraph of evidence. */
  evidence: z.string().optional(),
  /** Not assessed this year (本项指标不考核); its weight is moved or dropped per the rulebook. */
  notAssessed: z.boolean().optional(),
  /**
   * Where a not-assessed indicator's weight went, as the report says (3分分值调整至“部门预算资金
   * 支出率”): a rulebook node id or an indicator name. Absent: the rulebook's default applies.
   */
  weightMovedTo: z.string().optional(),
  /** Heading number as written ("⑴", "1、", "（三）"), for numbering checks. */
  numberText: z.string().optional(),
  /** Checklist rules: which listed conditions were met, by index. */
  checklistMet: z.array(z.boolean()).optional(),
  source: SourceRef.optional(),
  get children() {
    return z.array(IndicatorNode).optional();
  },
});
export type IndicatorNode = z.infer<typeof IndicatorNode>;
export type IndicatorNodeInput = z.input<typeof IndicatorNode>;

/**
 * The deepest indicator tree a body may have. Real trees have 3–4 levels (一级/二级/三级, at times
 * 四级); 12 leaves room for any layout while every recursive walk of a tree (validation, scoring,
 * checks, the report) stays far from the stack's limit, whatever a client sends.
 */
export const MAX_INDICATOR_DEPTH = 12;

/** Indicator nodes at most `levels` deep: the last level takes no children. */
function indicatorLevels(levels: number): z.ZodType<IndicatorNode[], IndicatorNodeInput[]> {
  const children =
    levels > 1
      ? indicatorLevels(levels - 1)
      : z.tuple([], { error: `指标层级过深：指标树最多 ${MAX_INDICATOR_DEPTH} 层` });
  return z.array(IndicatorNode.omit({ children: true }).extend({ children: children.optional() }));
}

/** An indicator tree as bodies carry it: `IndicatorNode`s, at most MAX_INDICATOR_DEPTH levels. */
export const IndicatorTree = indicatorLevels(MAX_INDICATOR_DEPTH);

/** 加减分 items, applied after the tree. */
export const Adjustment = z.object({
  name: z.string().min(1),
  kind: z.enum(['bonus', 'penalty']),
  /** Points as a positive number; the kind gives the sign. */
  points: Points.refine((p) => p >= 0, '加减分以正数记录，由类型决定加或减'),
  reason: z.string().optional(),
  source: SourceRef.optional(),
});
export type Adjustment = z.infer<typeof Adjustment>;

export const ChapterKey = z.enum([
  'opening',
  'overview',
  'budget',
  'otherBudgets',
  'implementation',
  'assets',
  'performance',
  'problems',
  'improvements',
  'application',
  'other',
]);
export type ChapterKey = z.infer<typeof ChapterKey>;

/** Free narrative of a chapter, paragraph by paragraph. */
export const Chapter = z.object({
  key: ChapterKey,
  title: z.string().optional(),
  paragraphs: z.array(z.string()).default([]),
});
export type Chapter = z.infer<typeof Chapter>;

/** A heading as the document numbered it, in order: for numbering checks. */
export const OutlineHeading = z.object({
  level: z.number().int().min(1).max(6),
  numberText: z.string(),
  title: z.string(),
  line: z.number().int().min(1).optional(),
});
export type OutlineHeading = z.infer<typeof OutlineHeading>;

/** What the document states about the whole result. */
export const StatedResult = z.object({
  /** 自评得分 / 总分 as stated. */
  total: Points.optional(),
  /** 优/良/中/差 as stated. */
  grade: z.string().optional(),
  source: SourceRef.optional(),
});

/** Fields shared by department-wide and project evaluations. */
const EvaluationBase = z.object({
  schemaVersion: z.literal(1).default(1),
  /** The rulebook the evaluation is scored by (Rulebook.id). */
  rulebookId: z.string().min(1),
  meta: Meta,
  funds: Funds.default({}),
  goals: z.array(GoalPair).default([]),
  indicators: IndicatorTree.default([]),
  adjustments: z.array(Adjustment).default([]),
  stated: StatedResult.default({}),
  chapters: z.array(Chapter).default([]),
  outline: z.array(OutlineHeading).default([]),
});

/** 项目支出绩效自评 — one project's evaluation (also attached to a department report as 附件3). */
export const ProjectEvaluation = EvaluationBase.extend({
  kind: z.literal('project'),
  projectName: z.string().min(1),
  /** 实施单位 */
  implementer: z.string().optional(),
});
export type ProjectEvaluation = z.infer<typeof ProjectEvaluation>;

/** 部门整体支出绩效自评 — the whole department's spending for the year. */
export const DepartmentEvaluation = EvaluationBase.extend({
  kind: z.literal('department'),
  duties: z.array(z.string()).default([]),
  internalUnits: z.array(z.string()).default([]),
  subordinateUnits: z.array(SubordinateUnit).default([]),
  staffing: Staffing.default({ categories: [] }),
  basicExpenditure: BasicExpenditure.default({}),
  projectExpenditure: ProjectExpenditure.default({ projects: [] }),
  governmentFundBudget: OtherBudget.optional(),
  stateCapitalBudget: OtherBudget.optional(),
  socialInsuranceBudget: OtherBudget.optional(),
  assets: Assets.optional(),
  baseData: BaseData.optional(),
  /** 附件3: the project evaluations attached to the report. */
  projectEvaluations: z.array(ProjectEvaluation).default([]),
});
export type DepartmentEvaluation = z.infer<typeof DepartmentEvaluation>;

export const Evaluation = z.discriminatedUnion('kind', [DepartmentEvaluation, ProjectEvaluation]);
export type Evaluation = z.infer<typeof Evaluation>;
/** The shape accepted as input (defaults not yet applied). */
export type EvaluationInput = z.input<typeof Evaluation>;
