import { randomBytes, scrypt, timingSafeEqual, createHash } from 'node:crypto';
import { ServiceError } from './errors.ts';

// scrypt N=2^14, r=8, p=1: OWASP's minimum for scrypt, ~30 ms per hash on a small machine.
const N = 16384;
const KEY_LENGTH = 32;

function scryptAsync(password: string, salt: Buffer, n: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password,
      salt,
      KEY_LENGTH,
      { N: n, r: 8, p: 1, maxmem: 64 * 1024 * 1024 },
      (error, key) => {
        if (error !== null) reject(error);
        else resolve(key);
      },
    );
  });
}

/** "scrypt$N$salt$hash" (base64). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, N);
  return `scrypt$${N}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || n === undefined || salt === undefined || hash === undefined)
    return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64'), Number(n));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** The password policy: at least 10 characters, with letters and digits. */
export function checkPasswordPolicy(password: string): void {
  if (password.length < 10 || !/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) {
    throw new ServiceError('PASSWORD_POLICY', '密码至少10位，且须同时包含字母和数字');
  }
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
