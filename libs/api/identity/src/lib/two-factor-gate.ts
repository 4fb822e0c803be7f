import { Injectable } from '@nestjs/common';
import type { AccountSecurity, MfaChallengeResponse, SignInMethod } from '@alliances/shared/contracts';
import type { SignInContext } from './sign-in.service';
import { TwoFactorService } from './two-factor.service';
import type { UserEntity } from './user.entity';

/**
 * Where two-step sign-in meets the sign-in paths (password, password reset, single sign-on): a
 * challenge when the account has TOTP on, and the restricted session of a person whom a rule
 * (platform administrator, organisation) obliges to set it up.
 */
@Injectable()
export class TwoFactorGate {
  constructor(private readonly twoFactor: TwoFactorService) {}

  /** A second-step challenge when the account has two-step sign-in on; null to open the session at once. */
  challengeFor(user: UserEntity, context: SignInContext, method: SignInMethod): Promise<MfaChallengeResponse | null> {
    return this.twoFactor.challengeFor(user.id, context, method);
  }

  /** A rule requires two-step sign-in of this person and it is not set up: the session is restricted to setting it up. */
  async setupRequired(userId: string): Promise<boolean> {
    if (await this.twoFactor.enabled(userId)) return false;
    return this.twoFactor.required(userId);
  }

  /** What the account page and the RGPD export show of the person's two-step sign-in (never a secret). */
  status(userId: string): Promise<AccountSecurity['twoFactor']> {
    return this.twoFactor.status(userId);
  }
}
