import { normaliseRecoveryCode, TwoFactorKeys } from './two-factor-keys';

describe('TwoFactorKeys', () => {
  it('normalises recovery codes as typed from paper', () => {
    expect(normaliseRecoveryCode(' AB3DE-fg4hj ')).toBe('ab3defg4hj');
    expect(normaliseRecoveryCode('o0Il1-xxxxx')).toBe('00111xxxxx');
  });

  it('encrypts a TOTP secret for one account only, under the key of its configuration', () => {
    const keys = new TwoFactorKeys('j'.repeat(40));
    const stored = keys.encrypt('JBSWY3DPEHPK3PXP', 'user-1');
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain('JBSWY3DPEHPK3PXP');
    expect(keys.decrypt(stored, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
    expect(new TwoFactorKeys('j'.repeat(40)).decrypt(stored, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
    expect(keys.encrypt('JBSWY3DPEHPK3PXP', 'user-1')).not.toBe(stored);
    expect(() => keys.decrypt(stored, 'user-2')).toThrow();
    expect(() => new TwoFactorKeys('k'.repeat(40)).decrypt(stored, 'user-1')).toThrow();
  });

  it('hashes recovery codes normalised, under a key of its own', () => {
    const keys = new TwoFactorKeys('j'.repeat(40));
    expect(keys.recoveryHash('AB3DE-FG4HJ')).toMatch(/^[0-9a-f]{64}$/);
    expect(keys.recoveryHash('AB3DE-FG4HJ')).toBe(keys.recoveryHash('ab3de fg4hj'));
    expect(keys.recoveryHash('ab3defg4hj')).not.toBe(new TwoFactorKeys('x'.repeat(40)).recoveryHash('ab3defg4hj'));
  });
});
