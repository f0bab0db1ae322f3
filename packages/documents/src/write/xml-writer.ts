import { Buffer } from 'node:buffer';
import { escapeXml } from './wordml.ts';

const encoder = new TextEncoder();

/** Texts longer than this go through the platform's encoder (faster per character, slower per call). */
const LONG_TEXT = 256;
const AMP = encoder.encode('&amp;');
const LT = encoder.encode('&lt;');
const GT = encoder.encode('&gt;');
const QUOT = encoder.encode('&quot;');

function put(b: Buffer, p: number, entity: Uint8Array): number {
  for (let i = 0; i < entity.length; i++) b[p + i] = entity[i] ?? 0;
  return p + entity.length;
}

/** Markup encoded to UTF-8 once, to be copied into documents as bytes. */
export function markup(xml: string): Uint8Array {
  return encoder.encode(xml);
}

/**
 * Writes an XML part straight to UTF-8 bytes: fixed markup is copied from bytes encoded once,
 * text is escaped and encoded in place. No document-sized string is ever built, so nothing is
 * copied twice and the part needs no encoding pass before it is deflated.
 */
export class XmlWriter {
  #buf: Buffer;
  #length = 0;

  constructor(capacity = 1 << 16) {
    this.#buf = Buffer.allocUnsafe(capacity);
  }

  #reserve(bytes: number): void {
    if (this.#length + bytes <= this.#buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(2 * this.#buf.length, this.#length + bytes));
    this.#buf.copy(next, 0, 0, this.#length);
    this.#buf = next;
  }

  /** Copies markup encoded beforehand (see markup()). */
  raw(bytes: Uint8Array): void {
    this.#reserve(bytes.length);
    this.#buf.set(bytes, this.#length);
    this.#length += bytes.length;
  }

  /** Writes markup made on the spot (numbers in attributes); the caller escapes any text in it. */
  xml(xml: string): void {
    this.#reserve(3 * xml.length);
    this.#length += this.#buf.write(xml, this.#length, 'utf8');
  }

  /**
   * Writes character data, escaped and encoded in one pass over the text: a report's texts are
   * short (a cell, a sentence), so a loop here costs less than a regular-expression test and a
   * call into the platform's encoder for each. Long texts take the platform's encoder.
   * Returns whether the text holds a line feed or a carriage return (written as it is: an XML
   * reader reads either as a line feed), which a caller that puts
   * each line in a paragraph of its own checks without another pass (see truncate()).
   */
  text(text: string): boolean {
    const n = text.length;
    if (n > LONG_TEXT) {
      this.xml(escapeXml(text));
      return text.includes('\n') || text.includes('\r');
    }
    let lineFeed = false;
    // At most 6 bytes per UTF-16 unit ("&quot;"); a surrogate pair takes 4 bytes for 2 units.
    this.#reserve(6 * n);
    const b = this.#buf;
    let p = this.#length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (c >= 0x20) {
          if (c === 0x26) p = put(b, p, AMP);
          else if (c === 0x3c) p = put(b, p, LT);
          else if (c === 0x3e) p = put(b, p, GT);
          else if (c === 0x22) p = put(b, p, QUOT);
          else b[p++] = c;
        } else if (c === 0x0a) {
          b[p++] = c;
          lineFeed = true;
        } else if (c === 0x0d) {
          b[p++] = c;
          lineFeed = true;
        } else if (c === 0x09) b[p++] = c;
        // other C0 controls are not XML characters: dropped
      } else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          const u = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          b[p++] = 0xf0 | (u >> 18);
          b[p++] = 0x80 | ((u >> 12) & 0x3f);
          b[p++] = 0x80 | ((u >> 6) & 0x3f);
          b[p++] = 0x80 | (u & 0x3f);
          i++;
        } else {
          // a lone surrogate: U+FFFD, as the platform's encoder writes it
          b[p++] = 0xef;
          b[p++] = 0xbf;
          b[p++] = 0xbd;
        }
      } else if (c < 0xfffe) {
        b[p++] = 0xe0 | (c >> 12);
        b[p++] = 0x80 | ((c >> 6) & 0x3f);
        b[p++] = 0x80 | (c & 0x3f);
      }
      // U+FFFE and U+FFFF are not XML characters: dropped
    }
    this.#length = p;
    return lineFeed;
  }

  /** How many bytes are written. */
  get length(): number {
    return this.#length;
  }

  /** Drops what was written after the first `length` bytes. */
  truncate(length: number): void {
    if (length < this.#length) this.#length = Math.max(0, length);
  }

  /** The bytes written so far (a view, valid until the next write or reset). */
  bytes(): Uint8Array {
    return this.#buf.subarray(0, this.#length);
  }

  /**
   * Starts over in the same memory: a writer kept for the next document spares allocating (and
   * faulting in) megabytes for every report. Memory beyond `keep` bytes is let go.
   */
  reset(keep = 1 << 24): void {
    this.#length = 0;
    if (this.#buf.length > keep) this.#buf = Buffer.allocUnsafe(keep);
  }
}
