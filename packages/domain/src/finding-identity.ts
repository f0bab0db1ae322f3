import type { Evaluation } from './evaluation.ts';
import type { Finding } from './finding.ts';

/**
 * A finding's stable identity: its code, what it is about and the figure it states — never its
 * message, line or position in a list, so the same problem in a later version (or in next year's
 * report of the same unit) is recognised as the one decided before.
 */
export interface FindingIdentity {
  /** code | subject | stated figure: a decision applies to exactly this finding. */
  fingerprint: string;
  /** code | subject: the same problem whatever figure it states now. */
  subjectKey: string;
  /**
   * The identity a document audit gives the same finding (from its sentence or row, figures
   * masked), when the finding has one: how decisions made in the editor reach batch audits.
   */
  textFingerprint: string | null;
}

/** The fields an identity is made of (the domain Finding and the audit's wire shape both have them). */
export interface IdentifiableFinding {
  code: string;
  stated?: string | null | undefined;
  excerpt?: string | null | undefined;
  message: string;
}

const FIGURE = /[-+]?\d[\d,，]*(?:\.\d+)?/g;
const NOISE = /[\s\u3000，。、；：,.;:！？!?“”"'‘’（）()【】[\]…—-]+/g;

/** Text with its figures replaced by # and spacing and punctuation dropped, at most 60 characters. */
export function maskFigures(text: string): string {
  return text.replace(FIGURE, '#').replace(NOISE, '').slice(0, 60);
}

/** A stated figure as compared: spaces and thousands separators do not make it another figure. */
export function normaliseStated(stated: string | null | undefined): string {
  if (stated === null || stated === undefined) return '';
  return STATED_NOISE.test(stated) ? stated.replace(STATED_NOISE_ALL, '') : stated;
}

const STATED_NOISE = /[\s,，\u3000]/;
const STATED_NOISE_ALL = /[\s,，\u3000]/g;

function nameOf(item: unknown): string | null {
  if (typeof item === 'string') return maskFigures(item);
  if (typeof item !== 'object' || item === null) return null;
  const record = item as Record<string, unknown>;
  for (const key of ['name', 'projectName', 'key', 'title', 'expected']) {
    const value = record[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}

/**
 * The subject of a path in an evaluation: every list position replaced by the name of the item
 * it reaches ("indicators[产出指标][数量指标][培训人次].score"), so reordering, inserting or
 * deleting other rows leaves it unchanged. A position whose item has no name stays a position.
 */
export function subjectOfPath(path: string, evaluation: Evaluation | null): string {
  // One pass over the path's characters (it runs for every finding of every decided save).
  let node: unknown = evaluation;
  let out = '';
  let i = 0;
  while (i < path.length) {
    const c = path.charCodeAt(i);
    if (c === 46 /* . */) {
      i += 1;
      continue;
    }
    if (c === 91 /* [ */) {
      const close = path.indexOf(']', i);
      const end = close < 0 ? path.length : close;
      const index = path.slice(i + 1, end);
      const item: unknown = Array.isArray(node) ? (node as unknown[])[Number(index)] : undefined;
      out += `[${nameOf(item) ?? index}]`;
      node = item;
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < path.length && path.charCodeAt(end) !== 46 && path.charCodeAt(end) !== 91)
      end += 1;
    const key = path.slice(i, end);
    out += out === '' ? key : `.${key}`;
    node =
      typeof node === 'object' && node !== null && !Array.isArray(node)
        ? (node as Record<string, unknown>)[key]
        : undefined;
    i = end;
  }
  return out;
}

/** The identity of an audit's finding: its sentence or row (figures masked), else its message. */
export function textIdentity(f: IdentifiableFinding): { fingerprint: string; subjectKey: string } {
  const subject = maskFigures(f.excerpt ?? f.message);
  const subjectKey = `${f.code}|${subject}`;
  return { subjectKey, fingerprint: `${subjectKey}|${normaliseStated(f.stated)}` };
}

/** A finding's fingerprint and subject key, without the text identity (see findingIdentity). */
export function findingKeys(
  f: Finding,
  evaluation: Evaluation | null,
): { fingerprint: string; subjectKey: string } {
  const located = f.path !== '' && f.path !== 'chapters' && !f.path.startsWith('line:');
  if (!located) return textIdentity(f);
  const subjectKey = `${f.code}|${subjectOfPath(f.path, evaluation)}`;
  return { subjectKey, fingerprint: `${subjectKey}|${normaliseStated(f.stated)}` };
}

/**
 * The identity of a finding of an evaluation: the path with names for positions where the path
 * names a place in the model, the sentence or row (figures masked) where it names a document
 * line or nothing.
 */
export function findingIdentity(f: Finding, evaluation: Evaluation | null): FindingIdentity {
  const keys = findingKeys(f, evaluation);
  return {
    ...keys,
    textFingerprint: f.excerpt !== undefined ? textIdentity(f).fingerprint : null,
  };
}
