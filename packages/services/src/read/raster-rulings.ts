/** A greyscale picture: one byte a pixel, rows top to bottom (what pdftoppm -gray writes). */
export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Reads a binary PGM (P5, 8-bit); undefined for anything else. */
export function parsePgm(bytes: Uint8Array): Gray | undefined {
  const header: string[] = [];
  let at = 0;
  while (header.length < 4 && at < bytes.length) {
    while (at < bytes.length && /\s/.test(String.fromCharCode(bytes[at] ?? 0))) at++;
    if (bytes[at] === 0x23) {
      while (at < bytes.length && bytes[at] !== 0x0a) at++;
      continue;
    }
    let token = '';
    while (at < bytes.length && !/\s/.test(String.fromCharCode(bytes[at] ?? 0)))
      token += String.fromCharCode(bytes[at++] ?? 0);
    header.push(token);
  }
  at++; // the single white-space character after maxval
  const [magic, w, h, max] = header;
  const width = Number(w);
  const height = Number(h);
  if (magic !== 'P5' || max !== '255' || !(width > 0) || !(height > 0)) return undefined;
  if (bytes.length - at < width * height) return undefined;
  return { width, height, data: bytes.subarray(at, at + width * height) };
}

export function writePgm(g: Gray): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${g.width} ${g.height}\n255\n`);
  const out = new Uint8Array(head.length + g.data.length);
  out.set(head);
  out.set(g.data, head.length);
  return out;
}

/** A ruling line found in a picture, in pixels. */
export interface PixelRuling {
  horizontal: boolean;
  /** Row of a horizontal line, column of a vertical one (the middle of its thickness). */
  at: number;
  from: number;
  to: number;
}

const DARK = 160;

/**
 * Ruling lines of a scanned table: runs of dark pixels at least `minLength` long (gaps of a
 * pixel or two bridged, as scans break thin lines), grouped with the runs of the neighbouring
 * rows (or columns) they overlap into one line of some thickness.
 */
export function findRulings(g: Gray, minLength: number): PixelRuling[] {
  const out: PixelRuling[] = [];
  for (const horizontal of [true, false]) {
    const lines = horizontal ? g.height : g.width;
    const length = horizontal ? g.width : g.height;
    const pixel = horizontal
      ? (line: number, i: number): number => g.data[line * g.width + i] ?? 255
      : (line: number, i: number): number => g.data[i * g.width + line] ?? 255;
    let open: { first: number; last: number; from: number; to: number }[] = [];
    const close = (o: { first: number; last: number; from: number; to: number }): void => {
      // A thick dark area (a picture, a stamp, a shaded band) is not a line.
      if (o.last - o.first > 12) return;
      out.push({ horizontal, at: Math.round((o.first + o.last) / 2), from: o.from, to: o.to });
    };
    for (let line = 0; line < lines; line++) {
      const runs: [number, number][] = [];
      let start = -1;
      let gap = 0;
      for (let i = 0; i <= length; i++) {
        const dark = i < length && pixel(line, i) < DARK;
        if (dark) {
          if (start < 0) start = i;
          gap = 0;
        } else if (start >= 0) {
          if (++gap > 2 || i === length) {
            const end = i - gap;
            if (end - start + 1 >= minLength) runs.push([start, end]);
            start = -1;
            gap = 0;
          }
        }
      }
      const next: typeof open = [];
      for (const [from, to] of runs) {
        const hit = open.find((o) => o.last === line - 1 && from <= o.to && to >= o.from);
        if (hit) {
          hit.last = line;
          hit.from = Math.min(hit.from, from);
          hit.to = Math.max(hit.to, to);
          if (!next.includes(hit)) next.push(hit);
        } else next.push({ first: line, last: line, from, to });
      }
      for (const o of open) if (!next.includes(o)) close(o);
      open = next;
    }
    for (const o of open) close(o);
  }
  return out;
}

/** Whitens the dark pixels of each ruling (and a pixel around it), leaving the text alone. */
export function eraseRulings(g: Gray, rulings: readonly PixelRuling[]): void {
  for (const r of rulings) {
    for (let i = r.from; i <= r.to; i++) {
      for (let d = -4; d <= 4; d++) {
        const x = r.horizontal ? i : r.at + d;
        const y = r.horizontal ? r.at + d : i;
        if (x < 0 || y < 0 || x >= g.width || y >= g.height) continue;
        const k = y * g.width + x;
        if ((g.data[k] ?? 255) < 200) g.data[k] = 255;
      }
    }
  }
}
