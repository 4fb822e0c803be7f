import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuthUser } from '@alliances/api/core';
import { AlliancesReader } from '@alliances/api/alliances';
import { OrganisationsReader } from '@alliances/api/organisations';
import type { CalendarEntry } from '@alliances/shared/contracts';
import { In, MoreThan, Repository } from 'typeorm';
import type * as Y from 'yjs';
import { MeetingEntity } from './meeting.entities';
import { MeetingsService } from './meetings.service';
import { MinutesDocs } from './minutes-live';

/** A meeting as another domain names it (a decision or a document made at a meeting). */
export interface MeetingRef {
  id: string;
  allianceId: string;
  title: string;
  startsAt: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How far back the personal feed goes. */
const FEED_PAST_DAYS = 366;

/**
 * Read access to meetings for other domains (docs/decisions/0012-table-ownership.md): the calendar feed
 * and `.ics` download, decisions and documents checking a meeting, comments anchored in minutes.
 */
@Injectable()
export class MeetingsReader {
  constructor(
    @InjectRepository(MeetingEntity) private readonly meetings: Repository<MeetingEntity>,
    private readonly alliances: AlliancesReader,
    private readonly organisations: OrganisationsReader,
    private readonly service: MeetingsService,
    private readonly docs: MinutesDocs,
  ) {}

  /** The meeting, or undefined for an unknown id. No authorisation: the caller checks the alliance. */
  async meetingOf(meetingId: string): Promise<MeetingRef | undefined> {
    if (!UUID.test(meetingId)) return undefined;
    const row = await this.meetings.findOne({
      where: { id: meetingId },
      select: { id: true, allianceId: true, title: true, startsAt: true },
    });
    return row ? { id: row.id, allianceId: row.allianceId, title: row.title, startsAt: row.startsAt.toISOString() } : undefined;
  }

  /** Titles of these meetings (one statement), e.g. for the actions they produced. */
  async titles(meetingIds: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(meetingIds.filter((id) => UUID.test(id)))];
    if (!ids.length) return new Map();
    const rows = await this.meetings.find({ where: { id: In(ids) }, select: { id: true, title: true } });
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  /**
   * Meetings (cancelled ones flagged) of every alliance where the person has an active seat other than
   * funder, from a year back on: what their personal iCalendar feed lists.
   */
  async calendarEntries(userId: string): Promise<CalendarEntry[]> {
    const seats = await this.alliances.activeSeatsOf(await this.organisations.organisationIdsOf(userId));
    const alliances = new Map(seats.filter((s) => s.role !== 'funder').map((s) => [s.allianceId, s.allianceName]));
    if (!alliances.size) return [];
    const since = new Date(Date.now() - FEED_PAST_DAYS * 86_400_000);
    const rows = await this.meetings.find({
      where: { allianceId: In([...alliances.keys()]), endsAt: MoreThan(since) },
      order: { startsAt: 'ASC' },
    });
    return rows.map((r) => toEntry(r, alliances.get(r.allianceId) ?? ''));
  }

  /** One meeting as a calendar entry, for its `.ics` download: 404 (`meeting.not_found`) for outsiders and funders. */
  async entry(user: AuthUser, meetingId: string): Promise<CalendarEntry> {
    const { meeting, access } = await this.service.scoped(user, meetingId);
    return toEntry(meeting, access.alliance.name);
  }

  /** The minutes' current document (live here or as stored), for comment anchors; undefined before any edit. */
  minutesDoc(meetingId: string): Promise<Y.Doc | undefined> {
    return this.docs.current(meetingId);
  }
}

function toEntry(m: MeetingEntity, allianceName: string): CalendarEntry {
  const agenda = m.agenda.map((a, i) => `${i + 1}. ${a.title}`).join('\n');
  return {
    uid: `meeting-${m.id}@alliances`,
    kind: 'meeting',
    allianceId: m.allianceId,
    allianceName,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    ...(m.location || m.videoUrl ? { location: [m.location, m.videoUrl].filter(Boolean).join(' — ') } : {}),
    ...(agenda ? { description: agenda } : {}),
    link: `/alliances/${m.allianceId}/meetings/${m.id}`,
    updatedAt: m.updatedAt.toISOString(),
    ...(m.status === 'cancelled' ? { cancelled: true } : {}),
  };
}
