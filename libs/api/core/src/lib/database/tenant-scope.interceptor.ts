import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import type { AuthUser } from '../auth/current-user';
import { runAsTenant } from './tenant-session';

/**
 * Every HTTP handler runs in its caller's tenant scope (after the guards, which authenticate): its
 * queries see the rows of the caller's alliances only. A public route runs with no caller, seeing
 * no tenant row at all. The request's own scope (`scopeRequestsByTenant`) normally holds the same
 * caller already; this one does not depend on the hooks being installed.
 */
@Injectable()
export class TenantScopeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    return new Observable((subscriber) => runAsTenant(user?.id ?? null, () => next.handle().subscribe(subscriber)));
  }
}
