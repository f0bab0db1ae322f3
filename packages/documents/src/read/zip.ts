import { inflateRawSync } from 'node:zlib';

/**
 * A minimal, defensive zip reader for .docx (and the guard before .xlsx): reads the central directory, checks every declared
 * size against caps before inflating anything, and inflates with a hard output limit, so that a
 * zip bomb (or a directory that lies about sizes) is refused instead of filling memory.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export type ZipProblem = 'not-zip' | 'corrupt-zip' | 'zip-bomb';

export class ZipError extends Error {
  constructor(
    readonly problem: ZipProblem,
    detail: string,
  ) {
    super(detail);
  }
}

/** Caps on what one document may expand to. */
export const ZIP_LIMITS = {
  /** Sum of the declared sizes of every entry. */
  totalDeclared: 200 * 1024 * 1024,
  /** Sum of the sizes of the parts we inflate (document.xml, numbering.xml, styles.xml). */
  totalInflated: 50 * 1024 * 1024,
  /** Largest plausible compression ratio of XML (real Word files stay under 30). */
  maxRatio: 200,
  /** Sum of the inflated sizes of every part of a workbook (real report workbooks: a few MB). */
  workbookInflated: 50 * 1024 * 1024,
};

const u16 = (b: Uint8Array, o: number): number => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number): number => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4
  );
}

export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  if (!isZip(bytes)) throw new ZipError('not-zip', '缺少 zip 文件头');
  let eocd = -1;
  for (let o = bytes.length - 22; o >= Math.max(0, bytes.length - 65557); o--) {
    if (u32(bytes, o) === 0x06054b50) {
      eocd = o;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('corrupt-zip', '找不到中央目录');
  const count = u16(bytes, eocd + 10);
  let p = u32(bytes, eocd + 16);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) {
      throw new ZipError('corrupt-zip', '中央目录损坏');
    }
    const nameLength = u16(bytes, p + 28);
    const entry: ZipEntry = {
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      localOffset: u32(bytes, p + 42),
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) {
      throw new ZipError('zip-bomb', '不支持 ZIP64 超大条目');
    }
    entries.push(entry);
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  const declared = entries.reduce((s, e) => s + e.size, 0);
  if (declared > ZIP_LIMITS.totalDeclared) {
    throw new ZipError('zip-bomb', `声明解压后共 ${Math.round(declared / 1048576)} MB`);
  }
  return entries;
}

/** Inflates one entry, never producing more than its declared size or the remaining budget. */
export function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: number,
  maxRatio: number = ZIP_LIMITS.maxRatio,
): Uint8Array {
  if (entry.size > budget) {
    throw new ZipError(
      'zip-bomb',
      `${entry.name} 声明解压后 ${Math.round(entry.size / 1048576)} MB`,
    );
  }
  if (entry.compressedSize > 0 && entry.size / entry.compressedSize > maxRatio) {
    throw new ZipError('zip-bomb', `${entry.name} 压缩比异常`);
  }
  const o = entry.localOffset;
  if (o + 30 > bytes.length || u32(bytes, o) !== 0x04034b50) {
    throw new ZipError('corrupt-zip', `${entry.name} 的本地文件头损坏`);
  }
  const start = o + 30 + u16(bytes, o + 26) + u16(bytes, o + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize)
    throw new ZipError('corrupt-zip', `${entry.name} 数据不完整`);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ZipError('corrupt-zip', `${entry.name} 使用了不支持的压缩方式`);
  try {
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    if (out.length !== entry.size)
      throw new ZipError('corrupt-zip', `${entry.name} 大小与目录不符`);
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  } catch (e) {
    if (e instanceof ZipError) throw e;
    if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ZipError('zip-bomb', `${entry.name} 实际解压大小超过声明`);
    }
    throw new ZipError('corrupt-zip', `${entry.name} 无法解压`);
  }
}

/**
 * Refuses (with a ZipError) a zip whose parts would expand past `limit` bytes in all, by really
 * inflating each part within what is left (a directory may lie about sizes). For handing a file to
 * a library that inflates everything it is given (exceljs), which a zip bomb would stall or kill.
 * No ratio cap: spreadsheet XML of empty styled cells compresses far better than prose.
 */
export function assertZipWithin(bytes: Uint8Array, limit: number): void {
  let budget = limit;
  for (const entry of readZipDirectory(bytes)) {
    if (entry.name.endsWith('/')) continue;
    budget -= inflateEntry(bytes, entry, budget, Infinity).length;
  }
}

/** Names of archives and Office packages: a zip that holds one is an archive inside an archive. */
const ARCHIVE_NAME = /\.(?:zip|rar|7z|tar|gz|tgz|bz2|xz|docx|xlsx|pptx|wps|et|doc|xls)$/i;

/** The first entry of a zip that is itself an archive or an Office file (a nested archive). */
export function nestedArchive(entries: readonly { name: string }[]): string | undefined {
  return entries.find((e) => !e.name.endsWith('/') && ARCHIVE_NAME.test(e.name))?.name;
}

/** Why a package lacks its main part when it holds an archive instead: one inside the other. */
export function nestedMessage(entries: readonly { name: string }[]): string | undefined {
  const inner = nestedArchive(entries);
  return inner === undefined ? undefined : `压缩包内是另一个文件 ${inner}，请解压后上传其中的报告`;
}

export interface ZipParts {
  entries: readonly ZipEntry[];
  find: (name: string) => ZipEntry | undefined;
  load: (entry: ZipEntry | undefined) => string;
}

/**
 * An Office file's parts by name, each loaded as text and inflated within one budget shared by
 * the whole file (ZIP_LIMITS.totalInflated). Throws ZipError for a file that is no zip.
 */
function zipParts(bytes: Uint8Array): ZipParts {
  const entries = readZipDirectory(bytes);
  let budget = ZIP_LIMITS.totalInflated;
  return {
    entries,
    find: (name) => entries.find((e) => e.name === name),
    load: (entry) => {
      if (!entry) return '';
      const data = inflateEntry(bytes, entry, budget);
      budget -= data.length;
      return PART_TEXT.decode(data);
    },
  };
}

/** zipParts, or the ZipError that says why the bytes are no zip, for a reader to report. */
export function openZipParts(bytes: Uint8Array): ZipParts | ZipError {
  try {
    return zipParts(bytes);
  } catch (e) {
    if (e instanceof ZipError) return e;
    throw e;
  }
}

const PART_TEXT = new TextDecoder('utf-8');
