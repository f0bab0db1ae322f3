import type { FastifyReply } from 'fastify';
import type { Actor } from '@jixiao/services';

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
} as const;

/** Sends bytes as a download with a UTF-8 file name. */
export function sendFile(
  reply: FastifyReply,
  fileName: string,
  format: keyof typeof TYPES,
  bytes: Uint8Array | string,
) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return reply
    .header('content-type', TYPES[format])
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .send(
      typeof bytes === 'string'
        ? bytes
        : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    );
}
