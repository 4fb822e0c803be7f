import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainException, IS_PUBLIC, NotFoundDomainException } from '@alliances/api/core';

/** Registered globally: every route needs a valid access token unless it is marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    return isPublic ? true : super.canActivate(context);
  }

  /**
   * A missing, expired or forged token answers the catalogue's `auth.unauthenticated` (401): passport
   * reports those as a failure, with no error. An error is something else going wrong while the token is
   * checked (the database away while the account is reloaded): it goes to the exception filter as it is,
   * which answers 503 for an outage, never a 401 that would sign the client out.
   */
  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error) throw error;
    if (!user) throw new DomainException('auth.unauthenticated', 'Unauthorized');
    return user;
  }
}

/** Platform administrators only; anyone else gets 404, as if the route did not exist for them. */
@Injectable()
export class PlatformAdminGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const user = context.switchToHttp().getRequest<{ user?: { isPlatformAdmin?: boolean } }>().user;
    if (!user?.isPlatformAdmin) throw new NotFoundDomainException('route');
    return true;
  }
}
