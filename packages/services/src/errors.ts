/** The stable codes of expected failures, with the HTTP status they map to. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  RULEBOOK_INVALID: 400,
  EVALUATION_INVALID: 400,
  PASSWORD_POLICY: 400,
  UNSUPPORTED_FILE: 400,
  EXPLANATION_REQUIRED: 400,
  AUTH_REQUIRED: 401,
  LOGIN_FAILED: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  ILLEGAL_TRANSITION: 409,
  EVALUATION_LOCKED: 409,
  ALREADY_EXISTS: 409,
  FILE_TOO_LARGE: 413,
  LOGIN_THROTTLED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/** An expected failure: a stable code, a Chinese message and details for the client. */
export class ServiceError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function notFound(what: string): ServiceError {
  return new ServiceError('NOT_FOUND', `${what}不存在`);
}

export function forbidden(message = '无权访问该资源'): ServiceError {
  return new ServiceError('FORBIDDEN', message);
}
