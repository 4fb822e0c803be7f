import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';

export interface LogOutput {
  /** LOG_FORMAT, when set. */
  requested: 'json' | 'pretty' | undefined;
  /** Whether standard output is a terminal. */
  tty: boolean;
  /** Whether pino-pretty can be loaded (a development dependency: a production install leaves it out). */
  prettyAvailable: () => boolean;
}

/**
 * Readable lines for a person at a terminal, JSON lines for everything else (a pipe, a file, a log
 * collector), LOG_FORMAT deciding when set. Without pino-pretty, JSON rather than a failed start.
 */
export function logFormat({ requested, tty, prettyAvailable }: LogOutput): 'json' | 'pretty' {
  if (requested === 'json' || (requested === undefined && !tty)) return 'json';
  return prettyAvailable() ? 'pretty' : 'json';
}

/** Whether pino-pretty resolves from the running program, as pino will look for it. */
export function pinoPrettyInstalled(from = process.argv[1] ?? join(process.cwd(), 'index.js')): boolean {
  try {
    createRequire(from).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/**
 * A request's address as it may be logged: secrets carried in addresses (the calendar feed's token,
 * `?token=` of one-click unsubscribe links and the like) are replaced, so logs never hold a credential.
 */
export function redactUrl(url: string): string {
  return url.replace(/^(\/api\/calendar\/)[^/?#]+/, '$1[redacted]').replace(/([?&](?:token|code|state)=)[^&#]*/gi, '$1[redacted]');
}

/** Structured logs (JSON, or readable lines in a terminal: `logFormat`), a request id on every line. */
export function loggerOptions(
  config: AppConfig,
  output: LogOutput = { requested: config.logFormat, tty: !!process.stdout.isTTY, prettyAvailable: pinoPrettyInstalled },
): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      // Fastify assigns the id (see `genRequestId`); reuse it so every line of a request carries it.
      genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? 'unknown',
      customProps: (req: IncomingMessage) => ({ requestId: (req as IncomingMessage & { id?: string }).id }),
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
      transport: logFormat(output) === 'pretty' ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
    },
    // Nest 11 routes use path-to-regexp 8: the legacy '*' default of nestjs-pino 4 logs a warning.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
  };
}
