import { BadRequestException, ForbiddenException, HttpException } from '@nestjs/common';
import { DomainException, NotFoundDomainException } from './domain.exception';
import { toErrorResponse } from './error-response';
import { ValidationFailedException } from './validation';

describe('toErrorResponse', () => {
  it('keeps a domain code and answers with the status the catalogue gives it', () => {
    const { body } = toErrorResponse(new DomainException('charter.hash_mismatch', 'The text changed'));
    expect(body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'The text changed',
      code: 'charter.hash_mismatch',
      details: undefined,
    });
  });

  it('answers 404 for what is not visible', () => {
    expect(toErrorResponse(new NotFoundDomainException('alliance')).body).toMatchObject({ statusCode: 404, code: 'alliance.not_found' });
  });

  it('lists the failing fields of a validation error', () => {
    const details = [{ field: 'email', messages: ['email must be an email'], codes: ['isEmail'] }];
    expect(toErrorResponse(new ValidationFailedException(details)).body).toMatchObject({ statusCode: 400, details });
  });

  it('keeps Nest HTTP exceptions as they are', () => {
    expect(toErrorResponse(new ForbiddenException()).body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    expect(toErrorResponse(new BadRequestException('nope')).body).toMatchObject({ statusCode: 400, message: 'nope' });
    expect(toErrorResponse(new HttpException('slow down', 429)).body).toMatchObject({ statusCode: 429 });
  });

  it('never answers 500 for database errors a client can cause', () => {
    expect(toErrorResponse({ driverError: { code: '23505' } }).body.statusCode).toBe(409);
    expect(toErrorResponse({ driverError: { code: '22P02' } }).body.statusCode).toBe(400);
    expect(toErrorResponse({ driverError: { code: '40001' } }).body.statusCode).toBe(409);
  });

  it('answers 503 when the database is unreachable', () => {
    expect(toErrorResponse({ code: 'ECONNREFUSED' }).body.statusCode).toBe(503);
    expect(toErrorResponse(new Error('Connection terminated unexpectedly')).body.statusCode).toBe(503);
    expect(toErrorResponse({ code: '57P01' }).body.statusCode).toBe(503);
    // pg's query_timeout on a connection that stopped answering (network partition).
    expect(toErrorResponse(new Error('Query read timeout')).body).toMatchObject({ statusCode: 503, code: 'service.unavailable' });
  });

  it('maps Fastify body errors to their 4xx', () => {
    expect(toErrorResponse({ statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE', message: 'x' }).body).toMatchObject({
      statusCode: 413,
      message: 'Request body too large',
    });
  });

  it('flags anything else as an unexpected 500 without leaking its message', () => {
    const { body, unexpected } = toErrorResponse(new Error('secret internals'));
    expect(unexpected).toBe(true);
    expect(body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' });
  });
});
