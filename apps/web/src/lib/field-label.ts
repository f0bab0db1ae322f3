import { FUND_ROW_LABELS } from '@jixiao/domain';
import { getAt, parsePath } from './paths.ts';

/** Chinese names of the body's keys, wherever they occur (paths never reach users). */
const KEY_LABELS: Readonly<Record<string, string>> = {
  meta: '',
  title: '标题',
  unitName: '单位名称',
  unitCode: '单位代码',
  year: '评价年度',
  supervisor: '主管部门',
  head: '单位负责人',
  filler: '填报人',
  phone: '联系电话',
  reportDate: '填报日期',
  legalBasis: '依据文件',
  documentNumber: '通知文号',
  amountUnit: '金额单位',
  duties: '职能职责',
  internalUnits: '内设机构',
  subordinateUnits: '下属单位',
  staffing: '人员编制',
  authorized: '编制数',
  retired: '离退休人数',
  categories: '人员类别',
  statedControlRate: '控制率',
  note: '说明',
  goals: '绩效目标',
  expected: '预期目标',
  funds: '资金情况',
  ...FUND_ROW_LABELS,
  initialBudget: '年初预算数',
  budget: '预算数',
  executed: '全年执行数',
  statedRate: '执行率',
  weight: '分值',
  score: '得分',
  basicExpenditure: '基本支出',
  projectExpenditure: '项目支出',
  personnel: '人员经费',
  publicFunds: '公用经费',
  amount: '金额',
  statedShare: '占比',
  statedCompletion: '完成率',
  statedCount: '项目个数',
  projects: '项目',
  purpose: '用途',
  governmentFundBudget: '政府性基金预算支出',
  stateCapitalBudget: '国有资本经营预算支出',
  socialInsuranceBudget: '社会保险基金预算支出',
  none: '无此项',
  text: '文字说明',
  assets: '资产管理情况',
  originalValue: '固定资产原值',
  netValue: '净值',
  added: '本年新增',
  disposed: '本年处置',
  baseData: '基础数据表',
  threePublic: '三公经费',
  vehicles: '公务用车购置和维护经费',
  vehiclePurchase: '公车购置',
  vehicleOperation: '公车运行维护',
  overseas: '出国经费',
  reception: '公务接待',
  projectRows: '项目',
  office: '办公经费',
  utilitiesTravel: '水费、电费、差旅费',
  meetingsTraining: '会议费、培训费',
  procurement: '政府采购金额',
  basicBudgetAdjustment: '部门基本支出预算调整',
  previousActual: '上年决算数',
  buildings: '楼堂馆所',
  savingsMeasures: '厉行节约保障措施',
  indicators: '绩效指标',
  children: '',
  target: '年度指标值',
  unit: '度量单位',
  deduction: '扣分',
  deviationReason: '偏差原因',
  adjustments: '加减分',
  points: '分数',
  reason: '理由',
  stated: '',
  total: '自评总分',
  grade: '自评等级',
  chapters: '报告文字',
  paragraphs: '',
  outline: '标题编号',
  projectEvaluations: '项目支出自评表',
  projectName: '项目名称',
  implementer: '实施单位',
  name: '名称',
  actual: '实际支出数',
};

/** Where "actual" and "total" mean something else than at the top. */
const CONTEXT_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  staffing: { actual: '实际在职人数' },
  stated: { total: '自评总分', grade: '自评等级' },
  funds: { total: '年度资金总额' },
  goals: { actual: '实际完成情况' },
  indicators: { actual: '实际完成值' },
  children: { actual: '实际完成值' },
};

const CHAPTER_TITLES: Readonly<Record<string, string>> = {
  opening: '开篇说明',
  overview: '基本情况',
  budget: '一般公共预算支出情况',
  otherBudgets: '其他预算支出情况',
  implementation: '项目组织实施情况',
  assets: '资产管理情况',
  performance: '绩效情况',
  problems: '存在的问题及原因分析',
  improvements: '下一步改进措施',
  application: '绩效自评结果应用和公开情况',
  other: '其他需要说明的情况',
};

function itemName(item: unknown, list: string, index: number): string {
  if (item !== null && typeof item === 'object') {
    const o = item as Record<string, unknown>;
    if (list === 'chapters' && typeof o['key'] === 'string')
      return typeof o['title'] === 'string' && o['title'] !== ''
        ? o['title']
        : (CHAPTER_TITLES[o['key']] ?? '报告文字');
    for (const k of ['name', 'projectName', 'expected'])
      if (typeof o[k] === 'string' && o[k] !== '') return `“${String(o[k]).slice(0, 24)}”`;
  }
  if (list === 'paragraphs') return `第${index + 1}段`;
  return `第${index + 1}项`;
}

/**
 * The Chinese label of a place in an evaluation: "年度资金总额 · 全年执行数",
 * "指标“办文数量” · 得分", "联系电话". `body` names the items of lists (indicators, projects).
 */
export function fieldLabel(path: string, body: unknown): string {
  const keys = parsePath(path);
  const parts: string[] = [];
  let parent = '';
  keys.forEach((k, i) => {
    if (typeof k === 'number') {
      const list = typeof keys[i - 1] === 'string' ? String(keys[i - 1]) : '';
      const name = itemName(getAt(body, keys.slice(0, i + 1)), list, k);
      if (list === 'indicators' || list === 'children') {
        // Only the deepest indicator is named: "指标“办文数量”".
        const prev = parts.length - 1;
        if (prev >= 0 && parts[prev]?.startsWith('指标')) parts.pop();
        parts.push(`指标${name}`);
      } else if (list === 'chapters') parts.push(name);
      else parts.push(name);
      parent = list;
      return;
    }
    const label = CONTEXT_LABELS[parent]?.[k] ?? KEY_LABELS[k];
    if (label === undefined) return;
    if (label !== '' && !(k === 'indicators' && keys.length > 1) && k !== 'chapters')
      parts.push(label);
    parent = k;
  });
  const text = parts.filter((p) => p !== '').join(' · ');
  return text === '' ? '其他内容' : text;
}

const SKIP = new Set([
  'source',
  'outline',
  'schemaVersion',
  'rulebookId',
  'kind',
  'ruleRef',
  'numberText',
]);

/** A value the forms edit as one field: text, a number, an amount, a percentage, a target. */
function isField(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return true;
  if (Array.isArray(v)) return v.every((x) => typeof x === 'string');
  const o = v as Record<string, unknown>;
  return 'fen' in o || ('value' in o && 'decimals' in o) || ('text' in o && 'kind' in o);
}

/** Every field an evaluation has, labelled, in the order of the forms: for choosing one. */
export function fieldOptions(body: unknown): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  const walk = (v: unknown, path: string) => {
    if (path !== '' && isField(v)) {
      out.push({ value: path, label: fieldLabel(path, body) });
      return;
    }
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v as Record<string, unknown>))
        if (!SKIP.has(k) && x !== undefined) walk(x, path === '' ? k : `${path}.${k}`);
  };
  walk(body, '');
  return out;
}
