import { Packer } from 'docx';
import type { Document } from 'docx';
import type JSZip from 'jszip';
import { writeZip } from './zip-writer.ts';
import type { ZipFile } from './zip-writer.ts';

interface Compiler {
  compile(file: Document, prettify: undefined, overrides: readonly never[]): JSZip;
}
function isCompiler(x: unknown): x is Compiler {
  return typeof x === 'object' && x !== null && typeof Reflect.get(x, 'compile') === 'function';
}

/**
 * A document of the docx library, its parts archived with the platform's zlib (see writeZip).
 * The report writer has its own emitter; benchmarks use this for their docx-library baselines.
 * Should a later docx release not expose its compiler any more, the library's own packer does
 * the whole job.
 */
export async function packDocx(doc: Document): Promise<Uint8Array> {
  const compiler: unknown = Reflect.get(Packer, 'compiler');
  if (!isCompiler(compiler)) return new Uint8Array(await Packer.toBuffer(doc));
  const zip = compiler.compile(doc, undefined, []);
  const pending: Promise<ZipFile>[] = [];
  zip.forEach((path, entry) => {
    if (entry.dir) return;
    // XML parts are text: taken as the strings the library wrote, no byte conversion in between.
    pending.push(
      /\.(?:xml|rels)$/.test(path)
        ? entry.async('string').then((data) => ({ path, data }))
        : entry.async('uint8array').then((data) => ({ path, data })),
    );
  });
  return writeZip(await Promise.all(pending));
}
