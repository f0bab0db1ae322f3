import type { IndicatorNode } from '@jixiao/domain';

export interface RulebookGuess {
  id: string;
  /** 0–1: how sure the structure makes us. */
  confidence: number;
  reason: string;
}

/**
 * Guesses the rulebook from the top of the indicator tree: Guangdong's 预算编制/预算执行/资金使用效益,
 * Huaihua's 成本指标 as a first-level group, Hunan's 预算执行率/产出/效益/满意度, a lone project table.
 */
export function guessRulebook(
  indicators: readonly IndicatorNode[],
  kind: 'department' | 'project',
): RulebookGuess {
  const names = indicators.map((n) => n.name);
  const has = (re: RegExp): boolean => names.some((n) => re.test(n));
  if (kind === 'project') {
    const execution = indicators.find((n) => /预算执行|执行率/.test(n.name));
    if (execution?.weight === 20) {
      return { id: 'hubei-project', confidence: 0.7, reason: '执行率20分（湖北项目支出）' };
    }
    if (has(/^绩效指标/) || (execution?.weight === 10 && !has(/产出/) && !has(/效益/))) {
      return {
        id: 'sichuan-project',
        confidence: 0.6,
        reason: '预算执行10分、绩效指标90分（四川项目支出）',
      };
    }
    const central = has(/产出/) && has(/效益/);
    return {
      id: 'central-project',
      confidence: central ? 0.75 : 0.5,
      reason: '预算执行率、产出、效益、满意度（中央项目支出）',
    };
  }
  if (has(/预算编制/) && has(/预算执行/) && has(/资金使用效益|效益/)) {
    return {
      id: 'guangdong-department',
      confidence: 0.85,
      reason: '一级指标为预算编制、预算执行、资金使用效益',
    };
  }
  // The national framework of 2013: 投入, 过程, 产出, 效果 (分值 set by each region).
  const framework = [/^投入/, /^过程/, /^产出/, /^效果/].filter((re) => has(re)).length;
  if (framework >= 3 && has(/^效果|^投入/)) {
    return {
      id: 'finance-2013-department',
      confidence: framework === 4 ? 0.85 : 0.65,
      reason: '一级指标为投入、过程、产出、效果（财政部2013年共性指标体系框架）',
    };
  }
  const cost = indicators.find((n) => /^成本指标/.test(n.name));
  if (cost && has(/产出/) && has(/效益/)) {
    return {
      id: 'huaihua-department',
      confidence: cost.weight === 20 ? 0.85 : 0.65,
      reason: '成本指标为一级指标',
    };
  }
  const hunan = [/预算执行/, /产出/, /效益/, /满意度/].filter((re) => has(re)).length;
  if (hunan >= 3) {
    return {
      id: 'hunan-department',
      confidence: hunan === 4 ? 0.8 : 0.6,
      reason: '一级指标为预算执行率、产出、效益、满意度',
    };
  }
  return {
    id: 'hunan-department',
    confidence: 0.2,
    reason: '指标结构不足以判断，默认湖南部门整体',
  };
}
