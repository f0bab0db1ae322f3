import { checkName } from '@jixiao/domain';
import type { ServiceContext } from './context.ts';
import type { Actor } from './actor.ts';
import { requireRole } from './directory.ts';

/** How a check fares with reviewers: how often it fired and how they judged it. */
export interface CheckStats {
  code: string;
  /** The check's Chinese name (pages show this, not the code). */
  name: string;
  /** Findings of this check in the current versions of all evaluations. */
  fired: number;
  confirmed: number;
  dismissed: number;
  /** The reasons given for dismissing it, most frequent first (at most five). */
  reasons: { reason: string; count: number }[];
  /** Dismissed more often than confirmed: a check that deserves less trust. */
  noisy: boolean;
}

/**
 * Per check: how often it fired (the finding counts every save stores per evaluation), how often
 * reviewers confirmed or dismissed it (evaluations and batch audits alike) and their reasons.
 */
export async function checkStats(ctx: ServiceContext, actor: Actor): Promise<CheckStats[]> {
  requireRole(actor, ['admin']);
  const fired = new Map<string, number>();
  const codes = await ctx.db.selectFrom('evaluations').select('finding_codes').execute();
  for (const row of codes) {
    const counts = JSON.parse(row.finding_codes) as Record<string, number>;
    for (const [code, n] of Object.entries(counts)) fired.set(code, (fired.get(code) ?? 0) + n);
  }
  const decided = await ctx.db
    .selectFrom('finding_decisions')
    .select(['code', 'state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['code', 'state'])
    .execute();
  const reasons = await ctx.db
    .selectFrom('finding_decisions')
    .select(['code', 'reason', (eb) => eb.fn.countAll<number>().as('n')])
    .where('state', '=', 'dismissed')
    .groupBy(['code', 'reason'])
    .execute();
  const all = new Set([...fired.keys(), ...decided.map((d) => d.code)]);
  return [...all]
    .map((code) => {
      const count = (state: string) =>
        Number(decided.find((d) => d.code === code && d.state === state)?.n ?? 0);
      const confirmed = count('confirmed');
      const dismissed = count('dismissed');
      return {
        code,
        name: checkName(code),
        fired: fired.get(code) ?? 0,
        confirmed,
        dismissed,
        reasons: reasons
          .filter((r) => r.code === code && r.reason !== null)
          .map((r) => ({ reason: r.reason ?? '', count: Number(r.n) }))
          .sort((a, b) => b.count - a.count)
          .slice(0, 5),
        noisy: dismissed > confirmed,
      };
    })
    .sort(
      (a, b) => Number(b.noisy) - Number(a.noisy) || b.dismissed - a.dismissed || b.fired - a.fired,
    );
}
