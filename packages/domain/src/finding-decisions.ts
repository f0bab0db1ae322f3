import type { FindingIdentity } from './finding-identity.ts';

/** 确认 (a problem to fix) or 不是问题 (dismissed, with its reason); no decision is "open". */
export type DecisionState = 'confirmed' | 'dismissed';

/** What resolving needs of a decision. */
export interface DecisionRef {
  fingerprint: string;
  subjectKey: string;
  textFingerprint?: string | null | undefined;
  state: DecisionState;
  /** Made on another evaluation or batch audit of the same unit: only its dismissal carries over. */
  carried?: boolean | undefined;
}

/**
 * Where a finding stands: open (no decision), confirmed (to be fixed), dismissed (collapsed, out
 * of counts), or reopened — dismissed once, but its stated figure has changed since.
 */
export type FindingStatus = 'open' | 'confirmed' | 'dismissed' | 'reopened';

export interface DecisionIndex<D extends DecisionRef> {
  byFingerprint: Map<string, D>;
  dismissedByText: Map<string, D>;
  bySubject: Map<string, D>;
}

/** Indexes decisions for resolving many findings: own decisions win over carried ones. */
export function indexDecisions<D extends DecisionRef>(decisions: readonly D[]): DecisionIndex<D> {
  const byFingerprint = new Map<string, D>();
  const dismissedByText = new Map<string, D>();
  const bySubject = new Map<string, D>();
  // Carried first, so an own decision on the same identity replaces it.
  const ordered = [...decisions].sort(
    (a, b) => Number(b.carried ?? false) - Number(a.carried ?? false),
  );
  for (const d of ordered) {
    if (d.carried === true && d.state !== 'dismissed') continue;
    byFingerprint.set(d.fingerprint, d);
    if (d.state === 'dismissed') {
      dismissedByText.set(d.fingerprint, d);
      if (d.textFingerprint) dismissedByText.set(d.textFingerprint, d);
    }
    if (d.carried !== true) bySubject.set(d.subjectKey, d);
  }
  return { byFingerprint, dismissedByText, bySubject };
}

/** The status of one finding and the decision that gives it. */
export function findingStatus<D extends DecisionRef>(
  identity: FindingIdentity,
  index: DecisionIndex<D>,
): { status: FindingStatus; decision: D | null } {
  const exact = index.byFingerprint.get(identity.fingerprint);
  if (exact !== undefined) return { status: exact.state, decision: exact };
  const text =
    index.dismissedByText.get(identity.fingerprint) ??
    (identity.textFingerprint !== null
      ? index.dismissedByText.get(identity.textFingerprint)
      : undefined);
  if (text !== undefined) return { status: 'dismissed', decision: text };
  const subject = index.bySubject.get(identity.subjectKey);
  if (subject === undefined) return { status: 'open', decision: null };
  // The same problem with another figure: still to be fixed, or no longer dismissed.
  return subject.state === 'confirmed'
    ? { status: 'confirmed', decision: subject }
    : { status: 'reopened', decision: subject };
}

/** Confirmed decisions of the evaluation whose problem no current finding has any more: 已整改. */
export function fixedDecisions<D extends DecisionRef>(
  identities: readonly FindingIdentity[],
  decisions: readonly D[],
): D[] {
  const present = new Set(identities.map((i) => i.subjectKey));
  return decisions.filter(
    (d) => d.carried !== true && d.state === 'confirmed' && !present.has(d.subjectKey),
  );
}
