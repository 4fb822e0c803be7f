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
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, DomainException, type AppConfig } from '@alliances/api/core';
import { UsersReader } from '@alliances/api/identity';

/** What an unsubscribe link turns off: one kind, or every notification mail. */
export type UnsubscribeScope = NotificationType | 'all';

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
    // A key of its own derived from the JWT secret: an unsubscribe token is no access token.
    this.key = createHmac('sha256', config.jwtSecret).update('notification-unsubscribe').digest();
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

  /** `<userId>.<kind|all>.<signature>`: verifiable, not guessable, no expiry. */
  token(userId: string, scope: UnsubscribeScope): string {
    return `${userId}.${scope}.${this.sign(`${userId}.${scope}`)}`;
  }

  unsubscribeUrl(userId: string, scope: UnsubscribeScope): string {
    return `${this.config.publicUrl}/api/notifications/unsubscribe?token=${encodeURIComponent(this.token(userId, scope))}`;
  }

  /** The RFC 8058 headers every notification mail carries. */
  unsubscribeHeaders(userId: string, scope: UnsubscribeScope): Record<string, string> {
    return { 'List-Unsubscribe': `<${this.unsubscribeUrl(userId, scope)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
  }

  verify(token: string | undefined): { userId: string; scope: UnsubscribeScope } {
    const invalid = () => new DomainException('notifications.unsubscribe_invalid', 'This unsubscribe link is not valid');
    const parts = (token ?? '').split('.');
    if (parts.length !== 3) throw invalid();
    const [userId, scope, signature] = parts;
    const expected = Buffer.from(this.sign(`${userId}.${scope}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
    if (scope !== 'all' && !(NOTIFICATION_KINDS as readonly string[]).includes(scope)) throw invalid();
    return { userId, scope: scope as UnsubscribeScope };
  }

  private sign(value: string): string {
    return createHmac('sha256', this.key).update(value).digest('base64url');
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
