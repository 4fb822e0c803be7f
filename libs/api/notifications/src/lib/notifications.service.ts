import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Notification, NotificationsPage, NotificationType } from '@alliances/shared/contracts';
import { EventEmitter } from 'node:events';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, decodeCursor, MailService, ScheduledJobs, type AppConfig } from '@alliances/api/core';
import { NotificationEntity } from './notification.entity';

export interface NotifyInput {
  userIds: string[];
  type: NotificationType;
  allianceId?: string | null;
  commentId?: string | null;
  actorId?: string | null;
  excerpt?: string | null;
  link: string;
}

const DIGEST = {
  fr: { subject: (n: number) => `Alliances : ${n} nouveauté${n > 1 ? 's' : ''}`, intro: 'Voici ce qui s’est passé dans vos alliances :', open: 'Tout voir', types: { mention: 'vous a mentionné·e', reply: 'a répondu à votre fil', charter_version_proposed: 'a proposé une version de la charte', signature_awaited: 'attend votre signature', evaluation_launched: 'a lancé une évaluation' } },
  en: { subject: (n: number) => `Alliances: ${n} new item${n > 1 ? 's' : ''}`, intro: 'Here is what happened in your alliances:', open: 'See everything', types: { mention: 'mentioned you', reply: 'replied to your thread', charter_version_proposed: 'proposed a charter version', signature_awaited: 'awaits your signature', evaluation_launched: 'launched an evaluation' } },
} as const;

/**
 * In-app notifications (mentions, replies, charter events) with a live unread count, and mails
 * batched into a digest at most once an hour per person (a scheduled job).
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  /** Emits `unread` with the user ids whose count changed; the realtime layer pushes the new counts. */
  readonly events = new EventEmitter();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly jobs: ScheduledJobs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Each run mails those whose last digest is older than DIGEST_INTERVAL_MS.
    this.jobs.define({ name: 'notification_digests', run: async () => ({ mailed: await this.sendDigests() }) });
  }

  /** Writes the notifications (in the caller's transaction when given); the count is pushed after commit. */
  async notify(input: NotifyInput, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const userIds = [...new Set(input.userIds)].filter((id) => id !== input.actorId);
    if (!userIds.length) return [];
    await manager.insert(
      NotificationEntity,
      userIds.map((userId) => ({ userId, type: input.type, allianceId: input.allianceId ?? null, commentId: input.commentId ?? null, actorId: input.actorId ?? null, excerpt: input.excerpt?.slice(0, 280) ?? null, link: input.link })),
    );
    return userIds;
  }

  /** Call after the transaction that notified has committed. */
  changed(userIds: string[]): void {
    if (userIds.length) this.events.emit('unread', userIds);
  }

  async unread(userId: string): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [userId]);
    return rows[0].n;
  }

  async list(userId: string, limit = 50, cursor?: string): Promise<NotificationsPage> {
    let after: { at: string; id: string } | undefined;
    if (cursor) {
      after = decodeCursor(cursor);
    }
    const rows: { id: string; type: Notification['type']; alliance_id: string | null; alliance_name: string | null; comment_id: string | null; actor_name: string | null; excerpt: string | null; link: string; created_at: Date; read_at: Date | null }[] =
      await this.dataSource.query(
        `SELECT n.id, n.type, n.alliance_id, a.name AS alliance_name, n.comment_id, u.display_name AS actor_name, n.excerpt, n.link, n.created_at, n.read_at
           FROM notifications n LEFT JOIN alliances a ON a.id = n.alliance_id LEFT JOIN users u ON u.id = n.actor_id
          WHERE n.user_id = $1 ${after ? 'AND (n.created_at, n.id) < ($3::timestamptz, $4::uuid)' : ''}
          ORDER BY n.created_at DESC, n.id DESC LIMIT $2`,
        after ? [userId, limit + 1, after.at, after.id] : [userId, limit + 1],
      );
    const items = rows.slice(0, limit).map((r) => ({
      id: r.id,
      type: r.type,
      allianceId: r.alliance_id,
      allianceName: r.alliance_name,
      commentId: r.comment_id,
      actorName: r.actor_name || null,
      excerpt: r.excerpt,
      link: r.link,
      createdAt: new Date(r.created_at).toISOString(),
      readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
    }));
    const last = rows[limit - 1];
    return { items, unread: await this.unread(userId), nextCursor: rows.length > limit && last ? Buffer.from(`${new Date(last.created_at).toISOString()}|${last.id}`).toString('base64url') : null };
  }

  async markRead(userId: string, ids?: string[]): Promise<number> {
    if (ids?.length) await this.dataSource.query('UPDATE notifications SET read_at = now() WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL', [userId, ids]);
    else await this.dataSource.query('UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL', [userId]);
    this.changed([userId]);
    return this.unread(userId);
  }

  /** One mail per person with unread, unmailed notifications, at most once per digest interval. */
  async sendDigests(): Promise<number> {
    const interval = `${this.config.digestIntervalMs} milliseconds`;
    // Claim the recipients atomically, so two instances never send the same digest.
    const claimed = await this.dataSource.query(
      `UPDATE users u SET last_digest_at = now()
        WHERE u.deleted_at IS NULL AND u.disabled_at IS NULL
          AND (u.last_digest_at IS NULL OR u.last_digest_at <= now() - $1::interval)
          AND EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL AND n.mailed_at IS NULL)
        RETURNING u.id, u.email, u.locale`,
      [interval],
    );
    const users = (Array.isArray(claimed[0]) ? claimed[0] : claimed) as { id: string; email: string; locale: string }[];
    for (const user of users) {
      const items: { id: string; type: Notification['type']; actor: string | null; alliance: string | null; excerpt: string | null; link: string }[] = await this.dataSource.query(
        `UPDATE notifications n SET mailed_at = now() FROM notifications src
           LEFT JOIN users a ON a.id = src.actor_id LEFT JOIN alliances al ON al.id = src.alliance_id
          WHERE n.id = src.id AND n.user_id = $1 AND n.read_at IS NULL AND n.mailed_at IS NULL
          RETURNING n.id, n.type, a.display_name AS actor, al.name AS alliance, n.excerpt, n.link`,
        [user.id],
      ).then((r: unknown[]) => (Array.isArray(r[0]) ? r[0] : r) as never);
      if (!items.length) continue;
      const t = DIGEST[user.locale === 'en' ? 'en' : 'fr'];
      const lines = items.map((i) => `- ${i.actor ?? 'Alliances'} ${t.types[i.type]}${i.alliance ? ` (${i.alliance})` : ''}${i.excerpt ? ` : « ${i.excerpt} »` : ''}\n  ${this.config.publicUrl}${i.link}`);
      await this.mail.send({ to: user.email, subject: t.subject(items.length), text: `${t.intro}\n\n${lines.join('\n')}\n\n${t.open} : ${this.config.publicUrl}/notifications\n` });
    }
    return users.length;
  }
}
