import { HttpException, HttpStatus } from '@nestjs/common';
import { ERRORS, type ApiError, type ErrorCode, type FieldError } from '@alliances/shared/contracts';
import { STATUS_CODES } from 'node:http';
import { DomainException } from './domain.exception';

const PG_UNIQUE_VIOLATION = '23505';
const PG_FOREIGN_KEY_VIOLATION = '23503';
const PG_INVALID_TEXT = '22P02';
const PG_SERIALIZATION_FAILURE = '40001';
/** Errors that mean "the database is not there right now": answer 503 fast, never 500. */
const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08006']);
const NET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'ENOENT']);

export function errorBody(status: number, message: string, extra: Partial<ApiError> = {}): ApiError {
  return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message, ...extra };
}

/** The error shape of a code of the catalogue, with the status the catalogue gives it. */
export function coded(code: ErrorCode, message: string): ApiError {
  return errorBody(ERRORS[code].status, message, { code });
}

/** Maps anything thrown to the contract's error shape; unknown errors are 500 and flagged for logging. */
export function toErrorResponse(exception: unknown): { body: ApiError; unexpected: boolean } {
  if (exception instanceof DomainException) {
    return {
      body: errorBody(exception.status, exception.message, { code: exception.code, details: exception.details }),
      unexpected: false,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    let message = exception.message;
    let details: FieldError[] | undefined;
    let code: string | undefined;
    if (typeof response === 'object' && response !== null) {
      const r = response as { message?: unknown; details?: FieldError[]; code?: string };
      if (typeof r.message === 'string') message = r.message;
      else if (Array.isArray(r.message)) message = r.message.join('; ');
      details = r.details;
      code = r.code;
    }
    if (status === HttpStatus.TOO_MANY_REQUESTS) message = 'Too many requests, try again later';
    return { body: errorBody(status, message, { code, details }), unexpected: false };
  }
  const err = exception as { code?: string; statusCode?: number; message?: string; driverError?: { code?: string }; detail?: string };
  const pgCode = err?.driverError?.code ?? err?.code;
  if (pgCode === PG_UNIQUE_VIOLATION) return { body: coded('conflict.duplicate', 'Already exists'), unexpected: false };
  if (pgCode === PG_FOREIGN_KEY_VIOLATION)
    return { body: coded('conflict.reference', 'Refers to something that does not exist or is still in use'), unexpected: false };
  if (pgCode === PG_SERIALIZATION_FAILURE) return { body: coded('conflict.concurrent', 'Concurrent change, try again'), unexpected: false };
  if (pgCode === PG_INVALID_TEXT) return { body: coded('validation.malformed', 'Malformed value'), unexpected: false };
  if ((pgCode && (PG_UNAVAILABLE.has(pgCode) || NET_UNAVAILABLE.has(pgCode))) || isConnectionLoss(err?.message)) {
    return { body: coded('service.unavailable', 'Service temporarily unavailable'), unexpected: false };
  }
  // Errors Fastify raises itself (bad JSON, body too large, wrong content type) carry a 4xx statusCode.
  if (typeof err?.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    return {
      body: errorBody(err.statusCode, fastifyMessage(err), { code: err.code ? `http.${String(err.code).toLowerCase()}` : undefined }),
      unexpected: false,
    };
  }
  return { body: errorBody(500, 'Internal server error'), unexpected: true };
}

function isConnectionLoss(message: string | undefined): boolean {
  return (
    !!message &&
    /Connection terminated|connection timeout|Query read timeout|Connection is not established|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      message,
    )
  );
}

function fastifyMessage(err: { code?: string; message?: string }): string {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'Malformed JSON body';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'Request body too large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Unsupported content type';
    default:
      return err.message ?? 'Bad request';
  }
}
