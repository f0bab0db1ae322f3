import { findingKeys, findingStatus, indexDecisions, textIdentity } from '@jixiao/domain';
import type { DecisionRef, Evaluation, Finding } from '@jixiao/domain';
import { reusableQuery } from '@jixiao/db';
import type { DecisionState, Kysely, Database } from '@jixiao/db';
import type { ServiceContext } from './context.ts';

/** A unit as decisions know it: its region and its name without spaces. */
export function unitKeyOf(regionId: string, unitName: string): string {
  return `${regionId}|${unitName.replace(/[\s\u3000]+/g, '')}`;
}

/** What a save needs of a decision. */
export interface SaveDecision extends DecisionRef {
  id: string;
  fixedVersion: number | null;
}

interface DecisionRow {
  id: string;
  scope: string;
  fingerprint: string;
  subject_key: string;
  text_fingerprint: string | null;
  state: DecisionState;
  fixed_version: number | null;
}

// The evaluation's own decisions and the dismissals of its unit (carried over from its other
// evaluations and batch audits), in one indexed query compiled once per database.
const decisionsQuery = reusableQuery<{ scope: string; unit: string }, DecisionRow>(
  ['scope', 'unit'],
  (db, p) =>
    db
      .selectFrom('finding_decisions')
      .select([
        'id',
        'scope',
        'fingerprint',
        'subject_key',
        'text_fingerprint',
        'state',
        'fixed_version',
      ])
      .where((eb) =>
        eb.or([
          eb('scope', '=', p('scope')),
          eb.and([eb('unit_key', '=', p('unit')), eb('state', '=', 'dismissed')]),
        ]),
      ),
);

/** The decisions that bear on an evaluation (scope = its id) of the unit `unitKey`. */
export async function decisionsFor(
  ctx: ServiceContext,
  db: Kysely<Database>,
  scope: string,
  unitKey: string,
): Promise<SaveDecision[]> {
  const rows = await db.executeQuery(decisionsQuery.bind(ctx.db, { scope, unit: unitKey }));
  return rows.rows.map((r) => ({
    id: r.id,
    fingerprint: r.fingerprint,
    subjectKey: r.subject_key,
    textFingerprint: r.text_fingerprint,
    state: r.state,
    carried: r.scope !== scope,
    fixedVersion: r.fixed_version,
  }));
}

/** What the decisions make of a version's findings. */
export interface DecidedFindings {
  /** The findings that count (dismissed ones left out). */
  counted: Finding[];
  /** Findings per code, dismissed included: how often each check fired. */
  codes: string;
  /** Confirmed decisions whose 已整改 state this version changes: fixed (true) or back (false). */
  changes: { id: string; fixed: boolean }[];
}

/**
 * Applies the decisions to a version's findings. Each finding's keys are computed once, and its
 * text identity only when its own fingerprint has no decision (it may match a carried dismissal
 * of a document); findings of codes nobody decided on are passed over.
 */
export function applyDecisions(
  body: Evaluation,
  findings: readonly Finding[],
  decisions: readonly SaveDecision[],
): DecidedFindings {
  const codes: Record<string, number> = {};
  for (const f of findings) codes[f.code] = (codes[f.code] ?? 0) + 1;
  if (decisions.length === 0)
    return { counted: [...findings], codes: JSON.stringify(codes), changes: [] };
  const decidedCodes = new Set<string>();
  for (const d of decisions) decidedCodes.add(d.subjectKey.slice(0, d.subjectKey.indexOf('|')));
  const index = indexDecisions(decisions);
  const present = new Set<string>();
  const counted: Finding[] = [];
  for (const f of findings) {
    if (!decidedCodes.has(f.code)) {
      counted.push(f);
      continue;
    }
    const keys = findingKeys(f, body);
    present.add(keys.subjectKey);
    const exact = index.byFingerprint.get(keys.fingerprint);
    const status =
      exact !== undefined
        ? exact.state
        : findingStatus(
            {
              ...keys,
              textFingerprint: f.excerpt !== undefined ? textIdentity(f).fingerprint : null,
            },
            index,
          ).status;
    if (status !== 'dismissed') counted.push(f);
  }
  const changes: { id: string; fixed: boolean }[] = [];
  for (const d of decisions) {
    if (d.carried === true || d.state !== 'confirmed') continue;
    const isFixed = !present.has(d.subjectKey);
    if (isFixed !== (d.fixedVersion !== null)) changes.push({ id: d.id, fixed: isFixed });
  }
  return { counted, codes: JSON.stringify(codes), changes };
}

/** Records which confirmed findings a saved version fixed (or brought back). */
export async function writeDecisionChanges(
  trx: Kysely<Database>,
  changes: readonly { id: string; fixed: boolean }[],
  version: number,
  at: string,
): Promise<void> {
  for (const c of changes) {
    await trx
      .updateTable('finding_decisions')
      .set(
        c.fixed
          ? { fixed_version: version, fixed_at: at }
          : { fixed_version: null, fixed_at: null },
      )
      .where('id', '=', c.id)
      .execute();
  }
}
