import { crc32, deflateRawSync } from 'node:zlib';

/** One file of an archive: its path inside the zip and its bytes or text (UTF-8). */
export interface ZipFile {
  path: string;
  data: Uint8Array | string;
}

/** A file already deflated and summed: a part that never changes is prepared once. */
export interface PreparedZipFile {
  readonly name: Uint8Array;
  readonly body: Uint8Array;
  readonly crc: number;
  readonly rawLength: number;
  readonly stored: boolean;
}

/** 1980-01-01 00:00 in MS-DOS form: the same bytes for the same files, whenever written. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Bit 11: names are UTF-8. */
const FLAGS = 0x0800;

const encoder = new TextEncoder();

/** Deflates one file with the platform's zlib and computes its checksum. */
export function prepareZipFile(file: ZipFile): PreparedZipFile {
  const raw = typeof file.data === 'string' ? encoder.encode(file.data) : file.data;
  const deflated = deflateRawSync(raw);
  // A part that does not shrink is stored as it is.
  const stored = deflated.length >= raw.length;
  return {
    name: encoder.encode(file.path),
    body: stored ? raw : deflated,
    crc: crc32(raw),
    rawLength: raw.length,
    stored,
  };
}

function isPrepared(file: ZipFile | PreparedZipFile): file is PreparedZipFile {
  return 'crc' in file;
}

/**
 * Writes a zip archive, each file deflated with the platform's zlib (or prepared beforehand with
 * prepareZipFile). The .docx writer prepares its fixed parts once and deflates only the document.
 */
export function writeZip(files: readonly (ZipFile | PreparedZipFile)[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const file of files) {
    const { name, body, crc, rawLength, stored } = isPrepared(file) ? file : prepareZipFile(file);
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(6, FLAGS, true);
    l.setUint16(8, stored ? 0 : 8, true);
    l.setUint16(10, DOS_TIME, true);
    l.setUint16(12, DOS_DATE, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, body.length, true);
    l.setUint32(22, rawLength, true);
    l.setUint16(26, name.length, true);
    l.setUint16(28, 0, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, FLAGS, true);
    c.setUint16(10, stored ? 0 : 8, true);
    c.setUint16(12, DOS_TIME, true);
    c.setUint16(14, DOS_DATE, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, body.length, true);
    c.setUint32(24, rawLength, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, body);
    centrals.push(central);
    offset += local.length + body.length;
  }
  const directorySize = centrals.reduce((s, b) => s + b.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, files.length, true);
  e.setUint16(10, files.length, true);
  e.setUint32(12, directorySize, true);
  e.setUint32(16, offset, true);
  const out = new Uint8Array(offset + directorySize + end.length);
  let p = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}
