/**
 * What an imported file really is when its name says otherwise. Units rename files: a report
 * typed in Notepad saved as .doc, a web page's text saved as .html, a .docx renamed .doc. Such a
 * file is read as what its bytes are, and the unit is told so; read by its name it would be
 * refused as damaged or, worse, read as an empty draft.
 */

/** The extensions whose files are often something else: legacy Office names and web pages. */
const RENAMED_OFTEN = /\.(doc|wps|xls|et|html?)$/i;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/** The bytes as text (UTF-8, else GB18030, as the .txt reader decodes), or null when they are not text. */
function asText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    try {
      text = gb18030.decode(bytes);
    } catch {
      return null;
    }
  }
  // Control characters other than tabs, line and page breaks: a binary file, whatever decoded.
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && (c < 0x09 || c > 0x0d)) || c === 0x7f) return null;
  }
  return text;
}

const MARKUP = /<(?:!doctype|html|head|body|meta|p|div|table|tr|td|br|span|h[1-6])\b/i;

function zipHolds(bytes: Uint8Array, part: string): boolean {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04)
    return false;
  // Entry names are stored as plain bytes in the local and central headers.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(part, 0, 'latin1');
}

/** Whether a file of this name may hold something else, which `readAs` would tell. */
export function mayBeRenamed(fileName: string): boolean {
  return RENAMED_OFTEN.test(fileName);
}

export interface ReadAs {
  /** The name the file is read under: its own, or with the extension of what it really is. */
  fileName: string;
  /** Said to the unit when the content is not what the name says. */
  note?: { code: 'content-not-extension'; message: string };
}

const KIND_WORDS: Record<string, string> = {
  txt: '纯文本',
  html: '网页（HTML）',
  docx: 'Word 文档（.docx）',
  xlsx: 'Excel 工作簿（.xlsx）',
};

/**
 * The name to read an imported file under: a legacy Office name or a web page's whose bytes are
 * plain text is read as text (line breaks kept), a .doc/.wps holding a web page as HTML, and one
 * holding a .docx (or a .xls/.et holding a .xlsx) as that. Anything else keeps its name.
 */
export function readAs(fileName: string, bytes: Uint8Array): ReadAs {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (!RENAMED_OFTEN.test(fileName)) return { fileName };
  let real: string | undefined;
  if (zipHolds(bytes, 'word/document.xml') && (ext === 'doc' || ext === 'wps')) real = 'docx';
  else if (zipHolds(bytes, 'xl/workbook.xml') && (ext === 'xls' || ext === 'et')) real = 'xlsx';
  else {
    const text = asText(bytes);
    // RTF is text too, but LibreOffice reads it as the document it is.
    if (text !== null && !text.trimStart().startsWith('{\\rtf')) {
      const markup = MARKUP.test(text);
      if (!markup) real = 'txt';
      // A web page saved under a Word name (Word's own "save as web page" does this); a
      // spreadsheet name keeps LibreOffice, which reads a web page's table as a sheet.
      else if (ext === 'doc' || ext === 'wps') real = 'html';
    }
  }
  if (real === undefined || real === ext || (real === 'html' && ext === 'htm')) return { fileName };
  return {
    fileName: fileName.replace(/\.[^.]+$/, `.${real}`),
    note: {
      code: 'content-not-extension',
      message: `文件扩展名为 .${ext}，但内容是${KIND_WORDS[real] ?? real}，已按${KIND_WORDS[real] ?? real}读取`,
    },
  };
}
