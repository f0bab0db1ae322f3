import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinRulebookIds, builtinRulebooks, findRulebook } from './builtin.ts';

describe('built-in rulebooks', () => {
  it('bundles every rulebooks/*.json file, each valid and named by its id', () => {
    const files = readdirSync(new URL('../../../../rulebooks/', import.meta.url))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
    expect([...builtinRulebookIds()].sort()).toEqual(files);
  });

  it('includes the six rulebooks the examples need', () => {
    expect(builtinRulebookIds()).toEqual(
      expect.arrayContaining([
        'hunan-department',
        'huaihua-department',
        'guangdong-department',
        'central-project',
        'sichuan-project',
        'hubei-project',
      ]),
    );
  });

  it('finds a rulebook by id and returns undefined for an unknown id', () => {
    const hunan = findRulebook('hunan-department');
    expect(hunan?.kind).toBe('department');
    expect(hunan?.tree.length).toBeGreaterThan(0);
    expect(findRulebook('atlantis-department')).toBeUndefined();
  });

  it('hands out a fresh list, so a caller cannot reorder the registry', () => {
    const list = builtinRulebooks();
    list.reverse();
    expect(builtinRulebooks()[0]?.id).toBe(builtinRulebookIds()[0]);
  });

  it('marks the Guangdong book, reconstructed from one report, as unconfirmed', () => {
    expect(findRulebook('guangdong-department')?.confirmed).toBe(false);
  });
});
