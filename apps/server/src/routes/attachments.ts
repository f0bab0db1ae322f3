import { z } from 'zod';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { MAX_INDICATOR_DEPTH } from '@jixiao/domain';
import {
  ATTACHMENT_MAX_BYTES,
  ServiceError,
  addAttachment,
  attachmentFile,
  deleteAttachment,
  listAttachments,
  publicAttachmentFile,
  publicAttachments,
  setAttachmentPublic,
} from '@jixiao/services';
import type { AttachmentFile, ServiceContext } from '@jixiao/services';
import type { FastifyReply } from 'fastify';
import { requireActor } from '../session.ts';
import { Disposition, dispositionOf, sendFile } from '../present.ts';

const Id = z.object({ id: z.string().min(1).max(64) });

/** The indicator's names from the top of the tree, as JSON in the query. */
const IndicatorNames = z.array(z.string().min(1).max(200)).min(1).max(MAX_INDICATOR_DEPTH);

const UploadQuery = z.object({
  indicator: z.string().max(5000).optional(),
  public: z.enum(['0', '1']).optional(),
});

function parseIndicator(text: string | undefined): string[] | null {
  if (text === undefined || text === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ServiceError('BAD_REQUEST', '指标参数格式不正确');
  }
  const parsed = IndicatorNames.safeParse(json);
  if (!parsed.success) throw new ServiceError('BAD_REQUEST', '指标参数格式不正确');
  return parsed.data;
}

/** PDFs and pictures may be shown in the browser; office files are always saved. */
function send(reply: FastifyReply, file: AttachmentFile, inline: 'attachment' | 'inline') {
  const viewable = file.kind === 'pdf' || file.kind === 'png' || file.kind === 'jpeg';
  return sendFile(reply, file.fileName, file.kind, file.bytes, viewable ? inline : 'attachment');
}

/** Supporting documents (证明材料): see packages/services/src/attachments. */
export function attachmentRoutes(ctx: ServiceContext): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    const tags = ['attachments'];
    app.get(
      '/api/evaluations/:id/attachments',
      { schema: { tags, summary: '自评的证明材料列表', params: Id } },
      async (request) => ({
        items: await listAttachments(ctx, requireActor(request), request.params.id),
      }),
    );

    app.post(
      '/api/evaluations/:id/attachments',
      {
        schema: {
          tags,
          summary: '上传一个证明材料（PDF、JPG、PNG、.docx、.xlsx；可对应一个指标）',
          params: Id,
          querystring: UploadQuery,
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const indicator = parseIndicator(request.query.indicator);
        const file = await request.file();
        if (file === undefined) throw new ServiceError('BAD_REQUEST', '请选择要上传的文件');
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(await file.toBuffer());
        } catch (e) {
          if ((e as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE')
            throw new ServiceError(
              'FILE_TOO_LARGE',
              `文件过大：${file.filename}（单个证明材料不能超过 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB）`,
            );
          throw e;
        }
        return addAttachment(ctx, actor, request.params.id, {
          fileName: file.filename,
          bytes,
          indicator,
          public: request.query.public === '1',
          ip: request.ip,
        });
      },
    );

    app.get(
      '/api/attachments/:id/file',
      { schema: { tags, summary: '下载证明材料', params: Id, querystring: Disposition } },
      async (request, reply) => {
        const file = await attachmentFile(ctx, requireActor(request), request.params.id);
        return send(reply, file, dispositionOf(request.query));
      },
    );

    app.patch(
      '/api/attachments/:id',
      {
        schema: {
          tags,
          summary: '设置证明材料是否随报告公开',
          params: Id,
          body: z.object({ public: z.boolean() }),
        },
      },
      async (request) =>
        setAttachmentPublic(
          ctx,
          requireActor(request),
          request.params.id,
          request.body.public,
          request.ip,
        ),
    );

    app.delete(
      '/api/attachments/:id',
      { schema: { tags, summary: '删除证明材料', params: Id } },
      async (request) => {
        await deleteAttachment(ctx, requireActor(request), request.params.id, request.ip);
        return { ok: true };
      },
    );

    app.get(
      '/api/public/reports/:id/attachments',
      { schema: { tags: ['public'], summary: '公开报告的证明材料（单位标为公开的）', params: Id } },
      async (request) => ({ items: await publicAttachments(ctx, request.params.id) }),
    );

    app.get(
      '/api/public/attachments/:id/file',
      {
        schema: {
          tags: ['public'],
          summary: '下载公开的证明材料',
          params: Id,
          querystring: Disposition,
        },
      },
      async (request, reply) => {
        const file = await publicAttachmentFile(ctx, request.params.id, request.ip);
        return send(reply, file, dispositionOf(request.query));
      },
    );
    done();
  };
}
