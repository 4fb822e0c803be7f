import { NOTIFICATION_KINDS, type NotificationType } from '@alliances/shared/contracts';
import { createHmac, timingSafeEqual } from 'node:crypto';

/** What an unsubscribe link turns off: one kind, or every notification mail. */
export type UnsubscribeScope = NotificationType | 'all';

/** The key of the unsubscribe links, derived from the JWT secret for this purpose only: a link is never an access token. */
export function unsubscribeKey(jwtSecret: string): Buffer {
  return createHmac('sha256', jwtSecret).update('notification-unsubscribe').digest();
}

const sign = (key: Buffer, value: string): string => createHmac('sha256', key).update(value).digest('base64url');

/** `<userId>.<kind|all>.<signature>`: verifiable, not guessable, no expiry. */
export function unsubscribeToken(key: Buffer, userId: string, scope: UnsubscribeScope): string {
  return `${userId}.${scope}.${sign(key, `${userId}.${scope}`)}`;
}

/** Who and what a token names, or null for anything this key did not sign. */
export function readUnsubscribeToken(key: Buffer, token: string | undefined): { userId: string; scope: UnsubscribeScope } | null {
  const parts = (token ?? '').split('.');
  if (parts.length !== 3) return null;
  const [userId, scope, signature] = parts;
  const expected = Buffer.from(sign(key, `${userId}.${scope}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (scope !== 'all' && !(NOTIFICATION_KINDS as readonly string[]).includes(scope)) return null;
  return { userId, scope: scope as UnsubscribeScope };
}
