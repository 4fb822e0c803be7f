import { Pipe, PipeTransform, inject } from '@angular/core';
import { LanguageService } from '../i18n/language.service';

export type DateStyle = 'date' | 'dateTime';

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { day: 'numeric', month: 'long', year: 'numeric' },
  dateTime: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
};
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A date in the interface language ("26 novembre 2026" / "November 26, 2026"), without shipping
 * Angular's locale data: the browser's Intl knows both languages.
 */
@Pipe({ name: 'localDate', pure: false })
export class LocalDatePipe implements PipeTransform {
  private readonly language = inject(LanguageService);

  transform(value: string | Date | null | undefined, style: DateStyle = 'date'): string {
    if (!value) return '';
    const date = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(date.getTime())) return '';
    const locale = this.language.lang() === 'fr' ? 'fr-FR' : 'en-GB';
    const key = `${locale}|${style}`;
    let formatter = formatters.get(key);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat(locale, OPTIONS[style]);
      formatters.set(key, formatter);
    }
    return formatter.format(date);
  }
}
