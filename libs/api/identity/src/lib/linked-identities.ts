import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@alliances/api/core';
import type { AccountSecurity } from '@alliances/shared/contracts';
import { DataSource } from 'typeorm';

const withoutTrailingSlash = (url: string): string => url.replace(/\/+$/, '');

/**
 * The identities at OpenID Connect providers linked to an account (`oidc_identities`), for the
 * account page and the RGPD export.
 */
@Injectable()
export class LinkedIdentities {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(userId: string): Promise<AccountSecurity['linkedIdentities']> {
    const rows: { issuer: string; email: string | null; linked_at: Date }[] = await this.dataSource.query(
      'SELECT issuer, email, linked_at FROM oidc_identities WHERE user_id = $1 ORDER BY linked_at, id',
      [userId],
    );
    return rows.map((row) => ({
      provider: this.providerName(row.issuer),
      email: row.email,
      linkedAt: new Date(row.linked_at).toISOString(),
    }));
  }

  /** The configured provider by the name on the sign-in button; a former one by its host. */
  private providerName(issuer: string): string {
    const configured = this.config.oidc;
    if (configured && withoutTrailingSlash(configured.issuer) === withoutTrailingSlash(issuer)) return configured.displayName;
    try {
      return new URL(issuer).host;
    } catch {
      return issuer;
    }
  }
}
