import { describe, expect, it } from 'vitest';
import { BoundedCache, cachePer } from './bounded-cache.ts';

const entry = (n: number) => ({ bytes: new Uint8Array(n) });

describe('the size-bounded cache', () => {
  it('drops the entries set longest ago once the bytes exceed the limit', () => {
    const cache = new BoundedCache<{ bytes: Uint8Array }>(10);
    cache.set('a', entry(4));
    cache.set('b', entry(4));
    expect(cache.size).toBe(8);
    cache.set('c', entry(4));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.bytes.length).toBe(4);
    expect(cache.get('c')?.bytes.length).toBe(4);
    expect(cache.size).toBe(8);
  });

  it('replaces a key without counting it twice, and keeps an entry larger than the limit alone', () => {
    const cache = new BoundedCache<{ bytes: Uint8Array }>(10);
    cache.set('a', entry(6));
    cache.set('a', entry(3));
    expect(cache.size).toBe(3);
    cache.set('big', entry(25));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(25);
  });

  it('gives each owner a cache of its own', () => {
    const of = cachePer<{ bytes: Uint8Array }>(100);
    const one = {};
    const two = {};
    of(one).set('k', entry(1));
    expect(of(one).get('k')).toBeDefined();
    expect(of(two).get('k')).toBeUndefined();
    expect(of(one)).toBe(of(one));
  });
});
