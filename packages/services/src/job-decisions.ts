import { auditUnitName, findingStatus, indexDecisions, textIdentity } from '@jixiao/domain';
import type { Finding, FindingStatus } from '@jixiao/domain';
import type { DecisionState } from '@jixiao/db';
import type { ServiceContext } from './context.ts';
import { nowIso } from './context.ts';
import type { Actor } from './actor.ts';
import { ServiceError, forbidden, notFound } from './errors.ts';
import { recordAudit } from './audit-log.ts';
import { unitKeyOf } from './decision-save.ts';
import type { FileAudit } from './document-bridge.ts';

/** A batch-audited finding's identity and where the bureau's decisions leave it. */
export interface FindingMark {
  fingerprint: string;
  status: FindingStatus;
  reason: string | null;
}

/** The unit a batch-audited file is about: the department it names, else its file name. */
export function fileUnit(name: string, summary: FileAudit['summary'] | null): string {
  return auditUnitName(name, summary?.department);
}

/**
 * Marks the findings of batch-audited files with the decisions of the actor's region: a unit's
 * dismissals (made on a batch audit or on one of its evaluations) carry over to its documents.
 */
export async function markFindings(
  ctx: ServiceContext,
  actor: Actor,
  files: readonly { name: string; summary: FileAudit['summary'] | null; findings: Finding[] }[],
): Promise<FindingMark[][]> {
  const region = actor.regionId;
  const units = [
    ...new Set(files.map((f) => unitKeyOf(region ?? '', fileUnit(f.name, f.summary)))),
  ];
  const rows =
    region === null || units.length === 0
      ? []
      : await ctx.db
          .selectFrom('finding_decisions')
          .select([
            'unit_key',
            'scope',
            'fingerprint',
            'subject_key',
            'text_fingerprint',
            'state',
            'reason',
          ])
          .where('unit_key', 'in', units)
          .where((eb) => eb.or([eb('state', '=', 'dismissed'), eb('scope', 'like', 'unit:%')]))
          .execute();
  return files.map((file) => {
    const unit = unitKeyOf(region ?? '', fileUnit(file.name, file.summary));
    const own = `unit:${unit}`;
    const index = indexDecisions(
      rows
        .filter((r) => r.unit_key === unit)
        .map((r) => ({
          fingerprint: r.fingerprint,
          subjectKey: r.subject_key,
          textFingerprint: r.text_fingerprint,
          state: r.state,
          reason: r.reason,
          carried: r.scope !== own,
        })),
    );
    return file.findings.map((f) => {
      const identity = { ...textIdentity(f), textFingerprint: null };
      const { status, decision } = findingStatus(identity, index);
      return { fingerprint: identity.fingerprint, status, reason: decision?.reason ?? null };
    });
  });
}

/** A reviewer decides on a finding of a batch-audited file: kept for the unit it is about. */
export async function decideJobFinding(
  ctx: ServiceContext,
  actor: Actor,
  file: { name: string; summary: FileAudit['summary'] | null; findings: Finding[] },
  input: { fingerprint: string; state: DecisionState | 'open'; reason?: string | undefined },
): Promise<void> {
  if (actor.role !== 'reviewer' || actor.regionId === null)
    throw forbidden('只有审核人可以认定审查发现');
  const reason = (input.reason ?? '').trim();
  if (input.state === 'dismissed' && reason === '')
    throw new ServiceError('VALIDATION_FAILED', '标记为“不是问题”须填写理由');
  const unit = unitKeyOf(actor.regionId, fileUnit(file.name, file.summary));
  const scope = `unit:${unit}`;
  const now = nowIso(ctx);
  if (input.state === 'open') {
    await ctx.db
      .deleteFrom('finding_decisions')
      .where('scope', '=', scope)
      .where('fingerprint', '=', input.fingerprint)
      .execute();
  } else {
    const f = file.findings.find((x) => textIdentity(x).fingerprint === input.fingerprint);
    if (f === undefined) throw notFound('该审查发现');
    const identity = textIdentity(f);
    const decided = {
      state: input.state,
      reason: reason === '' ? null : reason,
      decided_by: actor.username,
      decided_at: now,
    };
    await ctx.db
      .insertInto('finding_decisions')
      .values({
        id: ctx.newId(),
        scope,
        unit_key: unit,
        region_id: actor.regionId,
        department_id: null,
        evaluation_id: null,
        fingerprint: identity.fingerprint,
        subject_key: identity.subjectKey,
        text_fingerprint: identity.fingerprint,
        code: f.code,
        category: f.category,
        severity: f.severity,
        message: f.message,
        path: f.path,
        stated: f.stated ?? null,
        expected: f.expected ?? null,
        excerpt: f.excerpt ?? null,
        correction: f.expected !== undefined ? `应为${f.expected}` : null,
        deadline: null,
        decided_version: null,
        ...decided,
      })
      .onConflict((oc) => oc.columns(['scope', 'fingerprint']).doUpdateSet(decided))
      .execute();
  }
  await recordAudit(ctx, {
    action: 'finding-decided',
    actor: actor.username,
    target: scope,
    details: {
      fingerprint: input.fingerprint,
      state: input.state,
      file: file.name,
      ...(reason !== '' ? { reason } : {}),
    },
  });
}

/** One decision as a decisions file carries it, for `jixiao audit --decisions`. */
export interface ExportedDecision {
  unit: string;
  code: string;
  fingerprint: string;
  textFingerprint: string | null;
  state: DecisionState;
  reason: string | null;
  message: string;
}

/** The decisions of the reviewer's region (all regions for an administrator), as a file. */
export async function exportDecisions(
  ctx: ServiceContext,
  actor: Actor,
): Promise<{ format: 'jixiao-decisions'; version: 1; decisions: ExportedDecision[] }> {
  if (actor.role !== 'reviewer' && actor.role !== 'admin')
    throw forbidden('只有审核人或管理员可以导出认定记录');
  let q = ctx.db
    .selectFrom('finding_decisions')
    .select(['unit_key', 'code', 'fingerprint', 'text_fingerprint', 'state', 'reason', 'message'])
    .orderBy('unit_key')
    .orderBy('decided_at');
  if (actor.role === 'reviewer') q = q.where('region_id', '=', actor.regionId ?? '');
  const rows = await q.execute();
  return {
    format: 'jixiao-decisions',
    version: 1,
    decisions: rows.map((r) => ({
      unit: r.unit_key.slice(r.unit_key.indexOf('|') + 1),
      code: r.code,
      fingerprint: r.fingerprint,
      textFingerprint: r.text_fingerprint,
      state: r.state,
      reason: r.reason,
      message: r.message,
    })),
  };
}
