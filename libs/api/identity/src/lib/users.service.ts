import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { APP_CONFIG, AuditService, DomainException, type AppConfig } from '@alliances/api/core';
import { IdentityErrorCode, type Locale, type User } from '@alliances/shared/contracts';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { PasswordService } from './password.service';
import { UserEntity } from './user.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export function toUser(entity: UserEntity): User {
  return {
    id: entity.id,
    email: entity.email,
    displayName: entity.displayName,
    locale: entity.locale,
    isPlatformAdmin: entity.isPlatformAdmin,
    createdAt: entity.createdAt.toISOString(),
  };
}

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Users');

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** ADMIN_EMAIL / ADMIN_PASSWORD: the platform administrator is created or updated at start-up. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.admin) return;
    const user = await this.upsertPlatformAdmin(this.config.admin.email, this.config.admin.password);
    this.logger.log(`Platform administrator ${user.email} is ready`);
  }

  async upsertPlatformAdmin(email: string, password: string, displayName = 'Administrateur·rice'): Promise<UserEntity> {
    this.passwords.assertAcceptable(password, 'ADMIN_PASSWORD');
    const passwordHash = await this.passwords.hash(password);
    const promote = async (existing: UserEntity) => {
      await this.users.update(existing.id, { passwordHash, isPlatformAdmin: true, disabledAt: null });
      return { ...existing, isPlatformAdmin: true };
    };
    const existing = await this.findByEmail(email);
    if (existing) return promote(existing);
    try {
      const created = await this.users.save(
        this.users.create({ email: normaliseEmail(email), displayName, passwordHash, isPlatformAdmin: true, locale: 'fr' }),
      );
      await this.audit.record({ actorId: null, action: 'user.admin_created', objectType: 'user', objectId: created.id });
      return created;
    } catch (error) {
      // Several instances starting together: another one created the account first; promote it.
      const raced = (error as { driverError?: { code?: string } }).driverError?.code === '23505' ? await this.findByEmail(email) : null;
      if (!raced) throw error;
      return promote(raced);
    }
  }

  async register(input: { email: string; password: string; displayName: string; locale?: Locale }, ip: string | null): Promise<UserEntity> {
    this.passwords.assertAcceptable(input.password);
    const email = normaliseEmail(input.email);
    if (await this.findByEmail(email)) throw new DomainException(IdentityErrorCode.EmailTaken, 'An account already uses this email');
    const passwordHash = await this.passwords.hash(input.password);
    try {
      return await this.users.manager.transaction(async (manager: EntityManager) => {
        const user = await manager.save(
          manager.create(UserEntity, { email, displayName: input.displayName.trim(), passwordHash, locale: input.locale ?? 'fr' }),
        );
        await this.audit.record({ actorId: user.id, action: 'user.registered', objectType: 'user', objectId: user.id, ip }, manager);
        return user;
      });
    } catch (error) {
      // Two registrations racing for one email: the unique index decides.
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23505') {
        throw new DomainException(IdentityErrorCode.EmailTaken, 'An account already uses this email');
      }
      throw error;
    }
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { email: normaliseEmail(email), deletedAt: IsNull() } });
  }

  findWithPassword(email: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email AND u.deletedAt IS NULL', { email: normaliseEmail(email) })
      .getOne();
  }

  findActiveById(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id, deletedAt: IsNull(), disabledAt: IsNull() } });
  }

  /**
   * The active account of an access token, in one query with its session's check: a token whose
   * session (`sid`) was revoked is refused at once. Tokens without a session keep the plain lookup.
   */
  findActiveInSession(id: string, sessionId: string | undefined): Promise<UserEntity | null> {
    if (sessionId === undefined) return this.findActiveById(id);
    if (!UUID.test(sessionId)) return Promise.resolve(null);
    return this.users
      .createQueryBuilder('u')
      .where('u.id = :id AND u.deletedAt IS NULL AND u.disabledAt IS NULL', { id })
      .andWhere('NOT EXISTS (SELECT 1 FROM user_sessions s WHERE s.id = :sessionId AND s.revoked_at IS NOT NULL)', { sessionId })
      .getOne();
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id } });
  }

  async passwordHashOf(id: string): Promise<string | null> {
    const row = await this.users.createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id }).getOne();
    return row?.passwordHash ?? null;
  }

  async update(id: string, changes: { displayName?: string; locale?: Locale }): Promise<UserEntity> {
    const patch: Partial<UserEntity> = {};
    if (changes.displayName !== undefined) patch.displayName = changes.displayName.trim();
    if (changes.locale !== undefined) patch.locale = changes.locale;
    if (Object.keys(patch).length) await this.users.update(id, patch);
    return (await this.findById(id)) as UserEntity;
  }

  touchLogin(id: string): Promise<unknown> {
    return this.users.update(id, { lastLoginAt: new Date() });
  }

  /**
   * RGPD erasure: the person's identity goes (email, name, password); the row stays so that what
   * must remain — comments shown as "former member", signatures as a legal record — keeps its link.
   */
  async anonymise(id: string, manager: EntityManager): Promise<void> {
    // Two-step sign-in goes with the identity it protected.
    for (const table of ['mfa_challenges', 'recovery_codes', 'totp_factors'])
      await manager.query(`DELETE FROM ${table} WHERE user_id = $1`, [id]);
    await manager.update(UserEntity, id, {
      email: `deleted-${id}@deleted.invalid`,
      displayName: '',
      passwordHash: null,
      isPlatformAdmin: false,
      deletedAt: new Date(),
    });
  }
}
