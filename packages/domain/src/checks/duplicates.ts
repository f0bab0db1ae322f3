import type { Evaluation, IndicatorNode } from '../evaluation.ts';
import type { Finding } from '../finding.ts';
import { makeFinding } from './make-finding.ts';
import { isLeaf, walkIndicators } from './walk.ts';

/** Names compare without spaces, punctuation and a trailing 指标/率 wording difference. */
function normalizeName(name: string): string {
  return name.replace(/[\s\u3000、，,。．.：:“”"'（）()]/g, '').replace(/指标$/, '');
}

function groupName(ancestors: readonly IndicatorNode[]): string {
  return ancestors.map((a) => a.name).join(' / ') || '顶层';
}

/** duplicate: the same leaf indicator twice (服务经济社会发展 under 经济 and 社会 效益). */
export function checkDuplicates(evaluation: Evaluation): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, { path: string; group: string }>();
  for (const { node, path, ancestors } of walkIndicators(evaluation.indicators)) {
    if (!isLeaf(node)) continue;
    const key = normalizeName(node.name);
    if (key === '') continue;
    const group = groupName(ancestors);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, { path, group });
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
          firstGroup: first.group,
          secondGroup: group,
          firstPath: first.path,
        },
      }),
    );
  }
  return out;
}
