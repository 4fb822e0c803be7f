import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '../config/app-config';

/** Structured JSON logs (pretty in a terminal during development), a request id on every line. */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      // Fastify assigns the id (see `genRequestId`); reuse it so every line of a request carries it.
      genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? 'unknown',
      customProps: (req: IncomingMessage) => ({ requestId: (req as IncomingMessage & { id?: string }).id }),
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
      transport:
        !config.production && process.stdout.isTTY ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
    },
    // Nest 11 routes use path-to-regexp 8: the legacy '*' default of nestjs-pino 4 logs a warning.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
  };
}
