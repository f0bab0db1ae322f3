import {
  ChapterKey,
  Evaluation,
  FEN_PER_UNIT,
  MAX_FEN,
  formatFen,
  parseExpression,
  parsePercent,
  ratioPercent,
} from '@jixiao/domain';
import type {
  Amount,
  EvaluationInput,
  IndicatorNodeInput,
  MoneyUnit,
  Percent,
} from '@jixiao/domain';
import { DEPARTMENT_FUND_ROWS, PROJECT_FUND_ROWS } from './write/self-evaluation-table.ts';

/**
 * Evaluations as a user could enter them in the editor, awkward but valid: long names, markup
 * characters, line feeds in narrative, empty optional fields, zero and odd amounts in 分, rates
 * that agree with their amounts and rates that do not, deep and irregular indicator trees.
 * Seeded, so a failing case is reproduced by its seed (test material, not part of the product).
 */

/** A small seeded generator (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  constructor(readonly random: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  pick<T>(list: readonly T[]): T {
    const v = list[Math.floor(this.random() * list.length)];
    if (v === undefined) throw new Error('pick from an empty list');
    return v;
  }
  maybe<T>(p: number, make: () => T): T | undefined {
    return this.chance(p) ? make() : undefined;
  }
}

const WORDS = [
  '统计',
  '调查',
  '数据质量',
  '乡村振兴',
  '“三公”经费',
  'A&B类',
  '<重点>',
  '"双随机"',
  "O'Neil",
  '污水处理',
  '12345热线',
  '3.5万人次',
  '≥',
  '（一）',
  '——',
  '  ',
  'R&D',
];

/** A single-line text of one to `max` words, never empty, never padded at its ends. */
function phrase(g: Gen, max = 4): string {
  const n = g.int(1, max);
  let s = '';
  for (let i = 0; i < n; i++) s += g.pick(WORDS);
  s = s.trim();
  return s === '' ? '工作' : s;
}

/** A long name: a phrase repeated up to a hundred characters and more. */
function name(g: Gen, unique: string): string {
  let s = phrase(g, 3);
  if (g.chance(0.15)) while (s.length < 120) s += phrase(g, 3);
  return `${s}${unique}`;
}

/** Narrative: sentences, at times with line feeds inside and a numbered start. */
function narrative(g: Gen): string {
  const lead = g.pick(['', '1.', '（一）', '一是', '3.5万元用于', '2024年']);
  const lines = g.int(1, 3);
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(`${i === 0 ? lead : ''}${phrase(g, 6)}。`);
  return out.join(g.chance(0.5) ? '\n' : '');
}

/** An amount in 分: zero, a few 分, odd last digits, large; written in `unit`. */
function amountOf(g: Gen, unit: MoneyUnit, max = 5_000_000_000): Amount {
  const fen = g.pick([
    () => 0,
    () => g.int(1, 99),
    () => g.int(0, max),
    () => g.int(0, max / 100) * 100 + g.pick([1, 3, 5, 7, 9, 49, 50, 51]),
    () => g.int(0, 999) * 1_000_000_000 + g.int(0, 999_999),
    () => MAX_FEN / 1000 - g.int(0, 1000),
  ])();
  const digits = Math.round(Math.log10(FEN_PER_UNIT[unit]));
  return { fen: fen as Amount['fen'], unit, text: formatFen(fen as Amount['fen'], unit, digits) };
}

/** A rate as typed: the amounts' own (rounded or truncated), or another, with 0–3 decimals. */
function rateFor(g: Gen, part: Amount | undefined, whole: Amount | undefined): Percent {
  const decimals = g.pick([0, 1, 2, 2, 3]);
  const r = part && whole ? ratioPercent(part.fen, whole.fen, decimals) : undefined;
  const value = g.pick([
    () => r?.rounded,
    () => r?.truncated,
    () => g.int(0, 12000) / 100,
    () => 87.5,
    () => 100,
  ])();
  const text = (value ?? g.int(0, 10000) / 100).toFixed(decimals);
  const p = parsePercent(text);
  if (!p) throw new Error(`not a percentage: ${text}`);
  return p;
}

/** Points with up to two decimals, as the editor's fields take them. */
function points(g: Gen, max: number): number {
  return g.int(0, max * 100) / 100;
}

const TARGETS = [
  '≥95%',
  '≤3天',
  '=100%',
  '>0',
  '≥12次',
  '100%',
  '达到预期',
  '优',
  '良',
  '达成年度指标',
  '12月底前',
  '2024年12月31日前',
  '≤1.5万元',
  '有效提升',
  '≥98.5%',
  '40>Q≥25',
];

function indicatorTree(
  g: Gen,
  depth: number,
  maxDepth: number,
  counter: { n: number; tag: string },
) {
  const width = depth === 1 ? g.int(1, 5) : g.int(1, 4);
  const nodes: IndicatorNodeInput[] = [];
  for (let i = 0; i < width; i++) {
    const id = `#${counter.tag}.${++counter.n}`;
    const group = depth < maxDepth && g.chance(depth === 1 ? 0.85 : 0.55);
    const node: IndicatorNodeInput = { name: name(g, id) };
    if (group) {
      node.children = indicatorTree(g, depth + 1, maxDepth, counter);
      if (g.chance(0.6)) node.weight = points(g, 60);
      if (g.chance(0.5)) node.score = points(g, 60);
    } else {
      const weight = g.maybe(0.9, () => points(g, 20));
      if (weight !== undefined) node.weight = weight;
      const score = g.maybe(0.85, () => points(g, weight ?? 20));
      if (score !== undefined) node.score = score;
      if (g.chance(0.9)) node.target = parseExpression(g.pick(TARGETS));
      if (g.chance(0.85))
        node.actual = parseExpression(
          g.pick([...TARGETS, '96.3%', '2天', '13次', '完成', '基本达到预期', phrase(g)]),
        );
      if (g.chance(0.2)) node.unit = g.pick(['%', '天', '次', '万元', '个']);
      if (g.chance(0.4)) node.deviationReason = narrative(g);
      if (g.chance(0.3)) node.evidence = narrative(g);
    }
    nodes.push(node);
  }
  return nodes;
}

function fundRow(g: Gen, unit: MoneyUnit) {
  const budget = g.maybe(0.9, () => amountOf(g, unit));
  const executed = g.maybe(0.9, () =>
    budget && g.chance(0.5)
      ? {
          ...budget,
          fen: Math.floor(budget.fen * g.pick([1, 0.875, 0.9706871, 0.5])) as Amount['fen'],
        }
      : amountOf(g, unit),
  );
  const initialBudget = g.maybe(0.6, () => amountOf(g, unit));
  const statedRate = g.maybe(0.6, () => rateFor(g, executed, budget));
  return {
    ...(initialBudget ? { initialBudget } : {}),
    ...(budget ? { budget } : {}),
    ...(executed ? { executed: fixText(executed) } : {}),
    ...(statedRate ? { statedRate } : {}),
  };
}

function fixText(a: Amount): Amount {
  const digits = Math.round(Math.log10(FEN_PER_UNIT[a.unit]));
  return { ...a, text: formatFen(a.fen, a.unit, digits) };
}

function costRow(g: Gen, unit: MoneyUnit) {
  return {
    ...(g.chance(0.7) ? { previousActual: amountOf(g, unit) } : {}),
    ...(g.chance(0.8) ? { budget: amountOf(g, unit) } : {}),
    ...(g.chance(0.8) ? { actual: amountOf(g, unit) } : {}),
  };
}

function common(g: Gen, unit: MoneyUnit, kind: 'department' | 'project', serial: string) {
  const counter = { n: 0, tag: serial };
  const indicators = indicatorTree(g, 1, g.int(1, 6), counter);
  const funds: Record<string, unknown> = {};
  const keys =
    kind === 'department' ? DEPARTMENT_FUND_ROWS : [...PROJECT_FUND_ROWS, 'basic', 'project'];
  for (const k of keys) if (k === 'total' || g.chance(0.5)) funds[k] = fundRow(g, unit);
  const chapters = ChapterKey.options
    .filter(() => g.chance(0.5))
    .map((key) => ({
      key,
      ...(g.chance(0.3) ? { title: `${g.pick(['', '五、', '（二）'])}${phrase(g)}` } : {}),
      paragraphs: Array.from({ length: g.int(1, 3) }, () => narrative(g)),
    }));
  return {
    meta: {
      unitName: name(g, `单位${serial}`),
      year: g.int(2015, 2026),
      amountUnit: unit,
      ...(g.chance(0.5) ? { supervisor: name(g, '主管') } : {}),
      ...(g.chance(0.7) ? { filler: phrase(g, 2) } : {}),
      ...(g.chance(0.7) ? { head: phrase(g, 2) } : {}),
      ...(g.chance(0.7) ? { phone: g.pick(['0745-2345678', '138 0000 1111', '内线<8021>']) } : {}),
      ...(g.chance(0.7)
        ? { reportDate: `20${g.int(15, 26)}-0${g.int(1, 9)}-${g.int(10, 28)}` }
        : {}),
      ...(g.chance(0.5) ? { documentNumber: `怀财绩〔2025〕${g.int(1, 99)}号` } : {}),
      legalBasis: g.chance(0.5) ? ['《中华人民共和国预算法》', `关于${phrase(g)}的通知`] : [],
    },
    funds,
    goals: Array.from({ length: g.int(0, 3) }, () => ({
      expected: narrative(g),
      ...(g.chance(0.7) ? { actual: narrative(g) } : {}),
    })),
    indicators,
    adjustments: Array.from({ length: g.int(0, 2) }, (_, i) => ({
      name: name(g, `调整${i}`),
      kind: g.pick(['bonus', 'penalty'] as const),
      points: points(g, 5),
      ...(g.chance(0.6) ? { reason: phrase(g, 5) } : {}),
    })),
    stated: {
      ...(g.chance(0.7) ? { total: points(g, 100) } : {}),
      ...(g.chance(0.5) ? { grade: g.pick(['优', '良', '中', '差']) } : {}),
    },
    chapters,
  };
}

function projectEvaluation(
  g: Gen,
  unit: MoneyUnit,
  serial: string,
): Extract<EvaluationInput, { kind: 'project' }> {
  return {
    kind: 'project',
    rulebookId: g.pick(['central-project', 'sichuan-project', 'hubei-project']),
    projectName: name(g, `项目${serial}`),
    ...(g.chance(0.5) ? { implementer: name(g, '实施') } : {}),
    ...common(g, unit, 'project', serial),
  };
}

/** One evaluation a user could have entered, department-wide or a project's, from a seed. */
export function enteredEvaluation(seed: number): Evaluation {
  const g = new Gen(seededRandom(seed));
  const unit: MoneyUnit = g.pick(['万元', '万元', '万元', '元']);
  if (g.chance(0.3)) return Evaluation.parse(projectEvaluation(g, unit, String(seed)));
  const basicBudget = g.maybe(0.8, () => amountOf(g, unit));
  const basicActual = g.maybe(0.8, () => amountOf(g, unit));
  const personnel = g.maybe(0.7, () => amountOf(g, unit));
  const publicFunds = g.maybe(0.7, () => amountOf(g, unit));
  const projectActual = g.maybe(0.8, () => amountOf(g, unit));
  const projectBudget = g.maybe(0.8, () => amountOf(g, unit));
  const shared = (a: Amount | undefined) =>
    a
      ? { amount: a, ...(g.chance(0.6) ? { statedShare: rateFor(g, a, basicActual) } : {}) }
      : undefined;
  const body: EvaluationInput = {
    kind: 'department',
    rulebookId: g.pick(['hunan-department', 'huaihua-department', 'guangdong-department']),
    ...common(g, unit, 'department', String(seed)),
    duties: Array.from({ length: g.int(0, 4) }, (_, i) =>
      g.pick([`${i + 1}、${phrase(g)}`, phrase(g, 6), '3.5万平方米办公用房的管理', '1.5倍']),
    ),
    internalUnits: Array.from({ length: g.int(0, 4) }, () => phrase(g, 2)),
    subordinateUnits: Array.from({ length: g.int(0, 2) }, () => ({
      name: name(g, '所'),
      ...(g.chance(0.5) ? { kind: g.pick(['行政', '参公事业', '事业']) } : {}),
    })),
    staffing: {
      ...(g.chance(0.8) ? { authorized: g.int(0, 500) } : {}),
      ...(g.chance(0.8) ? { actual: g.int(0, 500) } : {}),
      ...(g.chance(0.6) ? { retired: g.int(0, 300) } : {}),
      categories: g.chance(0.5)
        ? [
            { name: '行政', count: g.int(0, 90) },
            { name: '事业', count: g.int(0, 90) },
          ]
        : [],
      ...(g.chance(0.5) ? { statedControlRate: rateFor(g, undefined, undefined) } : {}),
    },
    basicExpenditure: {
      ...(basicBudget ? { budget: basicBudget } : {}),
      ...(basicActual ? { actual: basicActual } : {}),
      ...(g.chance(0.5) ? { statedCompletion: rateFor(g, basicActual, basicBudget) } : {}),
      ...(personnel ? { personnel: shared(personnel) } : {}),
      ...(publicFunds ? { publicFunds: shared(publicFunds) } : {}),
    },
    projectExpenditure: {
      ...(projectBudget ? { budget: projectBudget } : {}),
      ...(projectActual ? { actual: projectActual } : {}),
      ...(g.chance(0.5) ? { statedCompletion: rateFor(g, projectActual, projectBudget) } : {}),
      ...(g.chance(0.4) ? { statedCount: g.int(0, 30) } : {}),
      projects: Array.from({ length: g.int(0, 5) }, (_, i) => {
        const actual = g.maybe(0.8, () => amountOf(g, unit));
        return {
          name: name(g, `专项${i}`),
          ...(g.chance(0.5) ? { budget: amountOf(g, unit) } : {}),
          ...(actual ? { actual } : {}),
          ...(actual && g.chance(0.5) ? { statedShare: rateFor(g, actual, projectActual) } : {}),
          ...(g.chance(0.6) ? { purpose: phrase(g, 4) } : {}),
        };
      }),
    },
    ...(g.chance(0.4)
      ? {
          baseData: {
            staffing: {
              ...(g.chance(0.8) ? { authorized: g.int(0, 500) } : {}),
              ...(g.chance(0.8) ? { actual: g.int(0, 500) } : {}),
              ...(g.chance(0.6) ? { statedControlRate: rateFor(g, undefined, undefined) } : {}),
            },
            threePublic: costRow(g, unit),
            publicFunds: costRow(g, unit),
            office: costRow(g, unit),
            projectRows: Array.from({ length: g.int(0, 3) }, (_, i) => ({
              name: name(g, `类${i}`),
              ...costRow(g, unit),
            })),
            ...(g.chance(0.6) ? { savingsMeasures: narrative(g) } : {}),
            buildings: Array.from({ length: g.int(0, 2) }, () => {
              const approvedArea = g.int(0, 500000) / 100;
              const actualArea = g.int(0, 500000) / 100;
              const budgetInvestment = amountOf(g, unit);
              const actualInvestment = amountOf(g, unit);
              return {
                approvedArea,
                actualArea,
                budgetInvestment,
                actualInvestment,
                ...(g.chance(0.5)
                  ? {
                      statedInvestmentControlRate: rateFor(g, actualInvestment, budgetInvestment),
                    }
                  : {}),
              };
            }),
          },
        }
      : {}),
    ...(g.chance(0.5)
      ? {
          governmentFundBudget: g.chance(0.5)
            ? { none: true }
            : {
                none: false,
                budget: amountOf(g, unit),
                actual: amountOf(g, unit),
                ...(g.chance(0.5) ? { text: narrative(g) } : {}),
              },
        }
      : {}),
    ...(g.chance(0.5)
      ? {
          assets: {
            originalValue: amountOf(g, unit),
            ...(g.chance(0.7) ? { netValue: amountOf(g, unit) } : {}),
            ...(g.chance(0.5) ? { added: amountOf(g, unit) } : {}),
            ...(g.chance(0.5) ? { disposed: amountOf(g, unit) } : {}),
            ...(g.chance(0.5) ? { text: narrative(g) } : {}),
          },
        }
      : {}),
    projectEvaluations: Array.from({ length: g.int(0, 2) }, (_, i) =>
      projectEvaluation(g, unit, `${seed}-${i}`),
    ),
  };
  return Evaluation.parse(body);
}
