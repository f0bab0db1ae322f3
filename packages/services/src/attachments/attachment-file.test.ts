import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderReportDocx, renderTablesXlsx } from '@jixiao/documents';
import { DepartmentEvaluation, scoreEvaluation } from '@jixiao/domain';
import { findRulebook } from '../rulebooks/builtin.ts';
import { ServiceError } from '../errors.ts';
import { ATTACHMENT_MAX_BYTES, inspectAttachment } from './attachment-file.ts';
import { SAMPLE_JPEG, SAMPLE_PNG, samplePdf } from './sample-files.ts';

interface Entry {
  name: string;
  data: Uint8Array;
  /** What the central directory claims the entry unpacks to (defaults to the truth). */
  declared?: number;
  encrypted?: boolean;
}

/**
 * A zip written by hand, so the tests can build what no archiver would: `copies` central entries
 * that all point at the first entry's data (an overlapping zip bomb), sizes that lie.
 */
function zip(entries: Entry[], copies = 0): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const all = [...entries];
  const first = entries[0];
  for (let i = 0; first !== undefined && i < copies; i += 1) all.push({ ...first, name: `c${i}` });
  const offsets: number[] = [];
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = deflateRawSync(e.data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(e.encrypted === true ? 1 : 0, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(e.declared ?? e.data.length, 22);
    head.writeUInt16LE(name.length, 26);
    offsets.push(offset);
    locals.push(head, name, packed);
    offset += head.length + name.length + packed.length;
  }
  all.forEach((e, i) => {
    const name = Buffer.from(e.name);
    const source = i < entries.length ? i : 0;
    const packedLength = deflateRawSync(all[source]?.data ?? new Uint8Array()).length;
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(e.encrypted === true ? 1 : 0, 8);
    head.writeUInt16LE(8, 10);
    head.writeUInt32LE(packedLength, 20);
    head.writeUInt32LE(e.declared ?? e.data.length, 24);
    head.writeUInt16LE(name.length, 28);
    head.writeUInt32LE(offsets[source] ?? 0, 42);
    central.push(head, name);
  });
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(all.length, 8);
  end.writeUInt16LE(all.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

const xml = (text: string) => new TextEncoder().encode(text);

/** The Chinese message of the refusal, or 'accepted: <kind>'. */
function verdict(name: string, bytes: Uint8Array): string {
  try {
    return `accepted: ${inspectAttachment(name, bytes)}`;
  } catch (e) {
    if (e instanceof ServiceError) return `${e.code}: ${e.message}`;
    throw e;
  }
}

const FIXTURE = '../../../../fixtures/evaluations/clean-hunan-department.json';

const PNG = SAMPLE_PNG;

describe('a supporting document', () => {
  it('is taken when its content is what its extension says', async () => {
    const body = DepartmentEvaluation.parse(
      JSON.parse(readFileSync(new URL(FIXTURE, import.meta.url), 'utf8')),
    );
    const rulebook = findRulebook('hunan-department');
    if (rulebook === undefined) throw new Error('rulebook missing');
    const sheet = scoreEvaluation(body, rulebook);
    expect(verdict('报告.docx', await renderReportDocx(body, sheet))).toBe('accepted: docx');
    expect(verdict('自评表.XLSX', await renderTablesXlsx(body, sheet))).toBe('accepted: xlsx');
    expect(verdict('a.pdf', samplePdf())).toBe('accepted: pdf');
    expect(verdict('照片.png', PNG)).toBe('accepted: png');
    expect(verdict('照片.JPG', SAMPLE_JPEG)).toBe('accepted: jpeg');
    // Bytes after a picture's end or a PDF's last %%EOF line do not make it another file.
    expect(verdict('照片.jpeg', Buffer.concat([SAMPLE_JPEG, xml('trailing')]))).toBe(
      'accepted: jpeg',
    );
    expect(verdict('b.pdf', Buffer.concat([samplePdf(), xml('\n\n')]))).toBe('accepted: pdf');
  });

  it('is refused, in Chinese, when it only begins like its kind or is cut short', () => {
    const broken = (name: string, kind: string) =>
      `UNSUPPORTED_FILE: 文件不完整或已损坏，无法作为${kind}打开：${name}。请上传原始文件`;
    // Five bytes that begin like a JPEG; a JPEG, PNG or PDF cut short; a PDF that is only its header.
    expect(verdict('照片.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe(
      broken('照片.jpg', 'JPG 图片'),
    );
    const cut = (bytes: Uint8Array, keep: number) =>
      bytes.subarray(0, Math.floor(bytes.length * keep));
    expect(verdict('照片.jpg', cut(SAMPLE_JPEG, 0.9))).toBe(broken('照片.jpg', 'JPG 图片'));
    expect(verdict('图.png', cut(SAMPLE_PNG, 0.8))).toBe(broken('图.png', 'PNG 图片'));
    expect(verdict('图.png', PNG.subarray(0, 12))).toBe(broken('图.png', 'PNG 图片'));
    expect(verdict('合同.pdf', cut(samplePdf(), 0.7))).toBe(broken('合同.pdf', 'PDF'));
    expect(verdict('合同.pdf', xml('%PDF-1.7\n%%EOF\n'))).toBe(broken('合同.pdf', 'PDF'));
    // A zip holding the main part but no list of part types is no Word document Word opens.
    const bare = zip([{ name: 'word/document.xml', data: xml('<w:document/>') }]);
    expect(verdict('说明.docx', bare)).toBe(broken('说明.docx', 'Word 文档'));
  });

  it('is refused, in Chinese, when the extension lies about the content', () => {
    expect(verdict('合同.pdf', PNG)).toBe(
      'UNSUPPORTED_FILE: 文件内容不是PDF，与扩展名不符：合同.pdf。请上传原始文件',
    );
    const docx = zip([{ name: 'word/document.xml', data: xml('<w:document/>') }]);
    expect(verdict('表.xlsx', docx)).toMatch(/^UNSUPPORTED_FILE: 文件内容不是Excel 工作簿/);
    expect(verdict('说明.docx', xml('plain text'))).toMatch(/^UNSUPPORTED_FILE: 文件内容不是Word/);
  });

  it('is refused when it is an archive, an old office file, unknown or empty', () => {
    expect(verdict('材料.zip', zip([{ name: 'a.pdf', data: xml('%PDF-') }]))).toMatch(
      /^UNSUPPORTED_FILE: 不接受压缩包：材料.zip。请将其中的文件逐个上传/,
    );
    expect(verdict('旧.doc', xml('x'))).toMatch(/^UNSUPPORTED_FILE: 不接受旧版 Office 文件/);
    expect(verdict('run.exe', xml('MZ'))).toMatch(/^UNSUPPORTED_FILE: 不支持的文件类型：run.exe/);
    expect(verdict('空.pdf', new Uint8Array())).toBe('UNSUPPORTED_FILE: 文件为空：空.pdf');
  });

  it('is refused over the size limit', () => {
    const big = new Uint8Array(ATTACHMENT_MAX_BYTES + 1);
    big.set(xml('%PDF-1.4'));
    expect(verdict('扫描件.pdf', big)).toBe(
      'FILE_TOO_LARGE: 文件过大：扫描件.pdf（单个证明材料不能超过 20 MB）',
    );
  });

  it('is refused as a zip bomb when its parts unpack beyond the limit, whatever its headers say', () => {
    const zeros = new Uint8Array(12 * 1024 * 1024);
    // Twelve entries pointing at the same 12 MB of zeros (about 12 KB packed), sizes stated small.
    const overlapping = zip(
      [
        { name: 'word/document.xml', data: zeros, declared: 100 },
        { name: '[Content_Types].xml', data: xml('<Types/>') },
      ],
      10,
    );
    expect(overlapping.length).toBeLessThan(100_000);
    expect(verdict('炸弹.docx', overlapping)).toMatch(
      /^UNSUPPORTED_FILE: 文件解压后过大（超过 100 MB 或 5000 个部件），疑似压缩炸弹，已拒绝/,
    );
    // The same parts without the copies are an ordinary (if odd) document.
    expect(
      verdict(
        '正常.docx',
        zip([
          { name: 'word/document.xml', data: zeros, declared: 100 },
          { name: '[Content_Types].xml', data: xml('<Types/>') },
        ]),
      ),
    ).toBe('accepted: docx');
  });

  it('is refused when encrypted or cut short', () => {
    const locked = zip([{ name: 'word/document.xml', data: xml('<w/>'), encrypted: true }]);
    expect(verdict('加密.docx', locked)).toBe(
      'UNSUPPORTED_FILE: 文件已加密：加密.docx。请去掉密码后上传',
    );
    const whole = zip([{ name: 'word/document.xml', data: xml('<w:document/>') }]);
    expect(verdict('坏.docx', whole.subarray(0, whole.length - 30))).toMatch(
      /^UNSUPPORTED_FILE: 文件已损坏或不是有效的Word 文档/,
    );
  });
});
