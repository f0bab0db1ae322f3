import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { readAs } from './import-content.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('an imported file whose name says otherwise', () => {
  it('is read as text when a legacy Office or web page name holds plain text (UTF-8 or GB18030)', () => {
    expect(readAs('报告.doc', bytes('一、基本情况\n正文')).fileName).toBe('报告.txt');
    expect(readAs('报告.HTML', bytes('一、基本情况\n正文')).fileName).toBe('报告.txt');
    const gbk = new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2, 0xbb, 0xf9, 0xb1, 0xbe, 0x0a]);
    expect(readAs('表.xls', gbk)).toEqual({
      fileName: '表.txt',
      note: {
        code: 'content-not-extension',
        message: '文件扩展名为 .xls，但内容是纯文本，已按纯文本读取',
      },
    });
  });

  it('is read as a web page or a .docx when a Word name holds one', async () => {
    expect(
      readAs('报告.doc', bytes('<html><body><p>一、基本情况</p></body></html>')).fileName,
    ).toBe('报告.html');
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    const docx = await zip.generateAsync({ type: 'uint8array' });
    expect(readAs('报告.doc', docx).fileName).toBe('报告.docx');
  });

  it('keeps its name when its bytes are what the name says, RTF, binary, or another kind', () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(readAs('报告.doc', ole)).toEqual({ fileName: '报告.doc' });
    expect(readAs('报告.doc', bytes('{\\rtf1\\ansi 正文}'))).toEqual({ fileName: '报告.doc' });
    expect(readAs('表.xls', bytes('<table><tr><td>1</td></tr></table>'))).toEqual({
      fileName: '表.xls',
    });
    expect(readAs('报告.html', bytes('<p>正文</p>'))).toEqual({ fileName: '报告.html' });
    expect(readAs('报告.docx', bytes('只是文字'))).toEqual({ fileName: '报告.docx' });
  });
});
