import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ServiceError, recordAudit } from '@jixiao/services';
import type { ServiceContext } from '@jixiao/services';

export interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

function body(code: string, message: string, details: Record<string, unknown> = {}): ErrorBody {
  return { error: { code, message, details } };
}

/** Fastify's own failures, in Chinese, by their codes. */
const FASTIFY_CODES: Record<string, { status: number; code: string; message: string }> = {
  FST_REQ_FILE_TOO_LARGE: {
    status: 413,
    code: 'FILE_TOO_LARGE',
    message: '上传的文件超过大小限制',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'FILE_TOO_LARGE',
    message: '请求内容超过大小限制',
  },
  FST_FILES_LIMIT: { status: 413, code: 'FILE_TOO_LARGE', message: '上传的文件数量超过限制' },
  FST_PARTS_LIMIT: { status: 413, code: 'FILE_TOO_LARGE', message: '上传的内容过多' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 400,
    code: 'BAD_REQUEST',
    message: '请以 multipart/form-data 上传文件',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'BAD_REQUEST',
    message: '不支持的请求内容类型',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'BAD_REQUEST', message: '请求内容为空' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'BAD_REQUEST', message: '请求长度无效' },
  FST_ERR_BAD_URL: { status: 400, code: 'BAD_REQUEST', message: '请求地址含有无效的转义字符' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'BAD_REQUEST', message: '请求地址中的参数过长' },
};

/**
 * Failures found by the router before any route or hook runs (a malformed %-escape, a parameter
 * past the router's length limit): Fastify would answer these in English in its own shape.
 */
export function frameworkErrorAnswer(error: FastifyError): {
  status: number;
  body: ErrorBody;
} {
  const known = FASTIFY_CODES[error.code];
  if (known !== undefined) return { status: known.status, body: body(known.code, known.message) };
  return { status: 400, body: body('BAD_REQUEST', '请求无效') };
}

/** The one error handler: every failure leaves as { error: { code, message, details } }. */
/** Messages of the multipart parser (busboy) for an upload that is not well formed. */
const MULTIPART_BROKEN =
  /^Multipart: Boundary not found$|^Unsupported Content-Type\.$|unexpected end of multipart data/i;

export function errorHandler(ctx: ServiceContext) {
  return async (
    error: FastifyError,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<ErrorBody> => {
    if (error instanceof ServiceError) {
      if (error.code === 'FORBIDDEN' || error.code === 'CSRF_INVALID') {
        await recordAudit(ctx, {
          action: 'denied',
          actor: request.actor?.username ?? null,
          target: `${request.method} ${request.url}`,
          ip: request.ip,
          details: { code: error.code },
        });
      }
      if (error.code === 'LOGIN_THROTTLED') {
        const retry = error.details['retryAfterSeconds'];
        if (typeof retry === 'number') void reply.header('retry-after', String(retry));
      }
      void reply.status(error.status);
      return body(error.code, error.message, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      void reply.status(400);
      return body('VALIDATION_FAILED', '请求参数不符合要求', {
        issues: error.validation.map((v) => ({
          path: `${error.validationContext ?? ''}${v.instancePath}`,
          message: v.message ?? '',
        })),
      });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      void reply.status(400);
      return body('BAD_REQUEST', '请求内容不是有效的 JSON');
    }
    // The multipart parser's own refusals of a broken upload (no boundary, a body cut short) are
    // plain errors with no status: the request is malformed, not the server.
    if (!error.code && MULTIPART_BROKEN.test(error.message)) {
      void reply.status(400);
      return body(
        'BAD_REQUEST',
        '上传内容不是完整有效的 multipart/form-data（缺少分隔符或内容不完整），请重新选择文件上传',
      );
    }
    const known = FASTIFY_CODES[error.code];
    if (known !== undefined) {
      void reply.status(known.status);
      return body(known.code, known.message);
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      void reply.status(status);
      return body('BAD_REQUEST', '请求无效', { reason: error.message });
    }
    request.log.error(error);
    void reply.status(500);
    return body('INTERNAL', '服务器内部错误，请稍后重试');
  };
}
