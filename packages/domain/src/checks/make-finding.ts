import type { SourceRef } from '../evaluation.ts';
import type { Finding, ParamValue, Severity } from '../finding.ts';
import { messageFor } from '../messages-zh.ts';
import type { FindingCode } from '../messages-zh.ts';
import { CATEGORY_OF_CODE } from './codes.ts';

export interface FindingInput {
  code: FindingCode;
  severity: Severity;
  path: string;
  /** The figure as the document wrote it. */
  stated?: string | undefined;
  /** The figure it should be, formatted like `stated`. */
  expected?: string | undefined;
  params?: Readonly<Record<string, ParamValue | undefined>>;
  source?: SourceRef | undefined;
  /** When the finding is about a text rather than a node with a source. */
  excerpt?: string | undefined;
  line?: number | undefined;
}

/**
 * Builds a finding: the category follows from the code, the message from messages-zh.ts with
 * `stated` and `expected` available to it as params.
 */
export function makeFinding(input: FindingInput): Finding {
  const params: Record<string, ParamValue> = {};
  const given = input.params;
  // for…in visits own keys in the order Object.entries would, without building the pairs.
  if (given !== undefined)
    for (const k in given) {
      const v = given[k];
      if (v !== undefined) params[k] = v;
    }
  // A check may give the message a figure without its unit (params.stated) while `stated`
  // keeps the text as written ("3,385.52万元").
  if (input.stated !== undefined && params['stated'] === undefined) params['stated'] = input.stated;
  if (input.expected !== undefined && params['expected'] === undefined)
    params['expected'] = input.expected;
  const line = input.line ?? input.source?.line;
  if (line !== undefined && params['where'] === undefined) params['where'] = `第${line}行`;
  const finding: Finding = {
    code: input.code,
    category: CATEGORY_OF_CODE[input.code],
    severity: input.severity,
    message: messageFor(input.code, params),
    path: input.path,
    params,
  };
  if (input.stated !== undefined) finding.stated = input.stated;
  if (input.expected !== undefined) finding.expected = input.expected;
  const excerpt = input.excerpt ?? input.source?.excerpt;
  if (excerpt !== undefined) finding.excerpt = excerpt;
  if (line !== undefined) finding.line = line;
  return finding;
}

/** Prefixes the paths of findings made on a nested evaluation ("projectEvaluations[0]."). */
export function prefixFindings(findings: readonly Finding[], prefix: string): Finding[] {
  return findings.map((f) => ({ ...f, path: f.path === '' ? prefix : `${prefix}.${f.path}` }));
}
