import type { AuditEntry, Page } from '@alliances/shared/contracts';

/** Instants in milliseconds: entries at or after `from` and strictly before `until`. */
export interface AuditRange {
  from: number | null;
  until: number | null;
}

/** Page size without a date range (what one screen shows), and while scanning for one. */
const SCREEN = 50;
const SCAN = 200;
/** Pages read per request for more: beyond that the person asks again, so a far-off range never freezes the page. */
const MAX_PAGES = 10;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function localDay(value: string | null | undefined, plusDays = 0): number | null {
  const m = value ? DAY.exec(value) : null;
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays).getTime() : null;
}

/** From the start of the first day to the end of the last, in the browser's time zone (both optional). */
export function dayRange(from: string | null | undefined, to: string | null | undefined): AuditRange {
  return { from: localDay(from), until: localDay(to, 1) };
}

/**
 * Reads the log newest first from `cursor` and keeps the entries inside `range`: entries newer than the
 * range are skipped, and the first entry older than it ends the log. Without a range this is one page.
 * Returns at least a screenful when the log has it, or what `MAX_PAGES` pages held (with a cursor to go on).
 */
export async function auditPageInRange(
  fetchPage: (cursor: string | null | undefined, limit: number) => Promise<Page<AuditEntry>>,
  range: AuditRange,
  cursor?: string | null,
): Promise<Page<AuditEntry>> {
  if (range.from === null && range.until === null) return fetchPage(cursor, SCREEN);
  const items: AuditEntry[] = [];
  let next = cursor ?? null;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await fetchPage(next, SCAN);
    for (const entry of page.items) {
      const at = Date.parse(entry.at);
      if (range.until !== null && at >= range.until) continue;
      if (range.from !== null && at < range.from) return { items, nextCursor: null };
      items.push(entry);
    }
    next = page.nextCursor;
    if (!next || items.length >= SCREEN) break;
  }
  return { items, nextCursor: next };
}
