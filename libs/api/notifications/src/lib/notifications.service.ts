import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Notification, NotificationsPage, NotificationType } from '@alliances/shared/contracts';
import { EventEmitter } from 'node:events';
import { EntityManager, Repository } from 'typeorm';
import { APP_CONFIG, decodeCursor, MailService, ScheduledJobs, type AppConfig, encodeCursor, returnedRows } from '@alliances/api/core';
import { AlliancesReader } from '@alliances/api/alliances';
import { UsersReader } from '@alliances/api/identity';
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
  fr: {
    subject: (n: number) => `Alliances : ${n} nouveauté${n > 1 ? 's' : ''}`,
    intro: 'Voici ce qui s’est passé dans vos alliances :',
    open: 'Tout voir',
    types: {
      mention: 'vous a mentionné·e',
      reply: 'a répondu à votre fil',
      charter_version_proposed: 'a proposé une version de la charte',
      signature_awaited: 'attend votre signature',
      evaluation_launched: 'a lancé une évaluation',
      proposal_received: 'propose une alliance à votre organisation',
      proposal_accepted: 'a accepté une proposition d’alliance',
      proposal_declined: 'a décliné une proposition d’alliance',
      introduction_received: 'vous met en relation avec une organisation',
    },
  },
  en: {
    subject: (n: number) => `Alliances: ${n} new item${n > 1 ? 's' : ''}`,
    intro: 'Here is what happened in your alliances:',
    open: 'See everything',
    types: {
      mention: 'mentioned you',
      reply: 'replied to your thread',
      charter_version_proposed: 'proposed a charter version',
      signature_awaited: 'awaits your signature',
      evaluation_launched: 'launched an evaluation',
      proposal_received: 'proposes an alliance to your organisation',
      proposal_accepted: 'accepted an alliance proposal',
      proposal_declined: 'declined an alliance proposal',
      introduction_received: 'introduces you to an organisation',
    },
  },
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
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
    private readonly users: UsersReader,
    private readonly alliances: AlliancesReader,
    private readonly mail: MailService,
    private readonly jobs: ScheduledJobs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Each run mails those whose last digest is older than DIGEST_INTERVAL_MS.
    this.jobs.define({ name: 'notification_digests', run: async () => ({ mailed: await this.sendDigests() }) });
  }

  /** Writes the notifications (in the caller's transaction when given); the count is pushed after commit. */
  async notify(input: NotifyInput, manager: EntityManager = this.notifications.manager): Promise<string[]> {
    const userIds = [...new Set(input.userIds)].filter((id) => id !== input.actorId);
    if (!userIds.length) return [];
    await manager.insert(
      NotificationEntity,
      userIds.map((userId) => ({
        userId,
        type: input.type,
        allianceId: input.allianceId ?? null,
        commentId: input.commentId ?? null,
        actorId: input.actorId ?? null,
        excerpt: input.excerpt?.slice(0, 280) ?? null,
        link: input.link,
      })),
    );
    return userIds;
  }

  /** Call after the transaction that notified has committed. */
  changed(userIds: string[]): void {
    if (userIds.length) this.events.emit('unread', userIds);
  }

  async unread(userId: string): Promise<number> {
    const rows: { n: number }[] = await this.notifications.query(
      'SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    );
    return rows[0].n;
  }

  async list(userId: string, limit = 50, cursor?: string): Promise<NotificationsPage> {
    let after: { at: string; id: string } | undefined;
    if (cursor) {
      after = decodeCursor(cursor);
    }
    const rows: {
      id: string;
      type: Notification['type'];
      alliance_id: string | null;
      comment_id: string | null;
      actor_id: string | null;
      excerpt: string | null;
      link: string;
      created_at: Date;
      read_at: Date | null;
    }[] = await this.notifications.query(
      `SELECT n.id, n.type, n.alliance_id, n.comment_id, n.actor_id, n.excerpt, n.link, n.created_at, n.read_at
           FROM notifications n
          WHERE n.user_id = $1 ${after ? 'AND (n.created_at, n.id) < ($3::timestamptz, $4::uuid)' : ''}
          ORDER BY n.created_at DESC, n.id DESC LIMIT $2`,
      after ? [userId, limit + 1, after.at, after.id] : [userId, limit + 1],
    );
    const shown = rows.slice(0, limit);
    const [allianceNames, actorNames, unread] = await Promise.all([
      this.alliances.names(shown.map((r) => r.alliance_id)),
      this.users.displayNames(shown.map((r) => r.actor_id)),
      this.unread(userId),
    ]);
    const items = shown.map((r) => ({
      id: r.id,
      type: r.type,
      allianceId: r.alliance_id,
      allianceName: (r.alliance_id && allianceNames.get(r.alliance_id)) ?? null,
      commentId: r.comment_id,
      actorName: (r.actor_id && actorNames.get(r.actor_id)) || null,
      excerpt: r.excerpt,
      link: r.link,
      createdAt: new Date(r.created_at).toISOString(),
      readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
    }));
    const last = rows[limit - 1];
    return { items, unread, nextCursor: rows.length > limit && last ? encodeCursor(new Date(last.created_at), last.id) : null };
  }

  async markRead(userId: string, ids?: string[]): Promise<number> {
    if (ids?.length)
      await this.notifications.query(
        'UPDATE notifications SET read_at = now() WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL',
        [userId, ids],
      );
    else await this.notifications.query('UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL', [userId]);
    this.changed([userId]);
    return this.unread(userId);
  }

  /** One mail per person with unread, unmailed notifications, at most once per digest interval. */
  async sendDigests(): Promise<number> {
    const interval = `${this.config.digestIntervalMs} milliseconds`;
    const waiting: { user_id: string }[] = await this.notifications.query(
      'SELECT DISTINCT user_id FROM notifications WHERE read_at IS NULL AND mailed_at IS NULL',
    );
    // Claim the recipients atomically (identity stamps their last digest), so two instances never send the same digest.
    const users = await this.users.claimDigest(
      waiting.map((w) => w.user_id),
      interval,
    );
    if (!users.length) return 0;
    // The names the digests show, read once for every claimed recipient rather than once per mail.
    const shown: { actor_id: string | null; alliance_id: string | null }[] = await this.notifications.query(
      'SELECT DISTINCT actor_id, alliance_id FROM notifications WHERE user_id = ANY($1::uuid[]) AND read_at IS NULL AND mailed_at IS NULL',
      [users.map((u) => u.id)],
    );
    const [actorNames, allianceNames] = await Promise.all([
      this.users.displayNames(shown.map((r) => r.actor_id)),
      this.alliances.names(shown.map((r) => r.alliance_id)),
    ]);
    for (const user of users) {
      const marked: {
        id: string;
        type: Notification['type'];
        actor_id: string | null;
        alliance_id: string | null;
        excerpt: string | null;
        link: string;
      }[] = await this.notifications
        .query(
          `UPDATE notifications n SET mailed_at = now()
          WHERE n.user_id = $1 AND n.read_at IS NULL AND n.mailed_at IS NULL
          RETURNING n.id, n.type, n.actor_id, n.alliance_id, n.excerpt, n.link`,
          [user.id],
        )
        .then((r: unknown) => returnedRows(r) as never);
      // A notification that arrived since the names were read brings its own.
      const [lateActors, lateAlliances] = await Promise.all([
        this.users.displayNames(marked.filter((i) => i.actor_id && !actorNames.has(i.actor_id)).map((i) => i.actor_id)),
        this.alliances.names(marked.filter((i) => i.alliance_id && !allianceNames.has(i.alliance_id)).map((i) => i.alliance_id)),
      ]);
      const items = marked.map((i) => ({
        ...i,
        actor: (i.actor_id && (actorNames.get(i.actor_id) ?? lateActors.get(i.actor_id))) ?? null,
        alliance: (i.alliance_id && (allianceNames.get(i.alliance_id) ?? lateAlliances.get(i.alliance_id))) ?? null,
      }));
      if (!items.length) continue;
      const t = DIGEST[user.locale === 'en' ? 'en' : 'fr'];
      const lines = items.map(
        (i) =>
          `- ${i.actor ?? 'Alliances'} ${t.types[i.type]}${i.alliance ? ` (${i.alliance})` : ''}${i.excerpt ? ` : « ${i.excerpt} »` : ''}\n  ${this.config.publicUrl}${i.link}`,
      );
      await this.mail.send({
        to: user.email,
        subject: t.subject(items.length),
        text: `${t.intro}\n\n${lines.join('\n')}\n\n${t.open} : ${this.config.publicUrl}/notifications\n`,
      });
    }
    return users.length;
  }
}
