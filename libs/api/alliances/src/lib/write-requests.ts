import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { Observable } from 'rxjs';

/**
 * Whether the current HTTP request changes something (any method but GET, HEAD and OPTIONS), so the
 * alliance policy can refuse every write to a closed alliance in one place, whatever domain serves it
 * (docs/decisions/0020-leaving-and-closing.md). Sockets and system paths (jobs) are not HTTP writes.
 */
const writes = new AsyncLocalStorage<boolean>();
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isWriteRequest(): boolean {
  return writes.getStore() === true;
}

/** Runs `fn` as an HTTP write (tests, or a path that is not a controller). */
export function runAsWriteRequest<T>(fn: () => T): T {
  return writes.run(true, fn);
}

/** Runs `fn` as a read within a write: e.g. answering the alliance just closed by this request. */
export function runAsRead<T>(fn: () => T): T {
  return writes.run(false, fn);
}

@Injectable()
export class WriteRequestInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const method = context.switchToHttp().getRequest<{ method?: string }>().method?.toUpperCase() ?? 'GET';
    const write = !READS.has(method);
    return new Observable((subscriber) => writes.run(write, () => next.handle().subscribe(subscriber)));
  }
}
