import { Pipe, PipeTransform, inject } from '@angular/core';
import { LanguageService } from '@alliances/web/core';

const formatters = new Map<string, Intl.NumberFormat>();

/** An amount of money the way the reader writes it ("50 000 €" / "€50,000"), with cents only when there are some. */
export function formatMoney(amount: number, currency: string, lang: string): string {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  const digits = Number.isInteger(Math.round(amount * 100) / 100) ? 0 : 2;
  const key = `${locale}|${currency}|${digits}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    } catch {
      // A code Intl does not know still reads as a number followed by the code.
      return `${new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount)} ${currency}`;
    }
    formatters.set(key, formatter);
  }
  return formatter.format(amount);
}

/** A decimal in the reader's language ("3,8" / "3.8"). */
export function formatDecimal(value: number, lang: string, digits = 1): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    value,
  );
}

/** Sums amounts per currency (a grant may be in another currency than EUR), EUR first. */
export function sumByCurrency(items: { amount: number; currency: string }[]): { amount: number; currency: string }[] {
  const sums = new Map<string, number>();
  for (const { amount, currency } of items) sums.set(currency, Math.round(((sums.get(currency) ?? 0) + amount) * 100) / 100);
  return [...sums.entries()]
    .map(([currency, amount]) => ({ currency, amount }))
    .sort((a, b) => Number(b.currency === 'EUR') - Number(a.currency === 'EUR') || a.currency.localeCompare(b.currency));
}

/** Share of `part` in `whole` as a whole percentage (0 when nothing is committed). */
export function share(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

@Pipe({ name: 'money', pure: false })
export class MoneyPipe implements PipeTransform {
  private readonly language = inject(LanguageService);

  transform(amount: number | null | undefined, currency = 'EUR'): string {
    return amount === null || amount === undefined ? '' : formatMoney(amount, currency, this.language.lang());
  }
}

/** Sums per currency as one text ("50 000 € + 2 000 CHF"), "0 €" when there is nothing. */
@Pipe({ name: 'moneyList', pure: false })
export class MoneyListPipe implements PipeTransform {
  private readonly language = inject(LanguageService);

  transform(sums: { amount: number; currency: string }[] | null | undefined): string {
    const lang = this.language.lang();
    return sums?.length ? sums.map((s) => formatMoney(s.amount, s.currency, lang)).join(' + ') : formatMoney(0, 'EUR', lang);
  }
}
