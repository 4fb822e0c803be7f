import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { InputTooDeepException, MAX_INPUT_DEPTH, nestedDeeperThan } from './validation';

/**
 * A body nested thousands of levels deep parses, but every recursive walk after it (validation,
 * class-transformer) overflows the stack, a 500: refuse it as soon as it is parsed, on every route.
 */
export function refuseDeeplyNestedBodies(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
    if (!request.is404 && nestedDeeperThan(request.body, MAX_INPUT_DEPTH)) done(new InputTooDeepException());
    else done();
  });
}
