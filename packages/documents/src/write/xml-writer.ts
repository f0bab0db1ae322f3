import { Buffer } from 'node:buffer';
import { escapeXml } from './wordml.ts';

const encoder = new TextEncoder();

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

  /** Writes character data, escaped. */
  text(text: string): void {
    this.xml(escapeXml(text));
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
