import type { CalendarEntry, CalendarEntryKind } from '@alliances/shared/contracts';
import * as ics from 'ics';
import { createEvents, type DateArray, type EventAttributes } from 'ics';

export interface ICalendarOptions {
  /** The calendar's name (X-WR-CALNAME), e.g. "Alliances — Camille". */
  name: string;
  /** PUBLIC_URL without a trailing slash: entries' links become absolute against it. */
  publicUrl: string;
  locale: 'fr' | 'en';
  /** DTSTAMP of entries without `updatedAt`; a fixed value keeps the text (and its ETag) stable. */
  now?: Date;
}

const KIND_LABELS: Record<'fr' | 'en', Record<CalendarEntryKind, string>> = {
  fr: {
    meeting: '',
    milestone: 'Jalon',
    report_due: 'Rapport à remettre',
    evaluation_closing: 'Clôture de l’évaluation',
    action: 'Action',
  },
  en: { meeting: '', milestone: 'Milestone', report_due: 'Report due', evaluation_closing: 'Evaluation closes', action: 'Action' },
};

/**
 * `ics` refuses the whole calendar when an event's URL misses its own pattern (a port of one digit, as the
 * `http://localhost:0` PUBLIC_URL derived from PORT=0, or a host name with an underscore): such a URL is left
 * out of URL, the link staying in the description. (`isValidURL` is exported at runtime but not in the typings.)
 */
const urlAccepted: (url: string) => boolean = (ics as unknown as { isValidURL?: (url: string) => boolean }).isValidURL ?? (() => true);

/** SEQUENCE counts seconds from this instant: it grows with every change and stays a small integer. */
const SEQUENCE_EPOCH = Date.UTC(2025, 0, 1);
const PRODUCT_ID = '-//Alliances//Calendar//FR';

/**
 * Entries as one RFC 5545 calendar (CRLF lines, text escaped, lines folded at 75 octets). Used by the
 * personal feed and by a meeting's `.ics` download. The `ics` package builds and escapes the events;
 * its lines are folded again here by octets, as it folds by characters (an accented title would
 * exceed 75 octets).
 */
/**
 * People's text (titles, places, descriptions) without control characters: `ics` escapes line feeds but
 * not a lone carriage return, which lenient calendar parsers read as a line break (a forged property).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/g;
function withoutControlCharacters(entry: CalendarEntry): CalendarEntry {
  const clean = (text: string | undefined) => text?.replace(/\r\n?/g, '\n').replace(CONTROL, ' ');
  return {
    ...entry,
    title: clean(entry.title) ?? '',
    allianceName: clean(entry.allianceName) ?? '',
    location: clean(entry.location),
    description: clean(entry.description),
  };
}

export function toICalendar(entries: CalendarEntry[], options: ICalendarOptions): string {
  const labels = KIND_LABELS[options.locale];
  const base = options.publicUrl.replace(/\/+$/, '');
  const events = entries.map((raw): EventAttributes => {
    const entry = withoutControlCharacters(raw);
    const url = /^https?:\/\//.test(entry.link) ? entry.link : `${base}${entry.link.startsWith('/') ? '' : '/'}${entry.link}`;
    const label = labels[entry.kind];
    const updated = entry.updatedAt ? Date.parse(entry.updatedAt) : undefined;
    const common = {
      uid: entry.uid,
      title: label ? `${label}${options.locale === 'fr' ? ' : ' : ': '}${entry.title}` : entry.title,
      description: [entry.allianceName, entry.description, url].filter((part) => !!part).join('\n\n'),
      ...(urlAccepted(url) ? { url } : {}),
      ...(entry.location ? { location: entry.location } : {}),
      status: entry.cancelled ? ('CANCELLED' as const) : ('CONFIRMED' as const),
      timestamp: updated ?? (options.now ?? new Date()).getTime(),
      ...(updated !== undefined
        ? { lastModified: updated, sequence: Math.max(0, Math.floor((updated - SEQUENCE_EPOCH) / 1000)) }
        : { sequence: 0 }),
      productId: PRODUCT_ID,
    };
    if (entry.date) {
      const start = dayOf(entry.date);
      const next = new Date(Date.UTC(start[0], start[1] - 1, start[2] + 1));
      return { ...common, start, end: [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()] };
    }
    if (!entry.startsAt) throw new Error(`Calendar entry ${entry.uid} has neither a date nor a start`);
    const timed = { startInputType: 'utc' as const, startOutputType: 'utc' as const, start: Date.parse(entry.startsAt) };
    return entry.endsAt
      ? { ...common, ...timed, end: Date.parse(entry.endsAt), endInputType: 'utc', endOutputType: 'utc' }
      : // An instant (an evaluation's closing): DTSTART alone, which RFC 5545 allows; the typings insist on an end.
        ({ ...common, ...timed } as unknown as EventAttributes);
  });
  const { error, value } = createEvents(events, { calName: options.name, productId: PRODUCT_ID, method: 'PUBLISH' });
  // `ics` reports a refused value (e.g. an address it does not take as a URL) as a plain object: an Error
  // keeps the failure a logged 500 with its reason instead of a reply Fastify cannot serialise.
  if (error || !value) throw new Error(`iCalendar generation failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
  return foldLines(value);
}

function dayOf(date: string): DateArray {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return [y, m, d];
}

/** Unfolds, then folds every content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
export function foldLines(text: string): string {
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // The first line holds 75 octets; each continuation starts with a space, so 74 more.
    if (octets + size > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
