import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { MailCadence, Notification, NotificationsPage, NotificationType } from '@alliances/shared/contracts';
import { EventEmitter } from 'node:events';
import { EntityManager, Repository } from 'typeorm';
import {
  APP_CONFIG,
  decodeCursor,
  MailService,
  runAsSystem,
  ScheduledJobs,
  type AppConfig,
  encodeCursor,
  returnedRows,
} from '@alliances/api/core';
import { AlliancesReader } from '@alliances/api/alliances';
import { UsersReader } from '@alliances/api/identity';
import { NotificationEntity } from './notification.entity';
import { NotificationPreferencesService } from './notification-preferences.service';

export interface NotifyInput {
  userIds: string[];
  type: NotificationType;
  allianceId?: string | null;
  commentId?: string | null;
  actorId?: string | null;
  excerpt?: string | null;
  link: string;
  /** A scheduled reminder's object (`kind` + this id): notified once ever, whatever the runs. */
  onceFor?: string;
  /** The calling domain mails its own message at once to those who chose `immediate` (`immediateRecipients`); digests still take it for the others. */
  mailedByCaller?: boolean;
}

/** Digest cadences and how long each waits between two digests to one person. */
const DIGEST_EVERY: Record<'daily' | 'weekly', string> = { daily: '1 day', weekly: '7 days' };

interface MailedItem {
  id: string;
  type: NotificationType;
  actor_id: string | null;
  alliance_id: string | null;
  excerpt: string | null;
  link: string;
}

const DIGEST = {
  fr: {
    subject: (n: number) => `Alliances : ${n} nouveauté${n > 1 ? 's' : ''}`,
    daily: (n: number) => `Alliances : votre résumé du jour (${n})`,
    weekly: (n: number) => `Alliances : votre résumé de la semaine (${n})`,
    intro: 'Voici ce qui s’est passé dans vos alliances :',
    open: 'Tout voir',
    settings: 'Choisir ce que vous recevez',
    unsubscribe: 'Ne plus recevoir ces e-mails',
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
      indicator_at_risk: 'Un indicateur est à risque ou hors trajectoire',
      report_due: 'Un rapport de financement est attendu dans 7 jours',
      charter_in_force: 'La charte est en vigueur : tous les partenaires l’ont signée',
      evaluation_closing: 'Une évaluation à laquelle vous n’avez pas répondu se clôt bientôt',
      action_due: 'Une action de votre organisation arrive à échéance',
      meeting_scheduled: 'a programmé une réunion à laquelle votre organisation est invitée',
    },
  },
  en: {
    subject: (n: number) => `Alliances: ${n} new item${n > 1 ? 's' : ''}`,
    daily: (n: number) => `Alliances: your daily digest (${n})`,
    weekly: (n: number) => `Alliances: your weekly digest (${n})`,
    intro: 'Here is what happened in your alliances:',
    open: 'See everything',
    settings: 'Choose what you receive',
    unsubscribe: 'Stop these emails',
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
      indicator_at_risk: 'An indicator is at risk or off track',
      report_due: 'A grant report is due in 7 days',
      charter_in_force: 'The charter is in force: every partner signed it',
      evaluation_closing: 'An evaluation you have not answered closes soon',
      action_due: 'An action of your organisation is due',
      meeting_scheduled: 'scheduled a meeting your organisation is invited to',
    },
  },
} as const;

/** Kinds the platform raises itself: their line is a sentence, with no one as its subject. */
const WITHOUT_ACTOR: readonly NotificationType[] = [
  'indicator_at_risk',
  'report_due',
  'charter_in_force',
  'evaluation_closing',
  'action_due',
];

/**
 * In-app notifications with a live unread count, and their mails as each person chose per kind
 * (docs/decisions/0021-notification-preferences.md): at once, in a daily or a weekly digest, or never.
 * The notifications table is the outbox: a mail goes only for a committed row, claimed atomically.
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  private readonly logger = new Logger('Notifications');
  /** Emits `unread` with the user ids whose count changed; the realtime layer pushes the new counts. */
  readonly events = new EventEmitter();

  constructor(
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
    private readonly users: UsersReader,
    private readonly alliances: AlliancesReader,
    private readonly mail: MailService,
    private readonly jobs: ScheduledJobs,
    private readonly preferences: NotificationPreferencesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Each run mails what waits: immediate ones, and the daily and weekly digests that are due.
    this.jobs.define({ name: 'notification_digests', run: async () => ({ mailed: await this.sendMails() }) });
  }

  /**
   * Writes the notifications (in the caller's transaction when given) as each person chose for this
   * kind: hidden from the app when in-app is off, nothing at all when mail is off too. Returns who
   * was notified; call `changed` with them after commit (live count, immediate mails).
   */
  async notify(input: NotifyInput, manager: EntityManager = this.notifications.manager): Promise<string[]> {
    const userIds = [...new Set(input.userIds)].filter((id) => id !== input.actorId);
    if (!userIds.length) return [];
    if (input.onceFor) {
      const claimed = returnedRows(
        await manager.query('INSERT INTO notification_reminders (kind, object_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING kind', [
          input.type,
          input.onceFor,
        ]),
      );
      if (!claimed.length) return [];
    }
    const preferences = await this.preferences.ofUsers(userIds, manager);
    const rows = userIds
      .map((userId) => ({ userId, channels: preferences.get(userId)?.[input.type] }))
      .filter((r) => r.channels && (r.channels.inApp || r.channels.mail !== 'off'))
      .map(({ userId, channels }) => ({
        userId,
        type: input.type,
        allianceId: input.allianceId ?? null,
        commentId: input.commentId ?? null,
        actorId: input.actorId ?? null,
        excerpt: input.excerpt?.slice(0, 280) ?? null,
        link: input.link,
        inApp: !!channels?.inApp,
        // Mail off, or mailed at once by the caller: the row is born mailed, so no digest takes it.
        mailedAt: channels?.mail === 'off' || (input.mailedByCaller && channels?.mail === 'immediate') ? new Date() : null,
      }));
    if (!rows.length) return [];
    await manager.insert(NotificationEntity, rows);
    return rows.map((r) => r.userId);
  }

  /** Call after the transaction that notified has committed: pushes the counts and sends the immediate mails. */
  changed(userIds: string[]): void {
    if (!userIds.length) return;
    this.events.emit('unread', userIds);
    // Outside the request's tenant scope, as the scheduled run would; the run catches up on any failure.
    void runAsSystem(() => this.sendMails([...new Set(userIds)], ['immediate'])).catch((e: Error) =>
      this.logger.warn(`immediate notification mail failed: ${e.message}`),
    );
  }

  /** Who among `userIds` wants this kind mailed at once: a domain that mails itself sends only to them. */
  async immediateRecipients(userIds: string[], type: NotificationType): Promise<Set<string>> {
    const preferences = await this.preferences.ofUsers([...new Set(userIds)]);
    return new Set([...preferences].filter(([, p]) => p[type].mail === 'immediate').map(([id]) => id));
  }

  /** The one-click unsubscribe headers of a notification mail a domain sends itself. */
  unsubscribeHeaders(userId: string, type: NotificationType): Record<string, string> {
    return this.preferences.unsubscribeHeaders(userId, type);
  }

  /** The lines every notification mail ends with (preferences page, unsubscribe link), for a mail a domain sends itself. */
  mailFooter(userId: string, type: NotificationType, locale: string | null | undefined): string {
    const t = DIGEST[locale === 'en' ? 'en' : 'fr'];
    return `\n--\n${t.settings} : ${this.config.publicUrl}/account/notifications\n${t.unsubscribe} : ${this.preferences.unsubscribeUrl(userId, type)}\n`;
  }

  async unread(userId: string): Promise<number> {
    const rows: { n: number }[] = await this.notifications.query(
      'SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL AND in_app',
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
          WHERE n.user_id = $1 AND n.in_app ${after ? 'AND (n.created_at, n.id) < ($3::timestamptz, $4::uuid)' : ''}
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
        'UPDATE notifications SET read_at = now() WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL AND in_app',
        [userId, ids],
      );
    else
      await this.notifications.query('UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND in_app', [
        userId,
      ]);
    this.changed([userId]);
    return this.unread(userId);
  }

  /**
   * Mails what waits, by each person's current choice per kind: immediate ones at once, daily and
   * weekly ones when that person's digest is due (at most one of each a day / a week; the first one a
   * period after the first waiting item). A notification read in the app meanwhile is not mailed.
   * Returns how many mails went.
   */
  async sendMails(onlyUserIds?: string[], cadences: MailCadence[] = ['immediate', 'daily', 'weekly', 'off']): Promise<number> {
    const waiting: { id: string; user_id: string; type: NotificationType }[] = await this.notifications.query(
      `SELECT id, user_id, type FROM notifications WHERE mailed_at IS NULL AND read_at IS NULL ${onlyUserIds ? 'AND user_id = ANY($1::uuid[])' : ''}`,
      onlyUserIds ? [onlyUserIds] : [],
    );
    if (!waiting.length) return 0;
    const userIds = [...new Set(waiting.map((w) => w.user_id))];
    const [preferences, people] = await Promise.all([this.preferences.ofUsers(userIds), this.users.contacts(userIds)]);
    let mailed = 0;
    for (const userId of userIds) {
      const person = people.get(userId);
      const choice = preferences.get(userId);
      const mine = waiting.filter((w) => w.user_id === userId);
      const by = (cadence: MailCadence) =>
        mine.filter((w) => (person && !person.deletedAt ? choice?.[w.type].mail : 'off') === cadence).map((w) => w.id);
      if (cadences.includes('off')) await this.claim(by('off'));
      if (!person || person.deletedAt) continue;
      for (const cadence of ['immediate', 'daily', 'weekly'] as const) {
        const ids = by(cadence);
        if (!ids.length || !cadences.includes(cadence)) continue;
        if (cadence !== 'immediate' && !(await this.digestDue(userId, cadence))) continue;
        const items = await this.claim(ids);
        if (!items.length) continue;
        await this.mailItems(person, items, cadence);
        mailed++;
      }
    }
    return mailed;
  }

  /** Marks these notifications mailed, unless another run did first; returns those this run took. */
  private async claim(ids: string[]): Promise<MailedItem[]> {
    if (!ids.length) return [];
    return returnedRows(
      await this.notifications.query(
        `UPDATE notifications SET mailed_at = now() WHERE id = ANY($1::uuid[]) AND mailed_at IS NULL AND read_at IS NULL
         RETURNING id, type, actor_id, alliance_id, excerpt, link`,
        [ids],
      ),
    ) as MailedItem[];
  }

  /**
   * Takes this person's daily or weekly turn: true when the last digest of that cadence is a period
   * old. The first time only starts the clock. One statement with the row locked, so two instances
   * never both take the same turn.
   */
  private async digestDue(userId: string, cadence: 'daily' | 'weekly'): Promise<boolean> {
    const column = cadence === 'daily' ? 'daily_at' : 'weekly_at';
    await this.notifications.query('INSERT INTO notification_digest_times (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING', [
      userId,
    ]);
    const taken: { previous: Date | null }[] = returnedRows(
      await this.notifications.query(
        `UPDATE notification_digest_times t SET ${column} = now()
           FROM (SELECT ${column} AS previous FROM notification_digest_times WHERE user_id = $1 FOR UPDATE) o
          WHERE t.user_id = $1 AND (t.${column} IS NULL OR t.${column} <= now() - $2::interval)
          RETURNING o.previous`,
        [userId, DIGEST_EVERY[cadence]],
      ),
    ) as never;
    return taken.length > 0 && taken[0].previous !== null;
  }

  private async mailItems(
    person: { id: string; email: string; locale: string },
    marked: MailedItem[],
    cadence: 'immediate' | 'daily' | 'weekly',
  ): Promise<void> {
    const [actors, alliances] = await Promise.all([
      this.users.displayNames(marked.map((i) => i.actor_id)),
      this.alliances.names(marked.map((i) => i.alliance_id)),
    ]);
    const t = DIGEST[person.locale === 'en' ? 'en' : 'fr'];
    const lines = marked.map((i) => {
      const actor = i.actor_id ? actors.get(i.actor_id) : undefined;
      const what = WITHOUT_ACTOR.includes(i.type) ? t.types[i.type] : `${actor ?? 'Alliances'} ${t.types[i.type]}`;
      const alliance = i.alliance_id ? alliances.get(i.alliance_id) : undefined;
      return `- ${what}${alliance ? ` (${alliance})` : ''}${i.excerpt ? ` : « ${i.excerpt} »` : ''}\n  ${this.config.publicUrl}${i.link}`;
    });
    const kinds = [...new Set(marked.map((i) => i.type))];
    // One kind: its link turns that kind off; a mail of several kinds: every notification mail.
    const scope = kinds.length === 1 ? kinds[0] : 'all';
    const unsubscribe = this.preferences.unsubscribeUrl(person.id, scope);
    const subject = cadence === 'immediate' ? t.subject(marked.length) : t[cadence](marked.length);
    await this.mail.send({
      to: person.email,
      subject,
      text:
        `${t.intro}\n\n${lines.join('\n')}\n\n${t.open} : ${this.config.publicUrl}/notifications\n` +
        `${t.settings} : ${this.config.publicUrl}/account/notifications\n${t.unsubscribe} : ${unsubscribe}\n`,
      headers: this.preferences.unsubscribeHeaders(person.id, scope),
    });
  }
}
