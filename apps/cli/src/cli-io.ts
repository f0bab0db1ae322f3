import { readFile } from 'node:fs/promises';
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

/** Reads a file argument relative to the io's working directory. */
export async function readArgumentFile(io: CliIo, file: string): Promise<Uint8Array> {
  return readFile(path.resolve(io.cwd, file));
}
