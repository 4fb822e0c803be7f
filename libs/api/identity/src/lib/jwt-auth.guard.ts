import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainException, IS_PUBLIC, NotFoundDomainException, type AuthUser } from '@alliances/api/core';

const DURING_TWO_FACTOR_SETUP = 'alliances:duringTwoFactorSetup';

/**
 * The routes a restricted session may use (CONTRACT.md "Accounts"): reading the account, setting up
 * two-step sign-in, signing out. Every other route answers 403 `auth.two_factor_setup_required` to an
 * access token that says a rule requires two-step sign-in and it is not set up.
 */
export const AllowedDuringTwoFactorSetup = (): MethodDecorator & ClassDecorator => SetMetadata(DURING_TWO_FACTOR_SETUP, true);

/** Registered globally: every route needs a valid access token unless it is marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const authenticated = (await super.canActivate(context)) as boolean;
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (user?.twoFactorSetupRequired && !this.reflector.getAllAndOverride<boolean>(DURING_TWO_FACTOR_SETUP, targets)) {
      throw new DomainException('auth.two_factor_setup_required', 'Set up two-step sign-in first');
    }
    return authenticated;
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
