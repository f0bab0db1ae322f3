import { findingIdentity, findingStatus, indexDecisions } from '@jixiao/domain';
import type { Evaluation, Finding, FindingIdentity, FindingStatus } from '@jixiao/domain';
import type { DecisionView, FindingMark } from '../api.ts';

/** A finding with its identity and where the reviewer's decisions leave it. */
export interface DecidedFinding {
  finding: Finding;
  identity: FindingIdentity;
  status: FindingStatus;
  decision: DecisionView | null;
  /** The reviewer's reason, for a dismissed (or once dismissed) finding. */
  reason: string | null;
  /** Whether the reviewer may set it open again here (a decision made here). */
  canReset: boolean;
}

export interface DecidedFindings {
  /** Open, confirmed and reopened findings: what counts. */
  active: DecidedFinding[];
  /** Dismissed (不是问题): collapsed, out of the counts. */
  dismissed: DecidedFinding[];
  /** Confirmed decisions whose problem the current content no longer has: 已整改. */
  fixed: DecisionView[];
}

/** Resolves the current findings against the decisions (the same rules as the server). */
export function decideFindings(
  findings: readonly Finding[],
  body: Evaluation | null,
  decisions: readonly DecisionView[],
): DecidedFindings {
  const index = indexDecisions(decisions);
  const active: DecidedFinding[] = [];
  const dismissed: DecidedFinding[] = [];
  const present = new Set<string>();
  for (const finding of findings) {
    const identity = findingIdentity(finding, body);
    present.add(identity.subjectKey);
    const { status, decision } = findingStatus(identity, index);
    const canReset = decision !== null && !decision.carried && status !== 'reopened';
    const reason = decision?.reason ?? null;
    (status === 'dismissed' ? dismissed : active).push({
      finding,
      identity,
      status,
      decision,
      reason,
      canReset,
    });
  }
  const fixed = decisions.filter(
    (d) => !d.carried && d.state === 'confirmed' && !present.has(d.subjectKey),
  );
  return { active, dismissed, fixed };
}

/** The same for a batch-audited file, whose findings come marked by the server. */
export function markedFindings(
  findings: readonly Finding[],
  marks: readonly FindingMark[],
): DecidedFindings {
  const active: DecidedFinding[] = [];
  const dismissed: DecidedFinding[] = [];
  findings.forEach((finding, i) => {
    const mark = marks[i];
    const status = mark?.status ?? 'open';
    const d: DecidedFinding = {
      finding,
      identity: { fingerprint: mark?.fingerprint ?? '', subjectKey: '', textFingerprint: null },
      status,
      decision: null,
      reason: mark?.reason ?? null,
      canReset: status === 'confirmed' || status === 'dismissed',
    };
    (status === 'dismissed' ? dismissed : active).push(d);
  });
  return { active, dismissed, fixed: [] };
}
