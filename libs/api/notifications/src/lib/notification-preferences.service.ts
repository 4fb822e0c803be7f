import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  defaultChannels,
  NOTIFICATION_KINDS,
  type MailCadence,
  type NotificationChannels,
  type NotificationPreferences,
  type NotificationType,
} from '@alliances/shared/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, DomainException, type AppConfig } from '@alliances/api/core';
import { UsersReader } from '@alliances/api/identity';
import { readUnsubscribeToken, unsubscribeKey, unsubscribeToken, type UnsubscribeScope } from './unsubscribe-token';

interface PreferenceRow {
  user_id: string;
  kind: NotificationType;
  in_app: boolean;
  mail: MailCadence;
}

/**
 * Each person's channels per kind of notification (docs/decisions/0021-notification-preferences.md):
 * a row only for what they changed, the defaults of `defaultChannels` otherwise. Also signs and checks
 * the one-click unsubscribe links of notification mails (RFC 8058), which work without signing in.
 */
@Injectable()
export class NotificationPreferencesService {
  private readonly key: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersReader,
  ) {
    this.key = unsubscribeKey(config.jwtSecret);
  }

  /** Every kind with its effective channels. */
  async of(userId: string): Promise<NotificationPreferences> {
    return (await this.ofUsers([userId])).get(userId) as NotificationPreferences;
  }

  /** The effective channels of several people, in one statement. */
  async ofUsers(userIds: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, NotificationPreferences>> {
    const rows: PreferenceRow[] = userIds.length
      ? await manager.query('SELECT user_id, kind, in_app, mail FROM notification_preferences WHERE user_id = ANY($1::uuid[])', [userIds])
      : [];
    const result = new Map<string, NotificationPreferences>();
    for (const id of userIds) result.set(id, defaults());
    for (const row of rows) {
      const prefs = result.get(row.user_id);
      if (prefs && row.kind in prefs) prefs[row.kind] = { inApp: row.in_app, mail: row.mail };
    }
    return result;
  }

  /** Changes the given kinds (each field optional); returns every kind's effective channels. */
  async update(
    userId: string,
    changes: Partial<Record<NotificationType, Partial<NotificationChannels>>>,
  ): Promise<NotificationPreferences> {
    await this.dataSource.transaction(async (manager) => {
      const current = (await this.ofUsers([userId], manager)).get(userId) as NotificationPreferences;
      for (const kind of NOTIFICATION_KINDS) {
        const change = changes[kind];
        if (!change) continue;
        const next = { inApp: change.inApp ?? current[kind].inApp, mail: change.mail ?? current[kind].mail };
        await this.save(userId, kind, next, manager);
      }
    });
    return this.of(userId);
  }

  /** The one-click unsubscribe: mail off for `scope`, in-app kept as it was. */
  async unsubscribe(token: string): Promise<{ userId: string; scope: UnsubscribeScope }> {
    const { userId, scope } = this.verify(token);
    // A person erased since the mail: nothing left to turn off.
    if (!(await this.users.contacts([userId])).has(userId)) return { userId, scope };
    await this.dataSource.transaction(async (manager) => {
      const current = (await this.ofUsers([userId], manager)).get(userId) as NotificationPreferences;
      for (const kind of scope === 'all' ? NOTIFICATION_KINDS : [scope])
        await this.save(userId, kind, { inApp: current[kind].inApp, mail: 'off' }, manager);
    });
    return { userId, scope };
  }

  token(userId: string, scope: UnsubscribeScope): string {
    return unsubscribeToken(this.key, userId, scope);
  }

  unsubscribeUrl(userId: string, scope: UnsubscribeScope): string {
    return `${this.config.publicUrl}/api/notifications/unsubscribe?token=${encodeURIComponent(this.token(userId, scope))}`;
  }

  /** The RFC 8058 headers every notification mail carries. */
  unsubscribeHeaders(userId: string, scope: UnsubscribeScope): Record<string, string> {
    return { 'List-Unsubscribe': `<${this.unsubscribeUrl(userId, scope)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
  }

  /** The person and scope of a link; 400 for a token this platform did not sign. */
  verify(token: string | undefined): { userId: string; scope: UnsubscribeScope } {
    const read = readUnsubscribeToken(this.key, token);
    if (!read) throw new DomainException('notifications.unsubscribe_invalid', 'This unsubscribe link is not valid');
    return read;
  }

  private save(userId: string, kind: NotificationType, channels: NotificationChannels, manager: EntityManager): Promise<unknown> {
    return manager.query(
      `INSERT INTO notification_preferences (user_id, kind, in_app, mail) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, kind) DO UPDATE SET in_app = EXCLUDED.in_app, mail = EXCLUDED.mail, updated_at = now()`,
      [userId, kind, channels.inApp, channels.mail],
    );
  }
}

function defaults(): NotificationPreferences {
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, defaultChannels(kind)])) as NotificationPreferences;
}
