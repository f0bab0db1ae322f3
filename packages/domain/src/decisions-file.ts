import { z } from 'zod';
import { textIdentity } from './finding-identity.ts';
import type { IdentifiableFinding } from './finding-identity.ts';

/** A decisions file as the platform exports it (GET /api/decisions/export). */
export const DecisionsFile = z.object({
  format: z.literal('jixiao-decisions', { error: '不是 jixiao 导出的认定记录文件' }),
  version: z.literal(1, { error: '认定记录文件的版本不受支持' }),
  decisions: z.array(
    z.object({
      unit: z.string().min(1),
      code: z.string().min(1),
      fingerprint: z.string().min(1),
      textFingerprint: z.string().nullable().optional(),
      state: z.enum(['confirmed', 'dismissed']),
      reason: z.string().nullable().optional(),
      message: z.string().optional(),
    }),
  ),
});
export type DecisionsFile = z.infer<typeof DecisionsFile>;

/** A unit's name as decisions compare it: spaces do not count. */
export function unitNameKey(name: string): string {
  return name.replace(/[\s\u3000]+/g, '');
}

/** The unit an audited file is about: the department it names, else its file name. */
export function auditUnitName(file: string, department: string | null | undefined): string {
  if (department !== null && department !== undefined && department !== '') return department;
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]+$/, '');
}

/**
 * Leaves out of an audit's findings those the bureau dismissed for the same unit (by the
 * finding's text identity); returns the findings kept and how many were left out.
 */
export function withoutDismissed<F extends IdentifiableFinding>(
  file: string,
  department: string | null | undefined,
  findings: readonly F[],
  decisions: DecisionsFile['decisions'],
): { kept: F[]; dismissed: number } {
  const unit = unitNameKey(auditUnitName(file, department));
  const dismissed = new Set<string>();
  for (const d of decisions) {
    if (d.state !== 'dismissed' || unitNameKey(d.unit) !== unit) continue;
    dismissed.add(d.fingerprint);
    if (d.textFingerprint) dismissed.add(d.textFingerprint);
  }
  if (dismissed.size === 0) return { kept: [...findings], dismissed: 0 };
  const kept = findings.filter((f) => !dismissed.has(textIdentity(f).fingerprint));
  return { kept, dismissed: findings.length - kept.length };
}
