import { add, execScore, pct } from './table-flattenings.ts';
import type { Flattening, ModelCell, ModelRow } from './table-flattenings.ts';

/** A finding a reviewer verified by hand, as in the web corpus's findings.json. */
export interface Verified {
  category: string;
  stated: string;
  expected: string;
  where: string;
  uncertain: boolean;
}

/** One invented excerpt: a table model, how it is flattened, and what a reviewer finds in it. */
export interface InventedCase {
  id: string;
  flattenings: Flattening[];
  before: string[];
  rows: ModelRow[];
  after: string[];
  /** Cut the text renderings here (UTF-8 bytes), as the stored excerpts are cut. */
  cut?: number;
  findings: Verified[];
}

type FundCol = 'initial' | 'budget' | 'executed' | 'weight' | 'rate' | 'score';
type IndCol =
  | 'l1'
  | 'l2'
  | 'l3'
  | 'target'
  | 'actual'
  | 'weight'
  | 'score'
  | 'reason'
  | 'nature'
  | 'value'
  | 'measure'
  | 'deduct';

interface Fund {
  label: string;
  initial?: string;
  budget: string;
  executed: string;
  weight?: string;
  rate?: string;
  score?: string;
}

interface Ind {
  l1: string;
  l2: string;
  name: string;
  target: string;
  actual: string;
  weight: string;
  score?: string;
  reason?: string;
  deduct?: string;
}

const FUND_WORDS: Record<FundCol, string> = {
  initial: '年初预算数',
  budget: '全年预算数',
  executed: '全年执行数',
  weight: '分值',
  rate: '执行率',
  score: '得分',
};
const IND_WORDS: Record<IndCol, string> = {
  l1: '一级指标',
  l2: '二级指标',
  l3: '三级指标',
  target: '年度指标值',
  actual: '实际完成值',
  weight: '分值',
  score: '得分',
  reason: '偏差原因分析及改进措施',
  nature: '指标性质',
  value: '指标值',
  measure: '度量单位',
  deduct: '扣分',
};

interface TableSpec {
  head: [string, string][][];
  money: string;
  fundCols: FundCol[];
  fundWords?: Partial<Record<FundCol, string>>;
  funds: Fund[];
  goals?: [string, string] | null;
  indCols: IndCol[];
  indWords?: Partial<Record<IndCol, string>>;
  indicators: Ind[];
  /** 分值 and 得分 of the 总分 row; absent when the table is cut before it. */
  total?: [string, string];
  extra?: ModelRow[];
}

function split(target: string): [string, string, string] {
  const m = /^([≥≤=<>]?)(\d+(?:\.\d+)?)(.*)$/.exec(target);
  return m ? [m[1] || '=', m[2] ?? '', m[3] ?? ''] : ['', target, ''];
}

const span = (text: string, rowSpan: number): ModelCell => ({ text, rowSpan });

/** A 自评表 in the central form's block order with the given columns and words. */
export function selfTable(s: TableSpec): ModelRow[] {
  const rows: ModelRow[] = [];
  for (const line of s.head) rows.push(line.flat());
  const fw = { ...FUND_WORDS, ...s.fundWords };
  rows.push([span(s.money, s.funds.length + 1), '', ...s.fundCols.map((c) => fw[c])]);
  for (const f of s.funds) rows.push([f.label, ...s.fundCols.map((c) => f[c] ?? '')]);
  if (s.goals !== null) {
    const g = s.goals ?? ['按期完成项目建设任务，发挥资金效益。', '已按期完成项目建设任务。'];
    rows.push([span('年度总体目标', 2), '预期目标', '实际完成情况'], [...g]);
  }
  const iw = { ...IND_WORDS, ...s.indWords };
  rows.push([span('绩效指标', s.indicators.length + 1), ...s.indCols.map((c) => iw[c])]);
  s.indicators.forEach((ind, i) => {
    const prev = s.indicators[i - 1];
    const row: (string | ModelCell)[] = [];
    for (const c of s.indCols) {
      if (c === 'l1' || c === 'l2') {
        const same = (a: Ind | undefined): boolean =>
          a !== undefined && a.l1 === ind.l1 && (c === 'l1' || a.l2 === ind.l2);
        if (same(prev)) continue;
        let n = 1;
        while (same(s.indicators[i + n]) && s.indicators[i + n] !== undefined) n++;
        row.push(span(ind[c], n));
        continue;
      }
      const [nature, value, measure] = split(ind.target);
      const v: Record<IndCol, string> = {
        l1: '',
        l2: '',
        l3: ind.name,
        target: ind.target,
        actual: ind.actual,
        weight: ind.weight,
        score: ind.score ?? ind.weight,
        reason: ind.reason ?? '',
        nature,
        value,
        measure,
        deduct: ind.deduct ?? '',
      };
      row.push(v[c]);
    }
    rows.push(row);
  });
  if (s.total) {
    const before = s.indCols.indexOf('weight');
    rows.push([{ text: '总分', colSpan: Math.max(1, before + 1) }, s.total[0], s.total[1], '']);
  }
  rows.push(...(s.extra ?? []));
  return rows;
}

/** A 评分表 (一级 | 二级 | 三级 | 分值 | 评分标准 | 得分 | 扣分原因), groups with their 分值. */
interface ScoreRow {
  l1: string;
  l2: string;
  name: string;
  weight: string;
  rule: string;
  score?: string;
  reason?: string;
}
export function scoringTable(
  header: string[],
  items: ScoreRow[],
  total: [string, string] | null,
  groupRows?: Record<string, [string, string]>,
): ModelRow[] {
  const rows: ModelRow[] = [header];
  items.forEach((it, i) => {
    const prev = items[i - 1];
    if (groupRows && prev?.l1 !== it.l1) {
      const g = groupRows[it.l1];
      if (g) rows.push([it.l1.replace(/（.*$/, ''), '小计', g[0], '', g[1], '']);
    }
    const row: (string | ModelCell)[] = [];
    if (prev?.l1 !== it.l1) {
      let n = 1;
      while (items[i + n]?.l1 === it.l1) n++;
      row.push(span(it.l1, n));
    }
    if (prev?.l1 !== it.l1 || prev.l2 !== it.l2) {
      let n = 1;
      while (items[i + n]?.l1 === it.l1 && items[i + n]?.l2 === it.l2) n++;
      row.push(span(it.l2, n));
    }
    row.push(it.name, it.weight, it.rule, it.score ?? it.weight, it.reason ?? '');
    rows.push(row);
  });
  if (total) rows.push(['总分', total[0], '', total[1], '']);
  return rows;
}

// ---- indicator sets (weights add up to 90; the execution rate carries the other 10) ----

const I = (
  l1: string,
  l2: string,
  name: string,
  target: string,
  actual: string,
  weight: string,
  score?: string,
  reason?: string,
): Ind => ({
  l1,
  l2,
  name,
  target,
  actual,
  weight,
  ...(score !== undefined ? { score } : {}),
  ...(reason !== undefined ? { reason } : {}),
});

const ROAD = (): Ind[] => [
  I('产出指标', '数量指标', '新建硬化道路里程', '≥12公里', '12.5公里', '15'),
  I('产出指标', '质量指标', '工程验收合格率', '100%', '100%', '10'),
  I('产出指标', '时效指标', '项目完工及时率', '≥95%', '100%', '10'),
  I('产出指标', '成本指标', '每公里建设成本', '≤45万元', '43.6万元', '15'),
  I('效益指标', '社会效益指标', '受益群众人数', '≥8000人', '8600人', '15'),
  I('效益指标', '可持续影响指标', '道路使用年限', '≥10年', '10年', '15'),
  I('满意度指标', '服务对象满意度指标', '沿线群众满意度', '≥90%', '96%', '10'),
];
const SCHOOL = (): Ind[] => [
  I('产出指标', '数量指标', '资助学生人数', '≥1200人', '1236人', '20'),
  I('产出指标', '质量指标', '资助对象认定准确率', '100%', '100%', '15'),
  I('产出指标', '时效指标', '资金发放及时率', '100%', '100%', '15'),
  I('效益指标', '社会效益指标', '困难学生辍学率', '≤1%', '0.6%', '20'),
  I('效益指标', '可持续影响指标', '资助政策知晓率', '≥95%', '97%', '10'),
  I('满意度指标', '服务对象满意度指标', '受助学生满意度', '≥90%', '93.5%', '10'),
];
const HEALTH = (): Ind[] => [
  I('产出指标', '数量指标', '家庭医生签约人数', '≥5万人', '5.3万人', '10'),
  I('产出指标', '数量指标', '老年人健康体检人数', '≥8000人', '8120人', '10'),
  I('产出指标', '质量指标', '电子健康档案建档率', '≥90%', '92%', '10'),
  I('产出指标', '时效指标', '补助资金拨付及时率', '100%', '100%', '10'),
  I('产出指标', '成本指标', '人均补助标准', '=89元', '89元', '10'),
  I('效益指标', '社会效益指标', '重点人群健康管理率', '≥70%', '72.4%', '15'),
  I('效益指标', '可持续影响指标', '基层服务能力', '持续提升', '持续提升', '15'),
  I('满意度指标', '服务对象满意度指标', '居民满意度', '≥85%', '90%', '10'),
];
const AGRI = (): Ind[] => [
  I('产出指标', '数量指标', '高标准农田建设面积', '≥2.5万亩', '2.6万亩', '20'),
  I('产出指标', '质量指标', '项目验收合格率', '100%', '100%', '10'),
  I('产出指标', '时效指标', '当年开工率', '100%', '100%', '10'),
  I('产出指标', '成本指标', '亩均投资', '≤1500元', '1480元', '10'),
  I('效益指标', '经济效益指标', '亩均增产粮食', '≥50公斤', '55公斤', '15'),
  I('效益指标', '生态效益指标', '节水灌溉面积占比', '≥60%', '63%', '15'),
  I('满意度指标', '服务对象满意度指标', '受益农户满意度', '≥90%', '95%', '10'),
];
const WATER = (): Ind[] => [
  I('产出指标', '数量指标', '新建供水工程', '≥10处', '10处', '15'),
  I('产出指标', '质量指标', '水质达标率', '100%', '100%', '15'),
  I('产出指标', '时效指标', '工程完工及时率', '≥95%', '100%', '10'),
  I('产出指标', '成本指标', '工程建设成本', '≤520万元', '498万元', '10'),
  I('效益指标', '社会效益指标', '受益人口', '≥2万人', '2.1万人', '15'),
  I('效益指标', '可持续影响指标', '工程运行年限', '≥15年', '15年', '15'),
  I('满意度指标', '服务对象满意度指标', '受益群众满意度', '≥90%', '95%', '10'),
];
const CULTURE = (): Ind[] => [
  I('产出指标', '数量指标', '送戏下乡场次', '≥120场', '126场', '15'),
  I('产出指标', '数量指标', '农家书屋更新图书', '≥3000册', '3050册', '10'),
  I('产出指标', '质量指标', '活动开展合格率', '100%', '100%', '10'),
  I('产出指标', '时效指标', '任务完成及时率', '100%', '100%', '10'),
  I('产出指标', '成本指标', '场均演出补助', '≤0.5万元', '0.48万元', '5'),
  I('效益指标', '社会效益指标', '群众参与人次', '≥3万人次', '3.4万人次', '20'),
  I('效益指标', '可持续影响指标', '公共文化服务长效机制', '健全', '健全', '10'),
  I('满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '94%', '10'),
];
const DEPT = (): Ind[] => [
  I('产出指标', '数量指标', '完成年度重点工作任务', '≥20项', '21项', '15'),
  I('产出指标', '数量指标', '开展专项检查次数', '≥12次', '14次', '10'),
  I('产出指标', '质量指标', '重点工作完成率', '100%', '100%', '10'),
  I('产出指标', '时效指标', '工作任务按时完成率', '≥95%', '98%', '10'),
  I('产出指标', '成本指标', '“三公”经费控制率', '≤100%', '92%', '5'),
  I('效益指标', '社会效益指标', '服务群众人次', '≥5万人次', '5.6万人次', '15'),
  I('效益指标', '可持续影响指标', '制度建设完善程度', '完善', '完善', '15'),
  I('满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%', '95%', '10'),
];

/** Replaces the indicator called `name` in a set. */
const with_ = (set: Ind[], name: string, change: Partial<Ind>): Ind[] =>
  set.map((i) => (i.name === name ? { ...i, ...change } : i));

const scoresOf = (set: Ind[]): string[] => set.map((i) => i.score ?? i.weight);

const STD: FundCol[] = ['initial', 'budget', 'executed', 'weight', 'rate', 'score'];
const IND: IndCol[] = ['l1', 'l2', 'l3', 'target', 'actual', 'weight', 'score', 'reason'];

/** The fund block of a project: total and 当年财政拨款 the same, the others empty or 0. */
function projectFunds(
  budget: string,
  executed: string,
  o: Partial<Fund> = {},
  zeros = false,
): Fund[] {
  const z = zeros ? '0' : '';
  return [
    {
      label: '年度资金总额',
      initial: budget,
      budget,
      executed,
      weight: '10',
      rate: pct(executed, budget),
      score: execScore(10, executed, budget),
      ...o,
    },
    { label: '其中：当年财政拨款', initial: budget, budget, executed },
    { label: '上年结转资金', initial: z, budget: z, executed: z },
    { label: '其他资金', initial: z, budget: z, executed: z },
  ];
}

const project = (name: string, dept: string, unit: string): [string, string][][] => [
  [['项目名称', name]],
  [
    ['主管部门', dept],
    ['实施单位', unit],
  ],
];

const F = (
  category: string,
  stated: string,
  expected: string,
  where: string,
  uncertain = false,
): Verified => ({ category, stated, expected, where, uncertain });

const title = (year: string, what: string): string[] => [`${year}年度${what}`];

// ---- the cases ----

export const CASES: InventedCase[] = [];
const add_ = (c: InventedCase): void => {
  CASES.push(c);
};

// 01 四川 project, rate stated by truncation (92.34% for 0.923456): clean.
{
  const b = '500.00';
  const e = '461.728';
  const funds = projectFunds(b, e, { rate: pct(e, b, 2, true) });
  const score = funds[0]?.score ?? '';
  add_({
    id: '01-sichuan-road',
    flattenings: ['cells', 'pdf'],
    before: ['附件2', ...title('2023', '项目支出绩效自评表'), '填报单位：某县交通运输局'],
    rows: selfTable({
      head: project('农村公路提档升级工程', '某县交通运输局', '某县农村公路服务中心'),
      money: '项目资金（万元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: ROAD(),
      total: ['100', add(score, ...scoresOf(ROAD()))],
    }),
    after: ['填表人：张某 联系电话：0831-1234567 填报日期：2024年3月15日'],
    findings: [],
  });
}

// 02 江苏 project without 年初预算数: a wrong 执行率 and a wrong 总分.
{
  const b = '360.00';
  const e = '342.00';
  const funds = projectFunds(b, e, { rate: '96.00%' });
  add_({
    id: '02-jiangsu-school',
    flattenings: ['pdf', 'tabs'],
    before: title('2023', '省级专项资金项目绩效自评表'),
    rows: selfTable({
      head: project('家庭经济困难学生资助', '某市教育局', '某市学生资助管理中心'),
      money: '项目资金（万元）',
      fundCols: ['budget', 'executed', 'rate', 'weight', 'score'],
      fundWords: { budget: '预算数', executed: '执行数' },
      funds,
      indCols: IND,
      indicators: SCHOOL(),
      total: ['100', '98.5'],
    }),
    after: [],
    findings: [
      F('ratio', '96.00%', '95.00%', '年度资金总额 执行率 342.00/360.00'),
      F('total', '98.5', '99.5', '总分 vs 9.5 + 90'),
    ],
  });
}

// 03 山东 project: 执行率 80% but the full 10 points.
{
  const b = '820.00';
  const e = '656.00';
  const funds = projectFunds(b, e, { score: '10' });
  add_({
    id: '03-shandong-health',
    flattenings: ['tabs', 'cells-blank'],
    before: title('2022', '项目支出绩效自评表'),
    rows: selfTable({
      head: project('基本公共卫生服务补助', '某市卫生健康委员会', '某市疾病预防控制中心'),
      money: '项目资金（万元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: HEALTH(),
      total: ['100', '100'],
    }),
    after: [],
    findings: [F('execution-score', '10', '8', '年度资金总额 得分: 10 × 656/820')],
  });
}

// 04 福建 project (html with merged cells, Word): a score above its 分值.
{
  const b = '520.00';
  const e = '498.00';
  const funds = projectFunds(b, e);
  const inds = with_(WATER(), '工程完工及时率', { score: '12' });
  add_({
    id: '04-fujian-water',
    flattenings: ['html', 'docx'],
    before: title('2023', '项目支出绩效自评表'),
    rows: selfTable({
      head: project('农村供水保障工程', '某县水利局', '某县水务服务中心'),
      money: '项目资金（万元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: inds,
      total: ['100', add(funds[0]?.score ?? '', ...scoresOf(inds))],
    }),
    after: [],
    findings: [F('score-over-weight', '12', '10', '工程完工及时率 得分 12 > 分值 10')],
  });
}

// 05 安徽 部门整体 评分表 (投入/过程/产出/效果): 产出 says 30 but its rows give 25.
const FRAME = (): ScoreRow[] => [
  {
    l1: '投入（20分）',
    l2: '目标设定',
    name: '绩效目标合理性',
    weight: '5',
    rule: '依据充分得5分',
  },
  {
    l1: '投入（20分）',
    l2: '目标设定',
    name: '绩效指标明确性',
    weight: '5',
    rule: '细化量化得5分',
  },
  { l1: '投入（20分）', l2: '预算配置', name: '在职人员控制率', weight: '5', rule: '≤100%得5分' },
  { l1: '投入（20分）', l2: '预算配置', name: '“三公”经费变动率', weight: '5', rule: '≤0得5分' },
  { l1: '过程（30分）', l2: '预算执行', name: '预算完成率', weight: '10', rule: '完成率×10' },
  { l1: '过程（30分）', l2: '预算执行', name: '结转结余率', weight: '5', rule: '≤10%得5分' },
  { l1: '过程（30分）', l2: '预算管理', name: '管理制度健全性', weight: '5', rule: '健全得5分' },
  { l1: '过程（30分）', l2: '预算管理', name: '资金使用合规性', weight: '5', rule: '合规得5分' },
  { l1: '过程（30分）', l2: '资产管理', name: '固定资产利用率', weight: '5', rule: '≥95%得5分' },
  { l1: '产出（25分）', l2: '职责履行', name: '实际完成率', weight: '10', rule: '完成率×10' },
  { l1: '产出（25分）', l2: '职责履行', name: '完成及时率', weight: '5', rule: '按时得5分' },
  { l1: '产出（25分）', l2: '职责履行', name: '质量达标率', weight: '10', rule: '≥95%得10分' },
  { l1: '效果（25分）', l2: '履职效益', name: '社会效益', weight: '15', rule: '达标得15分' },
  { l1: '效果（25分）', l2: '履职效益', name: '服务对象满意度', weight: '10', rule: '≥90%得10分' },
];
const FRAME_HEAD = ['一级指标', '二级指标', '三级指标', '分值', '评分标准', '得分', '扣分原因'];
{
  const items = FRAME().map((r) => (r.l1.startsWith('产出') ? { ...r, l1: '产出（30分）' } : r));
  add_({
    id: '05-anhui-framework',
    flattenings: ['cells'],
    before: [
      '2023年度某县市场监督管理局部门整体支出绩效自评表',
      '填报单位（盖章）：某县市场监督管理局',
    ],
    rows: scoringTable(FRAME_HEAD, items, ['100', '100']),
    after: [],
    findings: [F('weight-subtotal', '30', '25', '产出（30分）: 10 + 5 + 10')],
  });
}

// 06 江西 project: a target missed with full marks.
{
  const b = '3900.00';
  const e = '3900.00';
  const funds = projectFunds(b, e);
  const inds = with_(AGRI(), '亩均增产粮食', { actual: '42公斤' });
  add_({
    id: '06-jiangxi-farmland',
    flattenings: ['pdf'],
    before: ['附件3', ...title('2023', '高标准农田建设项目支出绩效自评表')],
    rows: selfTable({
      head: project('高标准农田建设', '某县农业农村局', '某县农田建设服务中心'),
      money: '项目资金（万元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: inds,
      total: ['100', '100'],
    }),
    after: [],
    findings: [F('score-rule', '15', '12.6', '亩均增产粮食 42 < 50, full marks')],
  });
}

// 07 陕西 project in 元 (empty cells kept): points lost without a reason.
{
  const b = '1,260,000.00';
  const e = '1,197,000.00';
  const funds = projectFunds(b, e);
  const inds = with_(CULTURE(), '群众参与人次', { actual: '2.7万人次', score: '18' });
  add_({
    id: '07-shaanxi-culture-yuan',
    flattenings: ['cells-blank'],
    before: title('2023', '项目支出绩效自评表'),
    rows: selfTable({
      head: project('公共文化服务体系建设', '某区文化和旅游局', '某区文化馆'),
      money: '项目资金（元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: inds,
      total: ['100', add(funds[0]?.score ?? '', ...scoresOf(inds))],
    }),
    after: [],
    findings: [F('deduction', '18', '20', '群众参与人次 扣2分 without a reason')],
  });
}

/** A 部门整体 fund block (Hunan-style rows). */
function deptFunds(
  total: [string, string],
  income: [string, string, string][],
  spend: [string, string, string][],
  o: Partial<Fund> = {},
): Fund[] {
  return [
    {
      label: '年度资金总额',
      initial: total[0],
      budget: total[0],
      executed: total[1],
      weight: '10',
      rate: pct(total[1], total[0]),
      score: execScore(10, total[1], total[0]),
      ...o,
    },
    ...income.map(([label, budget, executed]) => ({ label, initial: budget, budget, executed })),
    ...spend.map(([label, budget, executed]) => ({ label, initial: budget, budget, executed })),
  ];
}

// 08 甘肃 部门整体: the income rows do not add up to 年度资金总额 (全年预算数).
{
  const funds = deptFunds(
    ['1856.40', '1780.25'],
    [
      ['其中：一般公共预算', '1620.30', '1570.25'],
      ['其他资金', '216.10', '210.00'],
    ],
    [
      ['基本支出', '1210.40', '1205.25'],
      ['项目支出', '646.00', '575.00'],
    ],
  );
  const sc = funds[0]?.score ?? '';
  add_({
    id: '08-gansu-department',
    flattenings: ['pdf'],
    before: ['2023年度部门整体支出绩效自评表', '部门（单位）名称：某市自然资源局'],
    rows: selfTable({
      head: [],
      money: '年度预算资金（万元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: DEPT(),
      total: ['100', add(sc, ...scoresOf(DEPT()))],
    }),
    after: [],
    findings: [F('sum', '1856.40', '1836.40', '年度资金总额 全年预算数 vs 1620.30 + 216.10')],
  });
}

// 09 云南 project in 元 with a 0/0 row stated as 0.00%: clean.
{
  const b = '2,400,000.00';
  const funds = projectFunds(b, b, {}, true).map((f) =>
    f.label === '上年结转资金' ? { ...f, rate: '0.00%' } : f,
  );
  add_({
    id: '09-yunnan-road-yuan',
    flattenings: ['tabs'],
    before: title('2023', '项目支出绩效自评表'),
    rows: selfTable({
      head: project('乡村道路安全生命防护工程', '某县交通运输局', '某县公路管理段'),
      money: '项目资金（元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: ROAD(),
      total: ['100', '100'],
    }),
    after: [],
    findings: [],
  });
}

// 10 贵州 project (Word): a total of 92 graded 良.
{
  const inds = with_(
    with_(
      with_(
        with_(SCHOOL(), '资助学生人数', {
          actual: '1080人',
          score: '18',
          reason: '生源减少，按实际认定人数发放',
        }),
        '资金发放及时率',
        {
          actual: '85%',
          score: '12.75',
          reason: '第四季度资金到位较晚',
        },
      ),
      '资助政策知晓率',
      { actual: '76%', score: '8', reason: '宣传覆盖不足，下一步加强宣传' },
    ),
    '受助学生满意度',
    { actual: '81%', score: '9', reason: '个别学生对发放时间不满意' },
  );
  const b = '300.00';
  const funds = projectFunds(b, b);
  const total = add('10', ...scoresOf(inds));
  add_({
    id: '10-guizhou-school-grade',
    flattenings: ['docx'],
    before: title('2023', '项目支出绩效自评表'),
    rows: selfTable({
      head: project('学生资助补助经费', '某县教育局', '某县学生资助中心'),
      money: '项目资金（万元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: inds,
      total: ['100', total],
      extra: [['自评等级', '良']],
    }),
    after: [],
    findings: [F('grade', '良', '优', `总分 ${total} ≥ 90 graded 良`)],
  });
}

// 11 辽宁 project, cells between runs of spaces: a 万 slipped into the actual's unit.
{
  const inds = with_(HEALTH(), '老年人健康体检人数', { actual: '8120万人' });
  const b = '640.00';
  const e = '633.60';
  const funds = projectFunds(b, e);
  add_({
    id: '11-liaoning-health-unit',
    flattenings: ['spaces'],
    before: title('2023', '项目支出绩效自评表'),
    rows: selfTable({
      head: project('基本公共卫生服务项目', '某区卫生健康局', '某区社区卫生服务中心'),
      money: '项目资金（万元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: inds,
      total: ['100', add(funds[0]?.score ?? '', ...scoresOf(inds))],
    }),
    after: [],
    findings: [F('unit', '8120万人', '8120人', '老年人健康体检人数 target ≥8000人')],
  });
}

// 12 吉林 部门整体 评分表 with 小计 rows: 过程 小计 27 but its rows give 28.
{
  const items = FRAME().map((r) =>
    r.name === '结转结余率'
      ? { ...r, score: '4', reason: '年末结转略高' }
      : r.name === '固定资产利用率'
        ? { ...r, score: '4', reason: '部分设备闲置' }
        : r,
  );
  add_({
    id: '12-jilin-framework-subtotal',
    flattenings: ['pdf'],
    before: ['2023年度某市统计局部门整体支出绩效评价指标评分表'],
    rows: scoringTable(FRAME_HEAD, items, ['100', '98'], {
      '投入（20分）': ['20', '20'],
      '过程（30分）': ['30', '27'],
      '产出（25分）': ['25', '25'],
      '效果（25分）': ['25', '25'],
    }),
    after: [],
    findings: [F('score-subtotal', '27', '28', '过程 小计 vs 10 + 4 + 5 + 5 + 4')],
  });
}

// 13 内蒙古 转移支付 区域绩效自评表 (no scores): 中央 + 地方 ≠ 年度资金总额.
{
  const rows: ModelRow[] = [
    ['转移支付（项目）名称', '农村综合改革转移支付'],
    ['中央主管部门', '财政部'],
    ['地方主管部门', '某旗财政局', '资金使用单位', '某旗农村综合改革服务中心'],
    [span('资金投入情况（万元）', 5), '', '全年预算数（A）', '全年执行数（B）', '执行率（B/A）'],
    ['年度资金总额', '1500.00', '1380.00', pct('1380', '1500')],
    ['其中：中央补助', '1200.00', '1140.00', pct('1140', '1200')],
    ['地方资金', '200.00', '190.00', pct('190', '200')],
    ['其他资金', '', '', ''],
    [span('年度总体目标', 2), '年初设定目标', '全年实际完成情况'],
    ['完成15个村级公益事业项目建设。', '已完成15个村级公益事业项目建设。'],
    [
      span('绩效指标', 5),
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值',
      '全年实际完成值',
      '未完成原因和改进措施',
    ],
    [span('产出指标', 2), '数量指标', '村级公益事业建设项目', '15个', '15个', ''],
    ['质量指标', '项目验收合格率', '100%', '100%', ''],
    ['效益指标', '社会效益指标', '受益农牧民人数', '≥1.2万人', '1.3万人', ''],
    ['满意度指标', '服务对象满意度指标', '受益群众满意度', '≥90%', '93%', ''],
  ];
  add_({
    id: '13-neimenggu-transfer-sum',
    flattenings: ['cells'],
    before: ['中央对地方转移支付区域绩效自评表', '（2023年度）'],
    rows,
    after: [],
    findings: [
      F('sum', '1500.00', '1400.00', '年度资金总额 全年预算数 vs 中央补助 1200 + 地方资金 200'),
    ],
  });
}

// 14 重庆 衔接资金 project: a source row's 执行率 is wrong.
{
  const funds: Fund[] = [
    {
      label: '年度资金总额',
      budget: '1000.00',
      executed: '900.00',
      weight: '10',
      rate: '90.00%',
      score: '9',
    },
    { label: '其中：中央衔接资金', budget: '680.00', executed: '612.00', rate: '92.00%' },
    { label: '市级衔接资金', budget: '320.00', executed: '288.00', rate: pct('288', '320') },
  ];
  const inds = ROAD();
  add_({
    id: '14-chongqing-linkage-ratio',
    flattenings: ['pdf'],
    before: title('2023', '巩固拓展脱贫攻坚成果同乡村振兴有效衔接资金项目绩效自评表'),
    rows: selfTable({
      head: project('产业路建设', '某区乡村振兴局', '某镇人民政府'),
      money: '项目资金（万元）',
      fundCols: ['budget', 'executed', 'weight', 'rate', 'score'],
      funds,
      indCols: IND,
      indicators: inds,
      total: ['100', add('9', ...scoresOf(inds))],
    }),
    after: [],
    findings: [F('ratio', '92.00%', '90.00%', '中央衔接资金 执行率 612/680')],
  });
}

// 15 上海 project, split targets (指标性质 | 指标值 | 度量单位), (A)/(B) headers, tabs: clean.
{
  const b = '86.50';
  const e = '79.58';
  const funds = projectFunds(b, e);
  add_({
    id: '15-shanghai-culture-split',
    flattenings: ['tabs'],
    before: title('2023', '项目支出绩效自评表'),
    rows: selfTable({
      head: project('社区文化活动经费', '某区文化和旅游局', '某街道社区文化活动中心'),
      money: '项目资金（万元）',
      fundCols: ['budget', 'executed', 'weight', 'rate', 'score'],
      fundWords: { budget: '全年预算数（A）', executed: '全年执行数（B）', rate: '执行率（B/A）' },
      funds: funds.map(({ initial: _i, ...f }) => f),
      indCols: [
        'l1',
        'l2',
        'l3',
        'nature',
        'value',
        'measure',
        'actual',
        'weight',
        'score',
        'reason',
      ],
      indicators: CULTURE(),
      total: ['100', add(funds[0]?.score ?? '', ...scoresOf(CULTURE()))],
    }),
    after: [],
    findings: [],
  });
}

// 16 北京 project: the same indicator twice.
{
  const set = AGRI();
  const inds = [
    ...set.slice(0, 1),
    I('产出指标', '质量指标', '项目验收合格率', '100%', '100%', '5'),
    I('产出指标', '质量指标', '项目验收合格率', '100%', '100%', '5'),
    ...set.slice(2),
  ];
  const funds = projectFunds('1200.00', '1188.00');
  add_({
    id: '16-beijing-farmland-duplicate',
    flattenings: ['cells'],
    before: title('2023', '项目支出绩效自评表'),
    rows: selfTable({
      head: project('农田水利设施维修养护', '某区农业农村局', '某区水务所'),
      money: '项目资金（万元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: inds,
      total: ['100', add(funds[0]?.score ?? '', ...scoresOf(inds))],
    }),
    after: [],
    findings: [F('duplicate', '项目验收合格率', '', '质量指标 lists 项目验收合格率 twice')],
  });
}

// 17 山西 project: 年度总体目标 holds amounts.
{
  const funds = projectFunds('520.00', '498.00');
  add_({
    id: '17-shanxi-water-goals',
    flattenings: ['pdf'],
    before: title('2022', '项目支出绩效自评表'),
    rows: selfTable({
      head: project('城乡供水一体化', '某县水利局', '某县供水公司'),
      money: '项目资金（万元）',
      fundCols: STD,
      funds,
      goals: ['520', '498'],
      indCols: IND,
      indicators: WATER(),
      total: ['100', add(funds[0]?.score ?? '', ...scoresOf(WATER()))],
    }),
    after: [],
    findings: [
      F('completeness', '520 / 498', 'goal statements', '年度总体目标 cells hold amounts'),
    ],
  });
}

// 18 湖南 project: an indicator scored with no target and no actual.
{
  const inds = with_(ROAD(), '工程验收合格率', { target: '', actual: '' });
  const funds = projectFunds('860.00', '860.00');
  add_({
    id: '18-hunan-road-empty',
    flattenings: ['cells'],
    before: title('2023', '项目支出绩效自评表'),
    rows: selfTable({
      head: project('国省干线公路养护', '某县交通运输局', '某县公路建设养护中心'),
      money: '项目资金（万元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: inds,
      total: ['100', '100'],
    }),
    after: [],
    findings: [
      F(
        'completeness',
        '',
        '年度指标值, 实际完成值',
        '工程验收合格率 scored 10 with both cells empty',
      ),
    ],
  });
}

// 19 四川 project cut at 2,000 bytes: 8.5 due, 9.5 stated; no total reached.
{
  const funds = projectFunds('400.00', '340.00', { score: '9.5' });
  add_({
    id: '19-sichuan-health-cut',
    flattenings: ['pdf'],
    before: title('2023', '项目支出绩效自评表'),
    rows: selfTable({
      head: project('重大公共卫生服务补助资金', '某市卫生健康委员会', '某市妇幼保健院'),
      money: '项目资金（万元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: HEALTH(),
      total: ['100', '99.5'],
    }),
    after: [],
    cut: 1400,
    findings: [F('execution-score', '9.5', '8.5', '年度资金总额 得分: 10 × 340/400')],
  });
}

// 20 江苏 部门整体 评分表 with 加分 items: a total above 100 is allowed. Clean.
{
  add_({
    id: '20-jiangsu-framework-bonus',
    flattenings: ['tabs'],
    before: ['2023年度某市发展和改革委员会部门整体支出绩效自评表'],
    rows: [
      ...scoringTable(FRAME_HEAD, FRAME(), null),
      ['加分项', '获省级表彰', '', '5', '获省级及以上表彰加3分', '3', ''],
      ['总分', '105', '', '103', ''],
    ],
    after: ['注：加分项最高5分。'],
    findings: [],
  });
}

// 21 山东 project: 86% and 9 points, the whole-point rounding stated nowhere. Clean.
{
  const funds = projectFunds('43.20', '37.24', { rate: '86%', score: '9' });
  add_({
    id: '21-shandong-rounding',
    flattenings: ['cells-blank'],
    before: title('2022', '项目支出绩效自评表'),
    rows: selfTable({
      head: project('校舍维修改造', '某县教育和体育局', '某县第一中学'),
      money: '项目资金（万元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: SCHOOL(),
      total: ['100', '99'],
    }),
    after: [],
    findings: [],
  });
}

// 22 福建 绩效评价指标表, cells run together with nothing between (targets and 分值 fused). Clean.
{
  const rows: ModelRow[] = [
    ['一级指标', '二级指标', '指标名称', '目标值', '分值'],
    ['产出指标', '数量指标', '培训农民人数', '达到计划数1500', '20'],
    ['', '', '示范基地个数', '12个', '10'],
    ['', '质量指标', '培训合格率', '≥95%', '20'],
    ['', '时效指标', '培训任务完成时间', '12月底前', '10'],
    ['效益指标', '社会效益指标', '带动就业人数', '达到预计值300', '20'],
    ['满意度指标', '服务对象满意度', '参训农民满意度', '≥90%', '20'],
    ['总分', '', '', '', '100'],
  ];
  add_({
    id: '22-fujian-index-tight',
    flattenings: ['pdf-tight'],
    before: ['2023年度新型职业农民培训项目绩效评价指标表'],
    rows,
    after: [],
    findings: [],
  });
}

// 23 安徽 project with a 扣分 column: 扣分 2 where 15 − 12 = 3.
{
  const inds = with_(ROAD(), '受益群众人数', {
    actual: '6900人',
    score: '12',
    deduct: '2',
    reason: '部分村组尚未通车',
  });
  const funds = projectFunds('760.00', '760.00');
  add_({
    id: '23-anhui-road-deduct',
    flattenings: ['html'],
    before: title('2023', '项目支出绩效自评表'),
    rows: selfTable({
      head: project('乡村振兴道路建设', '某县交通运输局', '某县交通建设投资公司'),
      money: '项目资金（万元）',
      fundCols: STD,
      funds,
      indCols: ['l1', 'l2', 'l3', 'target', 'actual', 'weight', 'score', 'deduct', 'reason'],
      indicators: inds,
      total: ['100', add('10', ...scoresOf(inds))],
    }),
    after: [],
    findings: [F('deduction', '2', '3', '受益群众人数 扣分 2 vs 15 − 12')],
  });
}

// 24 江西 部门整体 in 元 (Word): clean.
{
  const funds = deptFunds(
    ['12,860,000.00', '12,618,432.00'],
    [
      ['其中：一般公共预算', '12,100,000.00', '11,870,432.00'],
      ['政府性基金', '760,000.00', '748,000.00'],
    ],
    [
      ['基本支出', '9,800,000.00', '9,712,432.00'],
      ['项目支出', '3,060,000.00', '2,906,000.00'],
    ],
  );
  add_({
    id: '24-jiangxi-department-yuan',
    flattenings: ['docx'],
    before: ['2023年度部门整体支出绩效自评表', '部门名称：某市林业局'],
    rows: selfTable({
      head: [],
      money: '年度预算资金（元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: DEPT(),
      total: ['100', add(funds[0]?.score ?? '', ...scoresOf(DEPT()))],
    }),
    after: [],
    findings: [],
  });
}

// 25 甘肃 project: a score above its 分值 and a 总分 that is not the sum.
{
  const inds = with_(AGRI(), '亩均增产粮食', { score: '16' });
  const funds = projectFunds('2600.00', '2600.00');
  add_({
    id: '25-gansu-farmland-two',
    flattenings: ['cells'],
    before: title('2023', '项目支出绩效自评表'),
    rows: selfTable({
      head: project('旱作农业示范区建设', '某县农业农村局', '某县农业技术推广中心'),
      money: '项目资金（万元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: inds,
      total: ['100', '100'],
    }),
    after: [],
    findings: [
      F('score-over-weight', '16', '15', '亩均增产粮食 得分 16 > 分值 15'),
      F('total', '100', '101', '总分 vs 10 + 91'),
    ],
  });
}

// 26 云南 转移支付 with 0/0 rows: clean.
{
  const rows: ModelRow[] = [
    ['转移支付（项目）名称', '城乡义务教育补助经费'],
    ['中央主管部门', '教育部'],
    ['地方主管部门', '某州教育体育局', '资金使用单位', '各县（市）教育体育局'],
    [span('资金投入情况（万元）', 5), '', '全年预算数（A）', '全年执行数（B）', '执行率（B/A）'],
    ['年度资金总额', '8650.00', '8477.00', pct('8477', '8650')],
    ['其中：中央补助', '6920.00', '6920.00', '100.00%'],
    ['地方资金', '1730.00', '1557.00', pct('1557', '1730')],
    ['其他资金', '0', '0', '0.00%'],
    [span('年度总体目标', 2), '年初设定目标', '全年实际完成情况'],
    ['保障义务教育学校正常运转。', '义务教育学校运转正常。'],
    [
      span('绩效指标', 4),
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值',
      '全年实际完成值',
      '未完成原因和改进措施',
    ],
    ['产出指标', '数量指标', '公用经费补助学生人数', '≥12万人', '12.3万人', ''],
    ['', '质量指标', '资金拨付准确率', '100%', '100%', ''],
    ['效益指标', '社会效益指标', '义务教育巩固率', '≥95%', '96.2%', ''],
  ];
  add_({
    id: '26-yunnan-transfer-clean',
    flattenings: ['tabs'],
    before: ['中央对地方转移支付区域绩效自评表', '（2023年度）'],
    rows,
    after: [],
    findings: [],
  });
}

// 27 贵州 project: a target met and points deducted.
{
  const inds = with_(CULTURE(), '送戏下乡场次', { score: '13', reason: '部分场次观众较少' });
  const funds = projectFunds('180.00', '180.00');
  add_({
    id: '27-guizhou-culture-met',
    flattenings: ['cells'],
    before: title('2023', '项目支出绩效自评表'),
    rows: selfTable({
      head: project('文化惠民工程', '某县文体广电旅游局', '某县文化馆'),
      money: '项目资金（万元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: inds,
      total: ['100', add('10', ...scoresOf(inds))],
    }),
    after: [],
    findings: [F('score-rule', '13', '15', '送戏下乡场次 126 ≥ 120 met, 2 points deducted')],
  });
}

// 28 辽宁 project: a cost target in 万元 met by an actual in 元 (the same money). Clean.
{
  const inds = with_(WATER(), '工程建设成本', { actual: '4980000元' });
  const funds = projectFunds('520.00', '498.00');
  add_({
    id: '28-liaoning-water-yuan-actual',
    flattenings: ['pdf'],
    before: title('2023', '项目支出绩效自评表'),
    rows: selfTable({
      head: project('水库除险加固', '某市水务局', '某市水库管理处'),
      money: '项目资金（万元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: inds,
      total: ['100', add(funds[0]?.score ?? '', ...scoresOf(inds))],
    }),
    after: [],
    findings: [],
  });
}

// 29 吉林 project: 执行率 85% stated for 80%, scored 8.5 from it.
{
  const funds = projectFunds('250.00', '200.00', { rate: '85.00%', score: '8.5' });
  add_({
    id: '29-jilin-school-rate',
    flattenings: ['cells'],
    before: title('2023', '项目支出绩效自评表'),
    rows: selfTable({
      head: project('普通高中国家助学金', '某市教育局', '某市第二高级中学'),
      money: '项目资金（万元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: SCHOOL(),
      total: ['100', '98.5'],
    }),
    after: [],
    findings: [
      F('ratio', '85.00%', '80.00%', '年度资金总额 执行率 200/250'),
      F('execution-score', '8.5', '8', '年度资金总额 得分: 10 × 200/250'),
    ],
  });
}

// 30 重庆 部门整体 cut mid-table: clean, no total to check.
{
  const funds = deptFunds(
    ['3268.75', '3190.42'],
    [
      ['其中：一般公共预算', '3018.75', '2950.42'],
      ['政府性基金', '250.00', '240.00'],
    ],
    [
      ['基本支出', '2468.75', '2440.42'],
      ['项目支出', '800.00', '750.00'],
    ],
  );
  add_({
    id: '30-chongqing-department-cut',
    flattenings: ['pdf'],
    before: ['2023年度部门整体支出绩效自评表', '部门（单位）名称：某区城市管理局'],
    rows: selfTable({
      head: [],
      money: '年度预算资金（万元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: DEPT(),
      total: ['100', '99'],
    }),
    after: [],
    cut: 900,
    findings: [],
  });
}

// 31 北京 project: 总分 99 where the rows give 98.
{
  const inds = with_(
    with_(HEALTH(), '重点人群健康管理率', {
      actual: '63%',
      score: '13.5',
      reason: '流动人口管理难度大',
    }),
    '居民满意度',
    { actual: '80.75%', score: '9.5', reason: '候诊时间偏长' },
  );
  const funds = projectFunds('420.00', '420.00');
  add_({
    id: '31-beijing-health-total',
    flattenings: ['cells'],
    before: title('2023', '项目支出绩效自评表'),
    rows: selfTable({
      head: project('社区卫生服务能力提升', '某区卫生健康委员会', '某社区卫生服务中心'),
      money: '项目资金（万元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: inds,
      total: ['100', '99'],
    }),
    after: [],
    findings: [F('total', '99', '98', '总分 vs 10 + 88')],
  });
}

// 32 上海 部门整体 评分表 (html): a point lost without a reason.
{
  const items = FRAME().map((r) => (r.name === '资金使用合规性' ? { ...r, score: '4' } : r));
  add_({
    id: '32-shanghai-framework-reason',
    flattenings: ['html'],
    before: ['2023年度某区民政局部门整体支出绩效自评表'],
    rows: scoringTable(FRAME_HEAD, items, ['100', '99']),
    after: [],
    findings: [F('deduction', '4', '5', '资金使用合规性 扣1分 without a reason')],
  });
}

// 33 内蒙古 project: 人 against 户.
{
  const inds = with_(ROAD(), '受益群众人数', { actual: '8600户' });
  const funds = projectFunds('980.00', '980.00');
  add_({
    id: '33-neimenggu-road-unit',
    flattenings: ['tabs'],
    before: title('2023', '项目支出绩效自评表'),
    rows: selfTable({
      head: project('嘎查村道路硬化', '某旗交通运输局', '某苏木人民政府'),
      money: '项目资金（万元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: inds,
      total: ['100', '100'],
    }),
    after: [],
    findings: [F('unit', '8600户', '人', '受益群众人数 target ≥8000人, actual in 户')],
  });
}

// 34 湖南 project (spaces): the same indicator under 质量 and 时效.
{
  const set = SCHOOL();
  const inds = [
    ...set.slice(0, 1),
    I('产出指标', '质量指标', '资金发放及时率', '100%', '100%', '15'),
    ...set.slice(2),
  ];
  const funds = projectFunds('150.00', '150.00');
  add_({
    id: '34-hunan-school-duplicate',
    flattenings: ['spaces'],
    before: title('2023', '项目支出绩效自评表'),
    rows: selfTable({
      head: project('农村义务教育营养改善计划', '某县教育局', '某县学生营养办'),
      money: '项目资金（万元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: inds,
      total: ['100', '100'],
    }),
    after: [],
    findings: [F('duplicate', '资金发放及时率', '', '资金发放及时率 under 质量指标 and 时效指标')],
  });
}

// 35 陕西 部门整体: 满意度 85% against ≥90%, full marks.
{
  const inds = with_(DEPT(), '服务对象满意度', { actual: '85%' });
  const funds = deptFunds(
    ['2150.00', '2150.00'],
    [['其中：一般公共预算', '2150.00', '2150.00']],
    [
      ['基本支出', '1650.00', '1650.00'],
      ['项目支出', '500.00', '500.00'],
    ],
  );
  add_({
    id: '35-shaanxi-department-rule',
    flattenings: ['cells'],
    before: ['2023年度部门整体支出绩效自评表', '部门名称：某县人力资源和社会保障局'],
    rows: selfTable({
      head: [],
      money: '年度预算资金（万元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: inds,
      total: ['100', '100'],
    }),
    after: [],
    findings: [F('score-rule', '10', '9.44', '服务对象满意度 85% < 90%, full marks')],
  });
}

// 36 四川 衔接资金 project: 执行率 90% scored 10.
{
  const funds = projectFunds('1200.00', '1080.00', { score: '10' });
  add_({
    id: '36-sichuan-linkage-exec',
    flattenings: ['pdf'],
    before: title('2023', '衔接资金项目绩效自评表'),
    rows: selfTable({
      head: project('特色产业发展', '某县农业农村局', '某乡人民政府'),
      money: '项目资金（万元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: AGRI(),
      total: ['100', '100'],
    }),
    after: [],
    findings: [F('execution-score', '10', '9', '年度资金总额 得分: 10 × 1080/1200')],
  });
}

// 37 江苏 project: 实际完成值 missing on a scored indicator.
{
  const inds = with_(WATER(), '工程完工及时率', { actual: '' });
  const funds = projectFunds('300.00', '300.00');
  add_({
    id: '37-jiangsu-water-empty-actual',
    flattenings: ['cells'],
    before: title('2023', '项目支出绩效自评表'),
    rows: selfTable({
      head: project('农村饮水安全巩固提升', '某市水利局', '某市农村供水站'),
      money: '项目资金（万元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: inds,
      total: ['100', '100'],
    }),
    after: [],
    findings: [F('completeness', '', '实际完成值', '工程完工及时率 scored 10 without an actual')],
  });
}

// 38 福建 部门整体 in 元: 基本支出's 执行率 transposed.
{
  const funds = deptFunds(
    ['11,180,000.00', '11,000,000.00'],
    [['其中：一般公共预算', '11,180,000.00', '11,000,000.00']],
    [
      ['基本支出', '8,120,000.00', '8,050,000.00'],
      ['项目支出', '3,060,000.00', '2,950,000.00'],
    ],
  ).map((f) =>
    f.label === '基本支出'
      ? { ...f, rate: '99.41%' }
      : f.label === '项目支出'
        ? { ...f, rate: pct('2950000', '3060000') }
        : f,
  );
  add_({
    id: '38-fujian-department-yuan-ratio',
    flattenings: ['tabs'],
    before: ['2023年度部门整体支出绩效自评表', '部门（单位）名称：某县审计局'],
    rows: selfTable({
      head: [],
      money: '年度预算资金（元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: DEPT(),
      total: ['100', add(funds[0]?.score ?? '', ...scoresOf(DEPT()))],
    }),
    after: [],
    findings: [F('ratio', '99.41%', '99.14%', '基本支出 执行率 8050000/8120000')],
  });
}

// 39 安徽 project (Word): 141.7% of a target, explained. Clean.
{
  const inds = with_(CULTURE(), '送戏下乡场次', {
    actual: '170场',
    reason: '增加节庆惠民演出，超额完成',
  });
  const funds = projectFunds('210.00', '205.80');
  add_({
    id: '39-anhui-culture-over',
    flattenings: ['docx'],
    before: title('2023', '项目支出绩效自评表'),
    rows: selfTable({
      head: project('送戏下乡惠民演出', '某县文化和旅游局', '某县黄梅戏剧团'),
      money: '项目资金（万元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: inds,
      total: ['100', add(funds[0]?.score ?? '', ...scoresOf(inds))],
    }),
    after: [],
    findings: [],
  });
}

// 40 贵州 部门整体 评分表 with half points, empty cells kept: clean.
{
  const items = FRAME().map((r) =>
    r.name === '预算完成率'
      ? { ...r, score: '9.5', reason: '个别项目年底未支付' }
      : r.name === '社会效益'
        ? { ...r, score: '14.5', reason: '部分指标未达预期' }
        : r,
  );
  add_({
    id: '40-guizhou-framework-clean',
    flattenings: ['cells-blank'],
    before: ['2023年度某县林业局部门整体支出绩效自评表'],
    rows: scoringTable(FRAME_HEAD, items, ['100', '99']),
    after: [],
    findings: [],
  });
}

// 41 山西 project: the 其中 row written in 元 under a 万元 header.
{
  const funds = projectFunds('86.50', '86.50').map((f) =>
    f.label.startsWith('其中')
      ? { ...f, initial: '865000', budget: '865000', executed: '865000' }
      : f,
  );
  add_({
    id: '41-shanxi-yuan-slip',
    flattenings: ['pdf'],
    before: title('2023', '项目支出绩效自评表'),
    rows: selfTable({
      head: project('农村环境整治', '某县生态环境局', '某县环境监测站'),
      money: '项目资金（万元）',
      fundCols: STD,
      funds,
      indCols: IND,
      indicators: WATER(),
      total: ['100', '100'],
    }),
    after: [],
    findings: [F('unit', '865000', '86.50', '其中：当年财政拨款 in 元 under a 万元 header')],
  });
}
