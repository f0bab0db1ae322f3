import { MonitoringThresholds } from '@jixiao/domain';
import type { MonitoringThresholds as Thresholds } from '@jixiao/domain';
import defaultThresholds from '../../../../rulebooks/monitoring/default.json' with { type: 'json' };
import { ServiceError } from '../errors.ts';

/** The monitoring thresholds shipped in rulebooks/monitoring/*.json, validated at first use. */
const SOURCES: readonly { file: string; data: unknown }[] = [
  { file: 'default.json', data: defaultThresholds },
];

let cache: readonly Thresholds[] | undefined;

export function builtinThresholds(): readonly Thresholds[] {
  if (cache) return cache;
  cache = SOURCES.map(({ file, data }) => {
    const parsed = MonitoringThresholds.safeParse(data);
    if (!parsed.success)
      throw new Error(`rulebooks/monitoring/${file} is invalid: ${parsed.error.message}`);
    if (`${parsed.data.id}.json` !== file)
      throw new Error(`rulebooks/monitoring/${file} has id "${parsed.data.id}"`);
    return parsed.data;
  });
  return cache;
}

/** The thresholds with this id; an unknown id is the client's mistake. */
export function getThresholds(id: string): Thresholds {
  const found = builtinThresholds().find((t) => t.id === id);
  if (found === undefined)
    throw new ServiceError('BAD_REQUEST', `预警阈值 ${id} 不存在`, {
      available: builtinThresholds().map((t) => t.id),
    });
  return found;
}
