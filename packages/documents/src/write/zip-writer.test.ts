import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { prepareZipFile, writeZip } from './zip-writer.ts';

describe('writeZip', () => {
  it('writes an archive another zip reader opens to the same files', async () => {
    const xml = `<?xml version="1.0"?><w:document>${'<w:p><w:r><w:t>绩效自评</w:t></w:r></w:p>'.repeat(200)}</w:document>`;
    const tiny = new Uint8Array([1, 2, 3]);
    const bytes = writeZip([
      { path: 'word/document.xml', data: xml },
      { path: 'word/media/图片.bin', data: tiny },
    ]);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(['word/document.xml', 'word/media/图片.bin']);
    expect(await zip.file('word/document.xml')?.async('string')).toBe(xml);
    expect(await zip.file('word/media/图片.bin')?.async('uint8array')).toEqual(tiny);
    // The repetitive XML is deflated; three bytes are stored as they are.
    expect(bytes.length).toBeLessThan(new TextEncoder().encode(xml).length / 10);
  });

  it('gives the same bytes for the same files', () => {
    const files = [{ path: 'a.xml', data: '<a/>' }];
    expect(writeZip(files)).toEqual(writeZip(files));
  });

  it('archives a prepared file exactly as the file itself', () => {
    const file = { path: 'word/styles.xml', data: '<w:styles>样式</w:styles>'.repeat(50) };
    const other = { path: 'word/document.xml', data: '<w:body/>' };
    expect(writeZip([prepareZipFile(file), other])).toEqual(writeZip([file, other]));
  });
});
