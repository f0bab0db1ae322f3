import {
  DepartmentEvaluation,
  Evaluation as EvaluationSchema,
  fen as toFen,
  formatFen,
  sumPoints,
} from '@jixiao/domain';
import type { Evaluation, IndicatorNode } from '@jixiao/domain';
import type { Database, Kysely, Transaction, UserRole } from '@jixiao/db';
import type { ServiceContext } from './context.ts';
import type { Actor } from './actor.ts';
import { ServiceError } from './errors.ts';
import { createDepartment, createRegion, createUser } from './directory.ts';
import { loadActor } from './auth.ts';
import { createEvaluation } from './evaluations.ts';
import { transition } from './workflow.ts';
import type { TransitionAction } from './workflow.ts';
import { createRound } from './rounds.ts';
import { getRulebook } from './rulebook-catalog.ts';
import { seedYearChain } from './demo-year.ts';
import type { ChainUnit } from './demo-year.ts';
import { UNIT_PROFILES, executeAt, unitBody } from './demo-units.ts';

export const DEFAULT_DEMO_PASSWORD = 'jixiao-demo';

export interface DemoAccount {
  username: string;
  role: UserRole;
  departmentName: string | null;
}

/** The status path each generated evaluation walks, chosen so every status appears. */
const PATHS: Record<string, TransitionAction[]> = {
  draft: [],
  submitted: ['submit'],
  returned: ['submit', 'return'],
  approved: ['submit', 'approve'],
  published: ['submit', 'approve', 'publish'],
};

/** A small deterministic generator, so the demo looks the same on every start. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function scaleAmounts(value: unknown, factor: number): unknown {
  if (Array.isArray(value)) return value.map((v) => scaleAmounts(v, factor));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (typeof record['fen'] === 'number' && typeof record['unit'] === 'string') {
    const fen = Math.round(record['fen'] * factor);
    const unit = record['unit'];
    return {
      fen,
      unit,
      text:
        unit === '万元' || unit === '元' || unit === '亿元'
          ? formatFen(toFen(fen), unit)
          : String(fen),
    };
  }
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, scaleAmounts(v, factor)]));
}

/** Some leaves fall short of their target (a quantity below a ≥ target, above a ≤ one). */
function adjustScores(
  nodes: IndicatorNode[],
  next: () => number,
  shortfall: number,
): IndicatorNode[] {
  return nodes.map((node) => {
    if (node.children !== undefined && node.children.length > 0) {
      const children = adjustScores(node.children, next, shortfall);
      const score = sumPoints(children.map((c) => c.score ?? 0));
      return { ...node, children, score, deduction: sumPoints([node.weight ?? score, -score]) };
    }
    const { target, actual, weight } = node;
    if (
      weight === undefined ||
      target?.kind !== 'quantity' ||
      actual?.kind !== 'quantity' ||
      next() > shortfall ||
      // The cost ceiling is the budget: its actual is the year's spending (executeAt), which
      // the fund block states; a shortfall there would contradict it.
      (target.comparator === '<=' && target.unit === '万元')
    )
      return node;
    const share = 0.45 + next() * 0.5;
    const value = target.comparator === '<=' ? target.value / share : target.value * share;
    // Counts stay whole (10 schools, not 10.79); rates and amounts keep two decimals.
    const whole = target.unit !== '%' && Number.isInteger(target.value);
    const rounded = whole ? Math.floor(value) : Math.round(value * 100) / 100;
    const score = Math.round(weight * share * 10) / 10;
    return {
      ...node,
      actual: { ...actual, value: rounded, text: `${rounded}${actual.unit ?? ''}` },
      score,
      deduction: sumPoints([weight, -score]),
      deviationReason: '受年中任务调整影响，部分工作未达预期，将加强计划管理。',
    };
  });
}

/** A varied copy of a template: another unit, year, budget scale, execution rate and scores. */
function generateBody(
  template: DepartmentEvaluation,
  unitName: string,
  year: number,
  next: () => number,
): Evaluation {
  const factor = 0.2 + next() * 4;
  const scaled = DepartmentEvaluation.parse(scaleAmounts(template, factor));
  const executed = executeAt(scaled, 0.72 + next() * 0.28);
  // The execution indicator keeps the score executeAt gave it; the others may fall short.
  const [execution, ...rest] = executed.indicators;
  const indicators = [
    ...(execution ? [execution] : []),
    ...adjustScores(rest, next, 0.15 + next() * 0.6),
  ];
  const statedTotal = sumPoints(indicators.map((n) => n.score ?? 0));
  const json = {
    ...executed,
    indicators,
    meta: {
      ...executed.meta,
      unitName,
      year,
      title: `${year}年度${unitName}部门整体支出绩效自评报告`,
    },
    stated: {
      total: statedTotal,
      grade: statedTotal >= 90 ? '优' : statedTotal >= 80 ? '良' : statedTotal >= 60 ? '中' : '差',
    },
  };
  return EvaluationSchema.parse(json);
}

/**
 * Fills an EMPTY database with the demo region: its finance bureau, the corpus units (their reports
 * as real evaluations), generated departments over three years in every status, and accounts
 * admin, reviewer, filer-<code> and head-<code>, all with one password.
 */
export async function seedDemo(
  ctx: ServiceContext,
  input: { password: string; corpus: readonly unknown[]; template: unknown },
): Promise<DemoAccount[]> {
  // One transaction: a seed that fails (or loses the race to another process seeding the same
  // database) leaves nothing behind, and the winner's demo is whole.
  return ctx.db.transaction().execute(async (trx) => {
    const inner: ServiceContext = { ...ctx, db: reentrant(trx) };
    const existing = await trx.selectFrom('users').select('id').limit(1).execute();
    if (existing.length > 0)
      throw new ServiceError('ALREADY_EXISTS', '数据库中已有账号，演示数据只能写入空数据库');
    return seedInto(inner, input);
  });
}

/**
 * The transaction as a database whose `transaction()` runs its callback in that same transaction,
 * so that services called by the seed (which open their own) join it.
 */
function reentrant(trx: Transaction<Database>): Kysely<Database> {
  const join = { execute: <T>(fn: (t: Transaction<Database>) => Promise<T>) => fn(trx) };
  return new Proxy(trx, {
    get(target, key) {
      if (key === 'transaction') return () => join;
      // Kysely keeps its state in private fields: its methods must run on the transaction itself.
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

async function seedInto(
  ctx: ServiceContext,
  input: { password: string; corpus: readonly unknown[]; template: unknown },
): Promise<DemoAccount[]> {
  const next = random(20240601);
  const region = await createRegion(ctx, { name: '示范市', financeBureau: '示范市财政局' });
  const accounts: DemoAccount[] = [];
  const admin = await createUser(ctx, null, {
    username: 'admin',
    password: input.password,
    enforcePolicy: false,
    role: 'admin',
    displayName: '系统管理员',
    regionId: region.id,
  });
  const reviewer = await createUser(ctx, null, {
    username: 'reviewer',
    password: input.password,
    enforcePolicy: false,
    role: 'reviewer',
    displayName: '示范市财政局审核人',
    regionId: region.id,
  });
  accounts.push(
    { username: 'admin', role: 'admin', departmentName: null },
    { username: 'reviewer', role: 'reviewer', departmentName: null },
  );
  const adminActor = await actorOf(ctx, admin.id);
  const reviewerActor = await actorOf(ctx, reviewer.id);

  const corpus = input.corpus.map((c) => EvaluationSchema.parse(c));
  const template = DepartmentEvaluation.parse(input.template);
  const units: { code: string; name: string; bodies: Evaluation[] }[] = corpus.map((body, i) => ({
    code: `C${String(i + 1).padStart(2, '0')}`,
    name: body.meta.unitName,
    bodies: [body],
  }));
  const years = [2022, 2023, 2024];
  // Each bureau its own duties, projects, indicators and words (demo-units.ts); amounts, rates
  // and shortfalls varied by the generator.
  UNIT_PROFILES.forEach((profile, i) => {
    units.push({
      code: `D${String(i + 1).padStart(2, '0')}`,
      name: profile.name,
      bodies: years.map((y) => generateBody(unitBody(template, profile, y), profile.name, y, next)),
    });
  });

  for (const year of years) {
    await createRound(ctx, reviewerActor, {
      year,
      kind: 'department',
      rulebookId: template.rulebookId,
      deadline: `${year + 1}-06-30`,
    });
  }
  const statuses = ['published', 'approved', 'submitted', 'returned', 'draft'];
  let n = 0;
  const chain: ChainUnit[] = [];
  for (const unit of units) {
    const dept = await createDepartment(ctx, null, {
      code: unit.code,
      name: unit.name,
      regionId: region.id,
    });
    const [filer, head] = await Promise.all([
      createUser(ctx, null, {
        username: `filer-${unit.code.toLowerCase()}`,
        password: input.password,
        enforcePolicy: false,
        role: 'filer',
        displayName: `${unit.name}填报人`,
        departmentId: dept.id,
      }),
      createUser(ctx, null, {
        username: `head-${unit.code.toLowerCase()}`,
        password: input.password,
        enforcePolicy: false,
        role: 'head',
        displayName: `${unit.name}负责人`,
        departmentId: dept.id,
      }),
    ]);
    accounts.push(
      { username: filer.username, role: 'filer', departmentName: unit.name },
      { username: head.username, role: 'head', departmentName: unit.name },
    );
    const filerActor = await actorOf(ctx, filer.id);
    const headActor = await actorOf(ctx, head.id);
    const lastYear = unit.bodies.find((b) => b.meta.year === 2024);
    if (unit.code.startsWith('D') && chain.length < 6 && lastYear !== undefined)
      chain.push({
        departmentId: dept.id,
        name: unit.name,
        filer: filerActor,
        head: headActor,
        lastYear,
      });
    for (const body of unit.bodies) {
      await getRulebook(ctx, body.rulebookId);
      const record = await createEvaluation(ctx, filerActor, {
        departmentId: dept.id,
        year: body.meta.year,
        kind: body.kind,
        rulebookId: body.rulebookId,
        body,
      });
      const latest = body.meta.year === 2024;
      const status = latest ? (statuses[n % statuses.length] ?? 'draft') : 'published';
      n += 1;
      for (const action of PATHS[status] ?? []) {
        const actor = action === 'submit' ? headActor : reviewerActor;
        const comment =
          action === 'return'
            ? '执行率低于90%未说明原因，请补充偏差原因后重新提交。'
            : action === 'publish'
              ? '经复核，同意公开。'
              : undefined;
        await transition(ctx, actor, record.id, { action, comment });
      }
    }
  }
  // The whole of 2025 for six bureaus: targets, monitoring, year-end self-evaluations.
  await seedYearChain(ctx, reviewerActor, chain);
  void adminActor;
  return accounts;
}

async function actorOf(ctx: ServiceContext, id: string): Promise<Actor> {
  const actor = await loadActor(ctx, id);
  if (actor === null) throw new Error(`demo user ${id} vanished`);
  return actor;
}
