import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/** The authenticated caller, as the JWT strategy loaded it (fresh from the database on each request). */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  locale: 'fr' | 'en';
  isPlatformAdmin: boolean;
  /** The session (refresh-token family) the access token belongs to; absent in tokens minted before sessions existed. */
  sessionId?: string;
  /** A rule requires two-step sign-in and it is not set up: only setting it up is allowed. */
  twoFactorSetupRequired?: boolean;
}

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest<{ user: AuthUser }>().user;
});

/** The caller's IP for the audit log (honours TRUST_PROXY through Fastify's `request.ip`). */
export const ClientIp = createParamDecorator((_: unknown, context: ExecutionContext): string | null => {
  return context.switchToHttp().getRequest<{ ip?: string }>().ip ?? null;
});
