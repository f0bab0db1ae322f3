import { inflateRawSync } from 'node:zlib';

/** Why a zip container was refused. */
export type ZipProblem = 'not-zip' | 'encrypted' | 'too-many-entries' | 'too-large-unpacked';

export interface ZipLimits {
  /** Entries at most. */
  maxEntries: number;
  /** Bytes all entries may unpack to together. */
  maxUnpacked: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The entry names of a zip container (a .docx or .xlsx is one), after unpacking every entry
 * against a budget: a container whose entries together unpack to more than `maxUnpacked` bytes
 * (a zip bomb, including one whose entries overlap or whose headers understate their sizes) is
 * refused without unpacking further. ZIP64, encrypted entries and compression other than
 * stored/deflate are refused: office files do not use them.
 */
export function zipEntries(
  bytes: Uint8Array,
  limits: ZipLimits,
): string[] | { problem: ZipProblem } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  // The end-of-central-directory record sits in the last 22 bytes plus a comment of ≤ 65535.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return { problem: 'not-zip' };
  const count = u16(eocd + 10);
  const cdOffset = u32(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) return { problem: 'not-zip' };
  if (count > limits.maxEntries) return { problem: 'too-many-entries' };
  const names: string[] = [];
  const decoder = new TextDecoder();
  let left = limits.maxUnpacked;
  let at = cdOffset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || u32(at) !== CENTRAL) return { problem: 'not-zip' };
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const compressed = u32(at + 20);
    const declared = u32(at + 24);
    const nameLength = u16(at + 28);
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
    const local = u32(at + 42);
    if (next > bytes.length) return { problem: 'not-zip' };
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    if ((flags & 1) !== 0) return { problem: 'encrypted' };
    if (declared > left) return { problem: 'too-large-unpacked' };
    if (local + 30 > bytes.length || u32(local) !== LOCAL) return { problem: 'not-zip' };
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + compressed > bytes.length) return { problem: 'not-zip' };
    const data = bytes.subarray(start, start + compressed);
    if (method === 0) {
      left -= compressed;
    } else if (method === 8) {
      try {
        // Never more than what is left of the budget: a bomb stops here, not in memory.
        left -= inflateRawSync(data, { maxOutputLength: Math.max(1, left) }).length;
      } catch (e) {
        const tooLarge = (e as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE';
        return { problem: tooLarge ? 'too-large-unpacked' : 'not-zip' };
      }
    } else {
      return { problem: 'not-zip' };
    }
    if (left < 0) return { problem: 'too-large-unpacked' };
    at = next;
  }
  return names;
}
