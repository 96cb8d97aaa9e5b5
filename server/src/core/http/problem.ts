import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from './errors';

const PROBLEM_TYPE = 'https://gatehouse.dev/problems/';

/** Maps Fastify's own error codes (bad JSON, wrong content type, body too large…) to stable problem codes. */
const fastifyCodes: Record<string, { status: number; code: AppError['code']; title: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'http.unsupported_media_type', title: 'Unsupported media type' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'http.payload_too_large', title: 'Request body too large' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'http.bad_request', title: 'Invalid Content-Length' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'http.bad_request', title: 'Empty JSON body' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'http.bad_request', title: 'Invalid JSON body' },
  FST_ERR_CTP_EMPTY_TYPE: { status: 415, code: 'http.unsupported_media_type', title: 'Missing content type' },
  FST_ERR_BAD_URL: { status: 400, code: 'http.bad_request', title: 'Malformed URL' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'http.bad_request', title: 'Bad request' },
};

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  problem: {
    status: number;
    code: string;
    title: string;
    detail?: string;
    errors?: { path: string; message: string }[];
  },
) {
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send({
      type: `${PROBLEM_TYPE}${problem.code}`,
      title: problem.title,
      status: problem.status,
      code: problem.code,
      ...(problem.detail ? { detail: problem.detail } : {}),
      instance: request.url.split('?')[0],
      ...(problem.errors ? { errors: problem.errors } : {}),
    });
}

/**
 * Every error leaves as RFC 9457 problem+json with a stable `code`. Unknown errors are logged with their stack and
 * answered with a bare 500: no stack trace, SQL or library message ever reaches the client.
 */
export function registerProblemHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
      return sendProblem(reply, request, {
        status: error.status,
        code: error.code,
        title: error.title,
        detail: error.detail,
        errors: error.fieldErrors,
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendProblem(reply, request, {
        status: 400,
        code: 'http.validation_failed',
        title: 'Invalid request',
        detail: 'Some fields are missing or invalid.',
        errors: error.validation.map((issue) => ({
          path: `${error.validationContext ?? ''}${issue.instancePath || ''}`.replace(/\//g, '.'),
          message: issue.message ?? 'invalid',
        })),
      });
    }
    const known = error.code ? fastifyCodes[error.code] : undefined;
    if (known) return sendProblem(reply, request, known);
    if (error.statusCode === 429) {
      return sendProblem(reply, request, { status: 429, code: 'http.too_many_requests', title: 'Too many requests' });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500 && !isResponseSerializationError(error)) {
      request.log.info({ err: error }, 'client error');
      return sendProblem(reply, request, { status: error.statusCode, code: 'http.bad_request', title: 'Bad request' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, { status: 500, code: 'http.internal', title: 'Internal error' });
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, { status: 404, code: 'http.not_found', title: 'Not found' }),
  );
}
