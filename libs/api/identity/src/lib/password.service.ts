import { Algorithm, hash, verify } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';
import { InvalidInputException } from '@alliances/api/core';
import { IdentityErrorCode, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@alliances/shared/contracts';
import { COMMON_PASSWORDS } from './common-passwords';

/** OWASP Password Storage Cheat Sheet, argon2id: m=19 MiB, t=2, p=1. */
export const ARGON2_OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordService {
  /** A hash of nothing anyone knows, verified when the account does not exist so timing reveals nothing. */
  private readonly decoy = hash('decoy password that matches nothing', ARGON2_OPTIONS);

  assertAcceptable(password: string, field = 'password'): void {
    if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
      throw new InvalidInputException([
        {
          field,
          messages: [`password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long`],
          codes: [IdentityErrorCode.WeakPassword],
        },
      ]);
    }
    const lowered = password.toLowerCase();
    if (COMMON_PASSWORDS.has(lowered) || /^(.)\1+$/.test(password)) {
      throw new InvalidInputException([{ field, messages: ['this password is too common'], codes: [IdentityErrorCode.CommonPassword] }]);
    }
  }

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  async verify(passwordHash: string | null | undefined, password: string): Promise<boolean> {
    if (!passwordHash) {
      await verify(await this.decoy, password).catch(() => false);
      return false;
    }
    return verify(passwordHash, password).catch(() => false);
  }
}
