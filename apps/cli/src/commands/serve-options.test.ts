import { describe, expect, it } from 'vitest';
import { parseTrustProxy } from './serve.ts';

describe('--trust-proxy', () => {
  it('takes a number of proxy hops or a list of proxy addresses', () => {
    expect(parseTrustProxy(undefined)).toBeUndefined();
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8')).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(parseTrustProxy('::1')).toEqual(['::1']);
  });

  it('refuses what would trust every client or is no address', () => {
    expect(parseTrustProxy('0')).toBeNull();
    expect(parseTrustProxy('true')).toBeNull();
    expect(parseTrustProxy('')).toBeNull();
    expect(parseTrustProxy('proxy.example')).toBeNull();
  });
});
