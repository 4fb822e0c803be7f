import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { AlliancesDashboardReader } from '@alliances/api/alliances';
import { APP_CONFIG, AuditService, NotFoundDomainException, runAsTenant, type AppConfig, type AuthUser } from '@alliances/api/core';
import { UsersReader } from '@alliances/api/identity';
import { OrganisationsDashboardReader } from '@alliances/api/organisations';
import type { CalendarEntry } from '@alliances/shared/contracts';
import { calendarScope, mergeCalendarEntries } from './calendar-scope';
import { CALENDAR_SOURCES, type CalendarSource } from './calendar-source';
import { CalendarTokenEntity } from './calendar-token.entity';
import { toICalendar } from './icalendar';

/** 32 random bytes in base64url. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const CALENDAR_NAMES = { fr: 'Alliances — mon agenda', en: 'Alliances — my calendar' } as const;

export interface CalendarFeed {
  body: string;
  etag: string;
  lastModified: Date;
}

/**
 * The personal iCalendar feed (docs/decisions/0025-calendar-feed.md): one secret address per person,
 * regenerated or revoked from the account page, and the entries every domain's source gives for them.
 */
@Injectable()
export class CalendarService {
  private readonly key: Buffer;

  constructor(
    @InjectRepository(CalendarTokenEntity) private readonly tokens: Repository<CalendarTokenEntity>,
    @Inject(CALENDAR_SOURCES) private readonly sources: CalendarSource[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly organisations: OrganisationsDashboardReader,
    private readonly alliances: AlliancesDashboardReader,
    private readonly users: UsersReader,
    private readonly audit: AuditService,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', config.totpEncryptionKey ?? config.jwtSecret, 'alliances.calendar', 'calendar-token', 32));
  }

  /** The person's address, created on the first call. */
  async url(user: AuthUser, ip: string | null): Promise<string> {
    const existing = await this.tokens.findOne({ where: { userId: user.id } });
    if (existing) {
      try {
        return this.urlOf(this.unseal(existing.tokenSealed, user.id));
      } catch {
        // The key material changed (JWT_SECRET rotated): the address cannot be shown again, so a new one replaces it.
        return this.regenerate(user, ip);
      }
    }
    const token = randomBytes(32).toString('base64url');
    const inserted = await this.tokens
      .createQueryBuilder()
      .insert()
      .values({ userId: user.id, tokenHash: hashOf(token), tokenSealed: this.seal(token, user.id) })
      .orIgnore()
      .returning(['userId'])
      .execute();
    // Two first calls at once: the one that lost the race answers the winner's address.
    if (!inserted.raw.length) return this.url(user, ip);
    await this.audit.record({ actorId: user.id, action: 'calendar.token_created', objectType: 'user', objectId: user.id, ip });
    return this.urlOf(token);
  }

  /** A new address; the previous one answers 404 at once. */
  async regenerate(user: AuthUser, ip: string | null): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.tokens.upsert({ userId: user.id, tokenHash: hashOf(token), tokenSealed: this.seal(token, user.id) }, ['userId']);
    await this.audit.record({ actorId: user.id, action: 'calendar.token_regenerated', objectType: 'user', objectId: user.id, ip });
    return this.urlOf(token);
  }

  async revoke(user: AuthUser, ip: string | null): Promise<void> {
    const { affected } = await this.tokens.delete({ userId: user.id });
    if (affected)
      await this.audit.record({ actorId: user.id, action: 'calendar.token_revoked', objectType: 'user', objectId: user.id, ip });
  }

  /**
   * The feed behind a token. Looked up by its SHA-256 (an index probe: nothing to time); an unknown or
   * revoked token, or one of a disabled or deleted account, is not found.
   */
  async feed(token: string): Promise<CalendarFeed> {
    if (!TOKEN.test(token)) throw new NotFoundDomainException();
    const row = await this.tokens.findOne({ where: { tokenHash: hashOf(token) } });
    const person = row && (await this.users.usable(row.userId));
    if (!row || !person) throw new NotFoundDomainException();
    // A public request sees no tenant row (docs/decisions/0007): the token names the person.
    const entries = await runAsTenant(person.id, () => this.entries(person.id));
    const body = toICalendar(entries, {
      name: CALENDAR_NAMES[person.locale] ?? CALENDAR_NAMES.fr,
      publicUrl: this.config.publicUrl,
      locale: person.locale === 'en' ? 'en' : 'fr',
      now: row.createdAt,
    });
    const changes = entries.map((e) => (e.updatedAt ? Date.parse(e.updatedAt) : 0));
    const lastModified = new Date(Math.max(row.createdAt.getTime(), ...changes));
    lastModified.setUTCMilliseconds(0);
    return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`, lastModified };
  }

  /** How a person's calendar files are written: the name in their language, links from PUBLIC_URL. */
  icalOptions(user: Pick<AuthUser, 'locale'>): { name: string; publicUrl: string; locale: 'fr' | 'en' } {
    return {
      name: CALENDAR_NAMES[user.locale] ?? CALENDAR_NAMES.fr,
      publicUrl: this.config.publicUrl,
      locale: user.locale === 'en' ? 'en' : 'fr',
    };
  }

  /** Every source's entries for the person, from 90 days ago on, by start. */
  async entries(userId: string): Promise<CalendarEntry[]> {
    const memberships = await this.organisations.membershipsOf(userId);
    const scope = calendarScope(await this.alliances.seatedAlliances(memberships.map((m) => m.organisationId)));
    const lists = await Promise.all(this.sources.map((source) => source.calendarEntries(userId, scope)));
    return mergeCalendarEntries(lists, scope.since);
  }

  private urlOf(token: string): string {
    return `${this.config.publicUrl}/api/calendar/${token}.ics`;
  }

  // The user id as associated data: a sealed token copied onto another person does not open.
  private seal(token: string, userId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(userId));
    const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  private unseal(sealed: string, userId: string): string {
    const bytes = Buffer.from(sealed.slice('v1.'.length), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(userId));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  }
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
