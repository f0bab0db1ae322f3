import { describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { listenAddress, listenFailure, parseTrustProxy } from './serve.ts';

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

describe('where the platform listens', () => {
  it('takes --port/--host first, then PORT/HOST, then 3000 on 127.0.0.1', () => {
    expect(listenAddress({}, {})).toEqual({ port: 3000, host: '127.0.0.1' });
    expect(listenAddress({}, { PORT: '8080', HOST: '0.0.0.0' })).toEqual({
      port: 8080,
      host: '0.0.0.0',
    });
    expect(listenAddress({ port: '4000', host: '::1' }, { PORT: '8080', HOST: '0.0.0.0' })).toEqual(
      { port: 4000, host: '::1' },
    );
    expect(listenAddress({}, { PORT: '  ', HOST: '' })).toEqual({ port: 3000, host: '127.0.0.1' });
    expect(listenAddress({ port: '0' }, {})).toEqual({ port: 0, host: '127.0.0.1' });
  });

  it('refuses a bad port with a message naming where it came from', () => {
    expect(listenAddress({}, { PORT: 'http' })).toBe(
      '端口无效（环境变量 PORT）：http，应为 0–65535 的整数',
    );
    expect(listenAddress({ port: '70000' }, {})).toBe(
      '端口无效（--port）：70000，应为 0–65535 的整数',
    );
    expect(listenAddress({ port: '-1' }, { PORT: '80' })).toMatch(/^端口无效（--port）/);
    expect(listenAddress({ port: '3000.5' }, {})).toMatch(/^端口无效/);
    expect(listenAddress({}, { HOST: 'a b' })).toBe('监听地址无效（环境变量 HOST）：a b');
  });

  it('says in Chinese that a port is taken, and what to do', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const taken = await new Promise<unknown>((resolve) => {
      const second = createServer();
      second.once('error', resolve);
      second.listen(port, '127.0.0.1', () => {
        second.close();
        resolve(null);
      });
    });
    blocker.close();
    expect(listenFailure(taken, { port, host: '127.0.0.1' })).toBe(
      `端口 ${port} 已被占用：请先停止占用它的程序，或用 --port（或环境变量 PORT）换一个端口。`,
    );
    expect(listenFailure(new Error('disk full'), { port, host: '127.0.0.1' })).toBeNull();
  });
});
