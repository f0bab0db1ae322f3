import { describe, expect, it } from 'vitest';
import { checkEvaluation } from './checks/check-evaluation.ts';
import { scoreEvaluation } from './scoring/index.ts';
import { clean, hunan } from './checks/test-support.ts';
import type { DepartmentEvaluation } from './evaluation.ts';
import { findingIdentity, maskFigures, subjectOfPath, textIdentity } from './finding-identity.ts';

const findingsOf = (e: DepartmentEvaluation) =>
  checkEvaluation(e, hunan, scoreEvaluation(e, hunan)).map((f) => ({
    f,
    id: findingIdentity(f, e),
  }));

/** The clean fixture with a stated 执行率 that disagrees with its amounts. */
function withWrongRate(text = '95%', value = 95): DepartmentEvaluation {
  const e = clean();
  const total = e.funds.total;
  if (total === undefined) throw new Error('fixture has no total');
  total.statedRate = { value, decimals: 0, text };
  return e;
}

describe('a finding’s identity', () => {
  it('names list positions by the items they reach', () => {
    const e = clean();
    expect(subjectOfPath('indicators[1].children[0].weight', e)).toBe(
      'indicators[产出指标].children[数量指标].weight',
    );
    // A position past the end stays a position.
    expect(subjectOfPath('indicators[9].score', e)).toBe('indicators[9].score');
  });

  it('stays the same when unrelated fields change and rows are inserted before it', () => {
    const before = findingsOf(withWrongRate());
    const e = withWrongRate();
    e.meta.head = '另一位负责人';
    e.indicators.unshift({ name: '新增一级指标', weight: 0, score: 0 });
    const after = findingsOf(e);
    const rate = before.find((x) => x.f.code === 'RATIO_COMPLETION');
    expect(rate).toBeDefined();
    expect(after.map((x) => x.id.fingerprint)).toContain(rate?.id.fingerprint);
  });

  it('changes with the stated figure but keeps its subject', () => {
    const a = findingsOf(withWrongRate('95%', 95)).find((x) => x.f.code === 'RATIO_COMPLETION');
    const b = findingsOf(withWrongRate('90%', 90)).find((x) => x.f.code === 'RATIO_COMPLETION');
    expect(a?.id.fingerprint).not.toBe(b?.id.fingerprint);
    expect(a?.id.subjectKey).toBe(b?.id.subjectKey);
  });

  it('ignores the message, the line and the spacing of a document’s figures', () => {
    const one = textIdentity({
      code: 'DOC_X',
      message: '第3行：合计不符',
      stated: '3,385.52万元',
      excerpt: '全年执行数 3385.52万元，其中基本支出2477.1万元',
    });
    const two = textIdentity({
      code: 'DOC_X',
      message: '第40行：合计不符（另一种说法）',
      stated: '3385.52万元',
      excerpt: '全年执行数3,385.52万元，其中基本支出 2477.10 万元',
    });
    expect(one).toEqual(two);
    expect(maskFigures('占项目支出的12%')).toBe('占项目支出的#%');
  });
});
