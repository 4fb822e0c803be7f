import Fastify from 'fastify';
import { refuseDeeplyNestedBodies } from './deep-bodies';
import { InputTooDeepException } from './validation';

describe('refuseDeeplyNestedBodies', () => {
  async function server() {
    const fastify = Fastify();
    const reached: unknown[] = [];
    refuseDeeplyNestedBodies(fastify);
    fastify.setErrorHandler((error, _request, reply) => void reply.status(400).send({ refused: error instanceof InputTooDeepException }));
    fastify.post('/echo', async (request) => {
      reached.push(request.body);
      return { ok: true };
    });
    await fastify.ready();
    return { fastify, reached };
  }
  const post = (fastify: Awaited<ReturnType<typeof server>>['fastify'], payload: string) =>
    fastify.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload });

  it('refuses a body nested thousands of levels deep before the handler sees it', async () => {
    const { fastify, reached } = await server();
    const res = await post(fastify, '['.repeat(5000) + ']'.repeat(5000));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ refused: true });
    expect(reached).toEqual([]);
    await fastify.close();
  });

  it('lets ordinary bodies through', async () => {
    const { fastify, reached } = await server();
    const res = await post(fastify, JSON.stringify({ target: { type: 'objective', id: 'x' }, answers: [{ score: 3 }] }));
    expect(res.json()).toEqual({ ok: true });
    expect(reached).toHaveLength(1);
    await fastify.close();
  });
});
