import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AlliancePolicy, AlliancesReader } from '@alliances/api/alliances';
import { LiveDocKinds, LiveDocs, LiveDocStore, LiveRelay } from '@alliances/api/live-docs';
import { MAX_CHARTER_UPDATE_BYTES } from '@alliances/shared/contracts';
import { DataSource } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The minutes' journal and snapshot (one document per meeting) through the shared live-document store.
 * Every append reads its meeting's row FOR SHARE inside the append's transaction: finalising the minutes
 * updates that row after taking the document's exclusive advisory lock, so an edit is either in the
 * frozen text or refused (docs/decisions/0022-live-documents.md).
 */
@Injectable()
export class MinutesStore extends LiveDocStore {
  constructor(@InjectDataSource() dataSource: DataSource, alliances: AlliancesReader) {
    super(dataSource, {
      name: 'minutes',
      updatesTable: 'minutes_updates',
      snapshotsTable: 'minutes_snapshots',
      keyColumn: 'meeting_id',
      extraColumns: ['alliance_id'],
      appendContext: async (manager, meetingId, purpose) => {
        const rows: { alliance_id: string; minutes_status: string }[] = await manager.query(
          `SELECT alliance_id, minutes_status FROM meetings WHERE id = $1${purpose === 'append' ? ' FOR SHARE' : ''}`,
          [meetingId],
        );
        if (!rows[0]) throw new Error(`meeting ${meetingId} not found`);
        if (purpose === 'append' && rows[0].minutes_status !== 'draft') return false;
        // A closed alliance is read-only for everyone, the live minutes too.
        if (purpose === 'append' && (await alliances.leadOf(rows[0].alliance_id))?.status === 'closed') return false;
        return [rows[0].alliance_id];
      },
    });
  }

  /** The advisory lock key of a meeting's minutes, as the store takes it (shared by appends, exclusive for a freeze). */
  lockName(meetingId: string): string {
    return `minutes:${meetingId}`;
  }
}

/** The open minutes of this instance. */
@Injectable()
export class MinutesDocs extends LiveDocs {
  constructor(store: MinutesStore, relay: LiveRelay) {
    super(store, relay);
  }
}

/**
 * Registers the minutes on the `/collab` gateway: `minutes:join { meetingId }`. Leads and partners write
 * while the minutes are a draft; observers read; funders, outsiders and unknown ids get the same refusal.
 */
@Injectable()
export class MinutesLiveKind implements OnModuleInit {
  constructor(
    private readonly kinds: LiveDocKinds,
    private readonly docs: MinutesDocs,
    private readonly policy: AlliancePolicy,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.kinds.register({
      name: 'minutes',
      idField: 'meetingId',
      docs: this.docs,
      maxUpdateBytes: MAX_CHARTER_UPDATE_BYTES,
      authorise: async (user, meetingId) => {
        if (!UUID.test(meetingId)) throw new Error('not found');
        const rows: { alliance_id: string; minutes_status: string }[] = await this.dataSource.query(
          'SELECT alliance_id, minutes_status FROM meetings WHERE id = $1',
          [meetingId],
        );
        if (!rows[0]) throw new Error('not found');
        const access = await this.policy.partnerReadable(user, rows[0].alliance_id);
        return { readOnly: !access.canWriteCharter || rows[0].minutes_status !== 'draft' };
      },
      acquire: (_user, meetingId) => this.docs.acquire(meetingId),
      messages: {
        readOnly: 'These minutes are read-only for you now (observer, or minutes final or approved)',
        tooLarge: `Updates are limited to ${MAX_CHARTER_UPDATE_BYTES} bytes`,
      },
    });
  }
}
