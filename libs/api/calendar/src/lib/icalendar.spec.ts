import type { CalendarEntry } from '@alliances/shared/contracts';
import { foldLines, toICalendar } from './icalendar';

const options = { name: 'Alliances — mon agenda', publicUrl: 'https://alliances.example.org/', locale: 'fr' as const };

const milestone: CalendarEntry = {
  uid: 'milestone-1@alliances',
  kind: 'milestone',
  allianceId: 'a1',
  allianceName: 'Alliance du Rhône',
  title: 'Premier bilan',
  date: '2026-12-31',
  link: '/alliances/a1/objectives',
  updatedAt: '2026-11-01T10:00:00.000Z',
};
const meeting: CalendarEntry = {
  uid: 'meeting-2@alliances',
  kind: 'meeting',
  allianceId: 'a1',
  allianceName: 'Alliance du Rhône',
  title: 'Comité de pilotage',
  startsAt: '2026-12-10T09:30:00.000Z',
  endsAt: '2026-12-10T11:00:00.000Z',
  location: 'Salle 2, Lyon',
  link: '/alliances/a1/meetings/2',
  updatedAt: '2026-11-02T10:00:00.000Z',
};

/** The content lines, unfolded, of the event with this UID. */
function eventOf(text: string, uid: string): string[] {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const start = lines.indexOf(`UID:${uid}`);
  return lines.slice(lines.lastIndexOf('BEGIN:VEVENT', start), lines.indexOf('END:VEVENT', start) + 1);
}

describe('toICalendar', () => {
  it('leaves out a URL the ics package refuses (PUBLIC_URL on port 0) rather than failing, the link staying in the description', () => {
    const text = toICalendar([milestone, meeting], { ...options, publicUrl: 'http://localhost:0' });
    const event = eventOf(text, meeting.uid);
    expect(event.some((line) => line.startsWith('URL'))).toBe(false);
    expect(event.join('\n')).toContain('http://localhost:0/alliances/a1/meetings/2');
    expect(eventOf(text, milestone.uid)).toContain('DTSTART;VALUE=DATE:20261231');
    expect(eventOf(toICalendar([meeting], options), meeting.uid)).toContain('URL:https://alliances.example.org/alliances/a1/meetings/2');
  });

  it('writes a calendar with its name, CRLF lines and one event per entry', () => {
    const text = toICalendar([milestone, meeting], options);
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain('X-WR-CALNAME:Alliances — mon agenda');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('writes an all-day entry as a DATE from the day to the next', () => {
    const event = eventOf(toICalendar([milestone], options), milestone.uid);
    expect(event).toContain('DTSTART;VALUE=DATE:20261231');
    expect(event).toContain('DTEND;VALUE=DATE:20270101');
    expect(event).toContain('SUMMARY:Jalon : Premier bilan');
  });

  it('writes a timed entry in UTC, with its place and absolute link', () => {
    const event = eventOf(toICalendar([meeting], options), meeting.uid);
    expect(event).toContain('DTSTART:20261210T093000Z');
    expect(event).toContain('DTEND:20261210T110000Z');
    expect(event).toContain('LOCATION:Salle 2\\, Lyon');
    expect(event).toContain('URL:https://alliances.example.org/alliances/a1/meetings/2');
    expect(event).toContain('SUMMARY:Comité de pilotage');
    expect(event).toContain('STATUS:CONFIRMED');
  });

  it('labels entries in English for an English reader', () => {
    const event = eventOf(toICalendar([{ ...milestone, kind: 'report_due' }], { ...options, locale: 'en' }), milestone.uid);
    expect(event).toContain('SUMMARY:Report due: Premier bilan');
  });

  it('escapes commas, semicolons, backslashes and newlines in text', () => {
    const event = eventOf(toICalendar([{ ...meeting, title: 'Ordre du jour; budget, suite\nfin \\ point' }], options), meeting.uid);
    expect(event).toContain('SUMMARY:Ordre du jour\\; budget\\, suite\\nfin \\\\ point');
  });

  it('never lets a lone carriage return or another control character start a forged property', () => {
    const forged = {
      ...meeting,
      title: 'Comité\rATTENDEE:mailto:x@evil.test',
      location: 'Salle\u0000 2\r\nORGANIZER:x',
      description: 'a\u000bb',
    };
    const text = toICalendar([forged], options);
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\u0000\u000b]/);
    const event = eventOf(text, meeting.uid);
    expect(event.some((line) => line.startsWith('ATTENDEE') || line.startsWith('ORGANIZER'))).toBe(false);
    expect(event).toContain('SUMMARY:Comité\\nATTENDEE:mailto:x@evil.test');
  });

  it('folds lines longer than 75 octets without cutting a character', () => {
    const text = toICalendar([{ ...meeting, title: 'é'.repeat(120), description: 'x'.repeat(300) }], options);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text).not.toContain('\uFFFD');
    expect(eventOf(text, meeting.uid)).toContain(`SUMMARY:${'é'.repeat(120)}`);
  });

  it('marks a cancelled entry CANCELLED', () => {
    expect(eventOf(toICalendar([{ ...meeting, cancelled: true }], options), meeting.uid)).toContain('STATUS:CANCELLED');
  });

  it('keeps the UID and grows the SEQUENCE when the entry changes', () => {
    const before = eventOf(toICalendar([meeting], options), meeting.uid);
    const after = eventOf(toICalendar([{ ...meeting, updatedAt: '2026-11-03T10:00:00.000Z' }], options), meeting.uid);
    expect(before).toContain('UID:meeting-2@alliances');
    expect(after).toContain('UID:meeting-2@alliances');
    const sequence = (event: string[]) => Number(event.find((l) => l.startsWith('SEQUENCE:'))?.slice('SEQUENCE:'.length));
    expect(sequence(after)).toBeGreaterThan(sequence(before));
    expect(after).toContain('LAST-MODIFIED:20261103T100000Z');
  });

  it('gives the same text for the same entries (a stable ETag)', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const entry = { ...meeting, updatedAt: undefined };
    expect(toICalendar([entry], { ...options, now })).toBe(toICalendar([entry], { ...options, now }));
  });

  it('writes an empty calendar without events', () => {
    const text = toICalendar([], options);
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).not.toContain('BEGIN:VEVENT');
  });
});

describe('foldLines', () => {
  it('continues a long line with a leading space', () => {
    const folded = foldLines(`DESCRIPTION:${'a'.repeat(100)}\r\n`);
    expect(folded).toBe(`DESCRIPTION:${'a'.repeat(63)}\r\n ${'a'.repeat(37)}\r\n`);
  });
});
