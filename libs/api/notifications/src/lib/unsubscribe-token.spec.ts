import { readUnsubscribeToken, unsubscribeKey, unsubscribeToken } from './unsubscribe-token';

const USER = '0b8f6c1e-2f7a-4a57-9d8e-4b0f3c2a1d10';
const OTHER = '7d3e5a90-1c2b-4e8f-a6d7-9b0c1d2e3f40';

describe('notification unsubscribe links', () => {
  const key = unsubscribeKey('a-secret-long-enough-for-the-tests-0123456789');

  it('reads back its own token, for a kind or for every kind', () => {
    expect(readUnsubscribeToken(key, unsubscribeToken(key, USER, 'mention'))).toEqual({ userId: USER, scope: 'mention' });
    expect(readUnsubscribeToken(key, unsubscribeToken(key, USER, 'all'))).toEqual({ userId: USER, scope: 'all' });
  });

  it('refuses a token moved to another person or kind, signed with another secret, or malformed', () => {
    const signature = unsubscribeToken(key, USER, 'mention').split('.')[2];
    const otherKey = unsubscribeKey('another-secret-long-enough-for-the-tests-987654');
    for (const forged of [
      `${OTHER}.mention.${signature}`,
      `${USER}.all.${signature}`,
      unsubscribeToken(otherKey, USER, 'mention'),
      `${USER}.birthday.${signature}`,
      'nonsense',
      '',
      undefined,
    ])
      expect(readUnsubscribeToken(key, forged)).toBeNull();
  });
});
