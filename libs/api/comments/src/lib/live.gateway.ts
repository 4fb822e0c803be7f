import { Logger, OnModuleInit } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { SocketAuthenticator, socketAuthMiddleware, type AuthUser } from '@alliances/api/core';
import { NotificationsService } from '@alliances/api/notifications';
import {
  COMMENT_TARGET_TYPES,
  type LiveClientToServerEvents,
  type LiveServerToClientEvents,
  type PresenceEntry,
} from '@alliances/shared/contracts';
import type { Namespace, Socket } from 'socket.io';
import { CommentPublisher } from './comment-publisher';
import { CommentsService } from './comments.service';

/** What the handshake middleware and the room handlers store on each socket. */
type LiveSocketData = { user: AuthUser; alliances?: Set<string> };
type LiveNamespace = Namespace<LiveClientToServerEvents, LiveServerToClientEvents, Record<string, never>, LiveSocketData>;
type LiveSocket = Socket<LiveClientToServerEvents, LiveServerToClientEvents, Record<string, never>, LiveSocketData>;
/** The comment events the outbox publishes (its `type` column). */
type CommentEventName = 'comment:created' | 'comment:updated' | 'comment:deleted' | 'comment:resolved';
const room = (allianceId: string) => `alliance:${allianceId}`;

/**
 * The live layer of the discussion (`/live`): authenticated at the handshake, rooms authorised per
 * alliance, comment events from the outbox, presence, typing, and the unread notification count.
 */
@WebSocketGateway({ namespace: '/live', serveClient: false })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnModuleInit {
  private readonly logger = new Logger('Live');
  @WebSocketServer() namespace!: LiveNamespace;

  constructor(
    private readonly comments: CommentsService,
    private readonly publisher: CommentPublisher,
    private readonly notifications: NotificationsService,
    private readonly authenticator: SocketAuthenticator,
  ) {}

  onModuleInit(): void {
    this.publisher.attach(
      (allianceId, type, comment) => this.namespace?.to(room(allianceId)).emit(type as CommentEventName, comment),
      (ids) => this.comments.byIds(ids),
    );
    this.notifications.events.on('unread', (userIds: string[]) => {
      for (const userId of userIds) {
        void this.notifications
          .unread(userId)
          .then((unread) => this.namespace?.to(`user:${userId}`).emit('notification:unread', { unread }));
      }
    });
  }

  afterInit(namespace: LiveNamespace): void {
    namespace.use(socketAuthMiddleware(this.authenticator));
  }

  handleConnection(socket: LiveSocket): void {
    const user = socket.data.user;
    socket.data.alliances = new Set();
    // Handlers first: a client may emit as soon as it is connected.
    void socket.join(`user:${user.id}`);
    void this.notifications.unread(user.id).then((unread) => socket.emit('notification:unread', { unread }));

    socket.on('alliance:join', async (request, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      const allianceId = typeof request?.allianceId === 'string' ? request.allianceId : '';
      try {
        await this.comments.access(user, allianceId);
        await socket.join(room(allianceId));
        socket.data.alliances?.add(allianceId);
        reply({ ok: true, lastSeq: await this.comments.lastSeq(allianceId) });
        await this.presence(allianceId);
      } catch {
        reply({ error: 'not_found' });
      }
    });

    socket.on('alliance:leave', async (request) => {
      const allianceId = typeof request?.allianceId === 'string' ? request.allianceId : '';
      if (!socket.data.alliances?.delete(allianceId)) return;
      await socket.leave(room(allianceId));
      await this.presence(allianceId);
    });

    socket.on('comment:typing', (event) => {
      if (
        !event ||
        !socket.data.alliances?.has(event.allianceId) ||
        !COMMENT_TARGET_TYPES.includes(event.target?.type) ||
        typeof event.target?.id !== 'string'
      )
        return;
      socket.volatile.to(room(event.allianceId)).emit('comment:typing', {
        allianceId: event.allianceId,
        target: { type: event.target.type, id: event.target.id.slice(0, 80) },
        user: { userId: user.id, displayName: user.displayName },
      });
    });

    socket.on('disconnect', () => {
      for (const allianceId of socket.data.alliances ?? []) void this.presence(allianceId).catch(() => undefined);
    });
  }

  /** Who is viewing the alliance, across every instance (fetchSockets goes through the adapter). */
  private async presence(allianceId: string): Promise<void> {
    const sockets = await this.namespace.in(room(allianceId)).fetchSockets();
    const viewers = new Map<string, PresenceEntry>();
    for (const s of sockets) {
      const u = s.data.user;
      if (u) viewers.set(u.id, { userId: u.id, displayName: u.displayName });
    }
    this.namespace
      .to(room(allianceId))
      .emit('presence', { allianceId, viewers: [...viewers.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr')) });
  }
}
