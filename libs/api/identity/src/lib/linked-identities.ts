import { Injectable } from '@nestjs/common';
import type { AccountSecurity } from '@alliances/shared/contracts';

/**
 * The identities at OpenID Connect providers linked to an account, for the account page and the RGPD
 * export. Filled by the single sign-on work.
 */
@Injectable()
export class LinkedIdentities {
  async list(_userId: string): Promise<AccountSecurity['linkedIdentities']> {
    return [];
  }
}
