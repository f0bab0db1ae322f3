import { describe, expect, it } from 'vitest';
import { markup, XmlWriter } from './xml-writer.ts';

const decode = (b: Uint8Array) => new TextDecoder().decode(b);

describe('XmlWriter', () => {
  it('writes markup, escaped text and UTF-8 past its first capacity', () => {
    const w = new XmlWriter(8);
    const open = markup('<w:t>');
    for (let i = 0; i < 1000; i++) {
      w.raw(open);
      w.text(`绩效<${i}>&`);
      w.xml('</w:t>');
    }
    const out = decode(w.bytes());
    expect(out.startsWith('<w:t>绩效&lt;0&gt;&amp;</w:t>')).toBe(true);
    expect(out.endsWith('<w:t>绩效&lt;999&gt;&amp;</w:t>')).toBe(true);
    expect(out.split('<w:t>')).toHaveLength(1001);
  });

  it('starts over on reset, in the same memory up to the limit kept', () => {
    const w = new XmlWriter(16);
    w.xml('x'.repeat(100));
    w.reset();
    w.text('一');
    expect(decode(w.bytes())).toBe('一');
    w.xml('y'.repeat(5000));
    w.reset(1024);
    w.xml('z');
    expect(decode(w.bytes())).toBe('z');
  });
});
