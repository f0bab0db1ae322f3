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

  it('says whether a text holds a line feed, and drops what was written after a mark', () => {
    const w = new XmlWriter(16);
    w.xml('<a>');
    const mark = w.length;
    expect(w.text('一行')).toBe(false);
    expect(w.text('两\n行')).toBe(true);
    expect(w.text(`${'长'.repeat(300)}\n`)).toBe(true);
    expect(w.text('长'.repeat(300))).toBe(false);
    w.truncate(mark);
    w.xml('</a>');
    expect(decode(w.bytes())).toBe('<a></a>');
  });

  it('encodes text as the platform does: surrogate pairs, lone surrogates, forbidden characters', () => {
    const w = new XmlWriter(4);
    const text = 'a\u0001&<>"\t\r\n😀\ud800x\uffffé中';
    w.text(text);
    expect(decode(w.bytes())).toBe('a&amp;&lt;&gt;&quot;\t\r\n😀\ufffdxé中');
    w.reset();
    w.text(text.repeat(40)); // past the length written by the platform's encoder
    expect(decode(w.bytes())).toBe('a&amp;&lt;&gt;&quot;\t\r\n😀\ufffdxé中'.repeat(40));
  });
});
