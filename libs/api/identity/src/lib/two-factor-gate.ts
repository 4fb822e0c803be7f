import { Injectable } from '@nestjs/common';
import type { AccountSecurity, MfaChallengeResponse, SignInMethod } from '@alliances/shared/contracts';
import type { SignInContext } from './sign-in.service';
import type { UserEntity } from './user.entity';

/**
 * Where two-step sign-in meets the sign-in paths (password, password reset, single sign-on).
 * Filled by the two-step sign-in work (TOTP, recovery codes, the organisations' rule).
 */
@Injectable()
export class TwoFactorGate {
  /** A second-step challenge when the account has two-step sign-in on; null to open the session at once. */
  async challengeFor(_user: UserEntity, _context: SignInContext, _method: SignInMethod): Promise<MfaChallengeResponse | null> {
    return null;
  }

  /** A rule requires two-step sign-in of this person and it is not set up: the session is restricted to setting it up. */
  async setupRequired(_userId: string): Promise<boolean> {
    return false;
  }

  /** What the account page and the RGPD export show of the person's two-step sign-in (never a secret). */
  async status(_userId: string): Promise<AccountSecurity['twoFactor']> {
    return {
      enabled: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
      required: false,
      requiredBy: { platformAdmin: false, organisations: [] },
    };
  }
}
