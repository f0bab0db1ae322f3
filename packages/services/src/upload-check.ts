/**
 * What every uploaded report goes through before it is read or queued, for the import and the
 * batch audit alike: a supported extension, some bytes, content that is what the name says (by
 * its first bytes and, for a Word or Excel package, its main part), and some text in a text file.
 * A renamed file is read as what it is (`readAs`); one that can be nothing the name allows is
 * refused with a Chinese reason that names it. The checks look at bytes only (no reader runs in
 * the server's event loop); what a reader alone can tell is left to it.
 */
import { ServiceError } from './errors.ts';
import {
  decodeText,
  nestedMessage,
  readErrorMessage,
  readZipDirectory,
  ZipError,
} from '@jixiao/documents';
import { readAs, type ReadAs } from './import-content.ts';

export const IMPORT_EXTENSIONS = [
  '.docx',
  '.doc',
  '.wps',
  '.pdf',
  '.txt',
  '.html',
  '.htm',
  '.xlsx',
  '.xls',
  '.et',
  '.png',
  '.jpg',
  '.jpeg',
] as const;

function refuse(message: string, fileName: string, reason: string): ServiceError {
  return new ServiceError('UNSUPPORTED_FILE', message, { fileName, reason });
}

/** Refuses a name whose extension no reader takes. */
export function assertSupported(fileName: string): void {
  const lower = fileName.toLowerCase();
  if (!IMPORT_EXTENSIONS.some((ext) => lower.endsWith(ext)))
    throw refuse(
      `不支持的文件类型：${fileName}（支持 .docx、.doc、.wps、.pdf、.txt、.html、.xlsx、.xls、.et、.png、.jpg）`,
      fileName,
      'unsupported-extension',
    );
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The compound file of the legacy Office formats (.doc, .xls, WPS .wps and .et). */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

const KIND_NAMES: Record<string, string> = {
  docx: 'Word 文档（.docx）',
  doc: 'Word 或 WPS 文档',
  wps: 'Word 或 WPS 文档',
  xlsx: 'Excel 工作簿（.xlsx）',
  xls: 'Excel 或 WPS 表格',
  et: 'Excel 或 WPS 表格',
  pdf: 'PDF 文件',
  png: 'PNG 图片',
  jpg: 'JPG 图片',
  jpeg: 'JPG 图片',
  txt: '文本文件',
  html: '网页（HTML）',
  htm: '网页（HTML）',
};

/**
 * The names in a zip's central directory (reading the directory inflates nothing), or the
 * refusal of a file whose directory cannot be read or declares a zip bomb.
 */
function zipEntryNames(fileName: string, bytes: Uint8Array, book: boolean): string[] {
  try {
    return readZipDirectory(bytes).map((e) => e.name);
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    throw refuse(
      `${fileName}：${readErrorMessage(error.problem, error.message, book)}`,
      fileName,
      error.problem,
    );
  }
}

/**
 * Checks an uploaded report and gives the name to read it under (see `readAs`): refuses, with a
 * Chinese message naming the file, an unsupported extension, an empty file, content that is not
 * what the extension says (a .docx that is no zip or lacks word/document.xml, a PDF without its
 * header, a picture without its signature, a legacy Office name on bytes that are neither Office
 * nor text) and a text file (or web page) in which there is nothing to read.
 */
export function checkUpload(fileName: string, bytes: Uint8Array): ReadAs {
  assertSupported(fileName);
  if (bytes.length === 0) throw refuse(`文件为空：${fileName}`, fileName, 'empty');
  const as = readAs(fileName, bytes);
  const ext = /\.([^.]+)$/.exec(as.fileName)?.[1]?.toLowerCase() ?? '';
  const kind = KIND_NAMES[ext] ?? ext;
  const mismatch = () =>
    refuse(
      `${fileName}：文件内容不是${kind}，与扩展名不符，无法读取。请上传原始文件`,
      fileName,
      'content-mismatch',
    );
  switch (ext) {
    case 'docx':
    case 'xlsx': {
      if (!startsWith(bytes, ZIP)) throw mismatch();
      const book = ext === 'xlsx';
      const main = book ? 'xl/workbook.xml' : 'word/document.xml';
      // The package must hold its main part by name in its directory (a name found elsewhere in
      // the bytes may be an inner archive's: a report zipped and renamed .docx).
      const names = zipEntryNames(fileName, bytes, book);
      if (!names.includes(main)) {
        const inner = nestedMessage(names.map((name) => ({ name })));
        throw refuse(
          `${fileName}：文件不是${book ? ' Excel 工作簿' : ' Word 文档'}（压缩包中没有 ${main}）${inner ? `；${inner}` : '，无法读取'}`,
          fileName,
          inner ? 'nested-archive' : 'content-mismatch',
        );
      }
      return as;
    }
    case 'pdf': {
      // The header may follow a few bytes of junk; readers look for it in the first kilobyte.
      const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
      if (!head.includes('%PDF-')) throw mismatch();
      return as;
    }
    case 'png':
      if (!startsWith(bytes, PNG)) throw mismatch();
      return as;
    case 'jpg':
    case 'jpeg':
      if (!startsWith(bytes, JPEG)) throw mismatch();
      return as;
    case 'doc':
    case 'wps':
    case 'xls':
    case 'et':
      // Legacy Office bytes, or text LibreOffice reads (RTF, a web page, an XML spreadsheet).
      if (!startsWith(bytes, OLE) && decodeText(bytes) === undefined) throw mismatch();
      return as;
    default: {
      // .txt, .html, .htm: text, and some of it more than blanks and markup.
      // Decoded as the text and web page readers decode it.
      const text = decodeText(bytes)?.text;
      if (text === undefined) throw mismatch();
      const words = ext === 'txt' ? text : text.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ');
      if (words.trim() === '')
        throw refuse(`${fileName}：文件中没有任何文字，无法读取`, fileName, 'no-text');
      return as;
    }
  }
}
