import type { Server, Socket } from 'socket.io';
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
      const user = await authenticator.authenticate(token);
      (socket.data as { user: AuthUser }).user = user;
      // So that revoking the session can close its sockets on every instance (disconnectSessions).
      if (user.sessionId) await socket.join(sessionRoom(user.sessionId));
      next();
    } catch {
      next(new Error('unauthorized'));
    }
  };
}

const sessionRoom = (sessionId: string): string => `session:${sessionId}`;

/** The socket.io servers of this process (one in practice), registered by the adapter that creates them. */
const servers = new Set<Server>();
export function registerRealtimeServer(server: Server): void {
  servers.add(server);
}
export function unregisterRealtimeServer(server: Server): void {
  servers.delete(server);
}

/**
 * Closes the sockets opened with the access tokens of these sessions (revoked: sign-out, "sign out
 * the other devices", a password reset), on every instance through the fan-out adapter. A socket
 * checks its token at the handshake only; without this it would keep receiving events.
 */
export function disconnectSessions(sessionIds: readonly string[]): void {
  if (!sessionIds.length) return;
  const rooms = sessionIds.map(sessionRoom);
  try {
    for (const server of servers) for (const namespace of server._nsps.values()) namespace.in(rooms).disconnectSockets(true);
  } catch {
    // The revocation stands without it: the tokens are refused at the next handshake and request.
  }
}
