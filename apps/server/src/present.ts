import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Actor, JsonBytes } from '@jixiao/services';

/** The user as GET /api/me shows it. */
export function presentUser(actor: Actor) {
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    departmentId: actor.departmentId,
    departmentName: actor.departmentName,
    regionId: actor.regionId,
    regionName: actor.regionName,
  };
}

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
} as const;

export type FileFormat = keyof typeof TYPES;

/**
 * Sends bytes as a download with a UTF-8 file name; `inline` lets the browser show it (a PDF to
 * print) instead of saving it.
 */
export function sendFile(
  reply: FastifyReply,
  fileName: string,
  format: FileFormat,
  bytes: Uint8Array | string,
  disposition: 'attachment' | 'inline' = 'attachment',
) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return reply
    .header('content-type', TYPES[format])
    .header(
      'content-disposition',
      `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .send(
      typeof bytes === 'string'
        ? bytes
        : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    );
}

/**
 * Whether an Accept-Encoding header accepts gzip: `gzip` or `*` listed with a quality above zero
 * (`gzip;q=0` refuses it).
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  let star = false;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    const accepted = q === undefined || Number(q.slice(2)) > 0;
    if (name === 'gzip') return accepted;
    if (name === '*') star = accepted;
  }
  return star;
}

/** Sends JSON bytes, gzip-compressed when they are; the response varies with Accept-Encoding. */
export function sendJsonBytes(reply: FastifyReply, json: JsonBytes) {
  void reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  if (json.encoding !== null) void reply.header('content-encoding', json.encoding);
  return reply.send(json.bytes);
}

/** `?inline=1` on a file's address: show it in the browser (a PDF to print) instead of saving it. */
export const Disposition = z.object({ inline: z.enum(['0', '1']).optional() });

export function dispositionOf(query: z.infer<typeof Disposition>): 'attachment' | 'inline' {
  return query.inline === '1' ? 'inline' : 'attachment';
}
