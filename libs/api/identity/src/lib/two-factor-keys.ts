import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The keys of two-step sign-in (docs/decisions/0017), derived with HKDF-SHA-256 from one secret of the
 * configuration (TOTP_ENCRYPTION_KEY, else JWT_SECRET): one encrypts the TOTP secrets at rest
 * (AES-256-GCM), the other keys the recovery codes' hashes (HMAC-SHA-256).
 */
export class TwoFactorKeys {
  private readonly encryptionKey: Buffer;
  private readonly recoveryKey: Buffer;

  constructor(material: string) {
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', material, 'alliances.two-factor', info, 32));
    this.encryptionKey = derive('totp-secret-encryption');
    this.recoveryKey = derive('recovery-code-hash');
  }

  // The user id as associated data: a ciphertext copied onto another account does not decrypt.
  encrypt(plain: string, userId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    cipher.setAAD(Buffer.from(userId));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  decrypt(stored: string, userId: string): string {
    const bytes = Buffer.from(stored.slice('v1.'.length), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(userId));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  }

  // A keyed hash: a stolen database alone does not let anyone try the 2^50 codes offline.
  recoveryHash(code: string): string {
    return createHmac('sha256', this.recoveryKey).update(normaliseRecoveryCode(code)).digest('hex');
  }
}

/** Lower case, no separators, and the letters Crockford's base32 reads as digits. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '').replace(/o/g, '0').replace(/[il]/g, '1');
}
