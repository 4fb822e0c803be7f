import type { Socket } from 'socket.io';
import type { AuthUser } from '../auth/current-user';

/**
 * Turns the access token a socket presents at the handshake into its user, or throws. Declared here
 * so that every gateway can authenticate without importing identity; identity provides it.
 */
export abstract class SocketAuthenticator {
  abstract authenticate(token: string): Promise<AuthUser>;
}

/** Authenticates a socket at the handshake (`auth: { token }`, docs/api.md "Realtime"), before any event. */
export function socketAuthMiddleware(authenticator: SocketAuthenticator) {
  return async (socket: Socket, next: (error?: Error) => void) => {
    try {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      if (typeof token !== 'string') throw new Error('missing token');
      (socket.data as { user: AuthUser }).user = await authenticator.authenticate(token);
      next();
    } catch {
      next(new Error('unauthorized'));
    }
  };
}
