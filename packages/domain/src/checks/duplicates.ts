import type { Evaluation, IndicatorNode } from '../evaluation.ts';
import type { Finding } from '../finding.ts';
import { makeFinding } from './make-finding.ts';
import { isLeaf, walkIndicators } from './walk.ts';

/** Names compare without spaces, punctuation and a trailing 指标/率 wording difference. */
const NAME_PUNCTUATION = /[\s\u3000、，,。．.：:“”"'（）()]/g;

function normalizeName(name: string): string {
  const bare = name.replace(NAME_PUNCTUATION, '');
  return bare.endsWith('指标') ? bare.slice(0, -2) : bare;
}

function groupName(ancestors: readonly IndicatorNode[]): string {
  return ancestors.map((a) => a.name).join(' / ') || '顶层';
}

/** duplicate: the same leaf indicator twice (服务经济社会发展 under 经济 and 社会 效益). */
export function checkDuplicates(evaluation: Evaluation): Finding[] {
  const out: Finding[] = [];
  // The group names are written only when a duplicate turns up.
  const seen = new Map<string, { path: string; ancestors: readonly IndicatorNode[] }>();
  for (const { node, path, ancestors } of walkIndicators(evaluation.indicators)) {
    if (!isLeaf(node)) continue;
    const key = normalizeName(node.name);
    if (key === '') continue;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, { path, ancestors });
      continue;
    }
    out.push(
      makeFinding({
        code: 'DUPLICATE_INDICATOR',
        severity: 'warning',
        path: `${path}.name`,
        stated: node.name,
        source: node.source,
        params: {
          name: node.name,
          firstGroup: groupName(first.ancestors),
          secondGroup: groupName(ancestors),
          firstPath: first.path,
        },
      }),
    );
  }
  return out;
}
