import { ServiceError } from '../errors.ts';
import { isWholeJpeg, isWholePdf, isWholePng } from './file-structure.ts';
import { zipEntries } from './zip-entries.ts';

/** What a supporting document may be: documents a reviewer opens without special software. */
export type AttachmentKind = 'pdf' | 'png' | 'jpeg' | 'docx' | 'xlsx';

/** One file at most this large (the server's upload limit is the same). */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
/** What a .docx or .xlsx may unpack to: five times the file limit; a zip bomb unpacks to far more. */
export const ATTACHMENT_MAX_UNPACKED = 100 * 1024 * 1024;
/** Parts of a .docx or .xlsx at most (real ones have tens, with many pictures hundreds). */
export const ATTACHMENT_MAX_ENTRIES = 5_000;

const KINDS_TEXT = 'PDF、JPG、PNG、Word（.docx）或 Excel（.xlsx）';

const EXTENSIONS: Record<string, AttachmentKind> = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  docx: 'docx',
  xlsx: 'xlsx',
};

const KIND_NAMES: Record<AttachmentKind, string> = {
  pdf: 'PDF',
  png: 'PNG 图片',
  jpeg: 'JPG 图片',
  docx: 'Word 文档',
  xlsx: 'Excel 工作簿',
};

function refuse(message: string, fileName: string): ServiceError {
  return new ServiceError('UNSUPPORTED_FILE', message, { fileName });
}

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) =>
  magic.every((b, i) => bytes[at + i] === b);

/** The part a .docx or .xlsx cannot lack. */
const MAIN_PART: Record<'docx' | 'xlsx', string> = {
  docx: 'word/document.xml',
  xlsx: 'xl/workbook.xml',
};

/**
 * Checks an uploaded supporting document and says what it is: its extension must be one of the
 * accepted kinds and its content must be that kind (a renamed file is refused) and whole (a PDF
 * or picture cut short, or a few bytes that only begin like one, is refused), a .docx or
 * .xlsx must unpack within the limits (zip bombs are refused), and nothing over
 * ATTACHMENT_MAX_BYTES is taken. Archives (.zip, .rar, .7z) are refused: a reviewer cannot open
 * them in the browser and they would carry kinds refused here.
 */
export function inspectAttachment(fileName: string, bytes: Uint8Array): AttachmentKind {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (bytes.length === 0) throw refuse(`文件为空：${fileName}`, fileName);
  if (bytes.length > ATTACHMENT_MAX_BYTES)
    throw new ServiceError(
      'FILE_TOO_LARGE',
      `文件过大：${fileName}（单个证明材料不能超过 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB）`,
      { fileName },
    );
  const kind = EXTENSIONS[ext];
  if (kind === undefined) {
    if (['zip', 'rar', '7z', 'gz', 'tar'].includes(ext))
      throw refuse(
        `不接受压缩包：${fileName}。请将其中的文件逐个上传（支持 ${KINDS_TEXT}）`,
        fileName,
      );
    if (['doc', 'wps', 'xls', 'et'].includes(ext))
      throw refuse(
        `不接受旧版 Office 文件：${fileName}。请另存为 .docx 或 .xlsx，或导出为 PDF 后上传`,
        fileName,
      );
    throw refuse(`不支持的文件类型：${fileName}（支持 ${KINDS_TEXT}）`, fileName);
  }
  const mismatch = () =>
    refuse(`文件内容不是${KIND_NAMES[kind]}，与扩展名不符：${fileName}。请上传原始文件`, fileName);
  // Begins like its kind but does not hold the rest of it: cut short, or a few bytes renamed.
  const broken = () =>
    refuse(
      `文件不完整或已损坏，无法作为${KIND_NAMES[kind]}打开：${fileName}。请上传原始文件`,
      fileName,
    );
  switch (kind) {
    case 'pdf': {
      // The header may follow a few bytes of junk; readers look for it in the first kilobyte.
      const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
      if (!head.includes('%PDF-')) throw mismatch();
      if (!isWholePdf(bytes)) throw broken();
      return kind;
    }
    case 'png':
      if (!startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) throw mismatch();
      if (!isWholePng(bytes)) throw broken();
      return kind;
    case 'jpeg':
      if (!startsWith(bytes, [0xff, 0xd8, 0xff])) throw mismatch();
      if (!isWholeJpeg(bytes)) throw broken();
      return kind;
    case 'docx':
    case 'xlsx': {
      if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) throw mismatch();
      const entries = zipEntries(bytes, {
        maxEntries: ATTACHMENT_MAX_ENTRIES,
        maxUnpacked: ATTACHMENT_MAX_UNPACKED,
      });
      if (!Array.isArray(entries)) {
        switch (entries.problem) {
          case 'not-zip':
            throw refuse(`文件已损坏或不是有效的${KIND_NAMES[kind]}：${fileName}`, fileName);
          case 'encrypted':
            throw refuse(`文件已加密：${fileName}。请去掉密码后上传`, fileName);
          case 'too-many-entries':
          case 'too-large-unpacked':
            throw refuse(
              `文件解压后过大（超过 ${ATTACHMENT_MAX_UNPACKED / 1024 / 1024} MB 或 ${ATTACHMENT_MAX_ENTRIES} 个部件），疑似压缩炸弹，已拒绝：${fileName}`,
              fileName,
            );
        }
      }
      if (!entries.includes(MAIN_PART[kind])) throw mismatch();
      // Word and Excel open no package without its list of part types.
      if (!entries.includes('[Content_Types].xml')) throw broken();
      return kind;
    }
  }
}
