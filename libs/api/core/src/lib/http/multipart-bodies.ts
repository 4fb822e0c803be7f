import { errorCodes, type FastifyInstance, type FastifyReply, type FastifyRequest, type HookHandlerDoneFunction } from 'fastify';

/** Route config (`@RouteConfig(MULTIPART_ROUTE)`) of the routes that read a multipart body (documents' uploads). */
export const MULTIPART_ROUTE = { multipart: true } as const;

/**
 * @fastify/multipart accepts `multipart/form-data` on every route without reading it, which would
 * reach a JSON route as an empty body: only the routes marked MULTIPART_ROUTE take one, every other
 * route answers it 415, as before the plugin.
 */
export function refuseMultipartElsewhere(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const config = request.routeOptions?.config as { multipart?: boolean } | undefined;
    const multipart = /^multipart\//i.test(String(request.headers['content-type'] ?? ''));
    if (!request.is404 && multipart && !config?.multipart)
      done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(String(request.headers['content-type'])));
    else done();
  });
}
