import { formatMoney, share, sumByCurrency } from './money';

describe('money', () => {
  it('reads as a French or English reader writes it, cents only when there are some', () => {
    expect(formatMoney(50_000, 'EUR', 'fr').replace(/\s/g, ' ')).toBe('50 000 €');
    expect(formatMoney(1234.5, 'EUR', 'fr').replace(/\s/g, ' ')).toBe('1 234,50 €');
    expect(formatMoney(50_000, 'EUR', 'en')).toBe('€50,000');
  });

  it('sums per currency, euros first', () => {
    expect(
      sumByCurrency([
        { amount: 0.1, currency: 'CHF' },
        { amount: 0.2, currency: 'EUR' },
        { amount: 0.1, currency: 'EUR' },
      ]),
    ).toEqual([
      { currency: 'EUR', amount: 0.3 },
      { currency: 'CHF', amount: 0.1 },
    ]);
  });

  it('gives the paid share, zero when nothing is committed', () => {
    expect(share(20_000, 50_000)).toBe(40);
    expect(share(0, 0)).toBe(0);
  });
});
