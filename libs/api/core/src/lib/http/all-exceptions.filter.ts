import { ArgumentsHost, Catch, ExceptionFilter, Logger, Optional } from '@nestjs/common';
import { DatabaseAvailability } from '../health/database-availability';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorResponse } from './error-response';

/** The one place where exceptions become HTTP answers (the error shape of docs/api.md "Errors"). */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  constructor(@Optional() private readonly database?: DatabaseAvailability) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const { body, unexpected } = toErrorResponse(exception);
    body.requestId = String(request.id);
    if (body.code === 'service.unavailable') this.database?.suspect();
    if (unexpected) this.logger.error({ err: exception, requestId: request.id }, 'Unexpected error');
    else if (body.statusCode >= 500) this.logger.warn({ err: exception, requestId: request.id }, body.message);
    void reply.status(body.statusCode).send(body);
  }
}
