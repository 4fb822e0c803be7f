import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { errorCodes, type FastifyInstance } from 'fastify';

const FORM = 'application/x-www-form-urlencoded';
const UNSUBSCRIBE_ROUTE = /\/notifications\/unsubscribe$/;

/**
 * Fastify parses no HTML form by default: a mail client's RFC 8058 one-click POST
 * (`List-Unsubscribe=One-Click`) and the unsubscribe page's button would get a 415. That route
 * alone takes a form, small; every other one answers it 415, as before.
 */
@Injectable()
export class FormBodies implements OnModuleInit {
  constructor(private readonly http: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.http.httpAdapter?.getInstance() as FastifyInstance | undefined;
    if (!fastify?.addContentTypeParser || fastify.hasContentTypeParser(FORM)) return;
    fastify.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: 4096 }, (request, body, done) => {
      if (request.method === 'POST' && UNSUBSCRIBE_ROUTE.test(request.routeOptions.url ?? ''))
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      else done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(String(request.headers['content-type'])), undefined);
    });
  }
}
