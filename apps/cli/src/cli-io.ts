import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';

/**
 * What a command may touch: two output streams, the working directory and file reading. Tests
 * inject an in-memory one and run the real commands in process.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Directory that relative file arguments are resolved against. */
  cwd: string;
}

/** The real process streams. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  };
}

/** Collects output in memory: for tests and for embedding. */
export function memoryIo(cwd: string): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    cwd,
    out: () => out,
    err: () => err,
  };
}

/** The largest JSON input a command reads: the server's limit on a request body. */
export const MAX_JSON_INPUT_BYTES = 10 * 1024 * 1024;

/** Reads a file argument relative to the io's working directory (a regular file of ≤ 10 MB). */
export async function readArgumentFile(io: CliIo, file: string): Promise<Uint8Array> {
  return readRegularFile(path.resolve(io.cwd, file), MAX_JSON_INPUT_BYTES);
}

/** Why a path was not read: `code` is ENOTREGULAR (a device, FIFO, socket) or ETOOLARGE. */
export class InputFileError extends Error {
  constructor(
    readonly code: 'ENOTREGULAR' | 'ETOOLARGE' | 'EISDIR',
    readonly size = 0,
  ) {
    super(code);
    this.name = 'InputFileError';
  }
}

/**
 * Reads a regular file of at most `limit` bytes. The file is opened without blocking (a FIFO with
 * no writer cannot hang it) and checked on the open handle, so a link to a device, a FIFO or a
 * socket is refused without a byte read, and no read goes past the limit. The calls are
 * synchronous: a report is read in well under a millisecond, and `jixiao audit` reads hundreds
 * while its audit processes work, at a sixth of the CPU time the promise-based calls take.
 */
export function readRegularFile(absolute: string, limit: number): Promise<Uint8Array> {
  try {
    return Promise.resolve(readRegularFileNow(absolute, limit));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

function readRegularFileNow(absolute: string, limit: number): Uint8Array {
  const fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new InputFileError('EISDIR');
    if (!info.isFile()) throw new InputFileError('ENOTREGULAR');
    if (info.size > limit) throw new InputFileError('ETOOLARGE', info.size);
    // One byte more than the size says: a file growing while read is caught, not followed.
    const buffer = new Uint8Array(info.size + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const bytesRead = readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > limit) throw new InputFileError('ETOOLARGE', filled);
    return buffer.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}
