import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AlliancePolicy } from '@alliances/api/alliances';
import { LiveDocKinds, LiveDocs, LiveDocStore, LiveRelay, type LiveDoc, type LoadedLiveDoc } from '@alliances/api/live-docs';
import { MAX_CHARTER_UPDATE_BYTES, type Locale } from '@alliances/shared/contracts';
import { DataSource } from 'typeorm';
import { templateUpdate } from './charter-template';

export type LoadedCharter = LoadedLiveDoc;
export type LiveCharter = LiveDoc;

/** The charter's journal and snapshot (one document per alliance), through the shared live-document store. */
@Injectable()
export class CharterStore extends LiveDocStore {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, { name: 'charter', updatesTable: 'charter_updates', snapshotsTable: 'charter_snapshots', keyColumn: 'alliance_id' });
  }

  /** Loads snapshot + journal; a charter never written gets the default template first. */
  override load(allianceId: string, locale?: Locale | (() => Uint8Array)): Promise<LoadedCharter> {
    return super.load(allianceId, typeof locale === 'function' ? locale : () => templateUpdate(locale ?? 'fr'));
  }
}

/** The open charters of this instance. */
@Injectable()
export class CharterDocs extends LiveDocs {
  constructor(store: CharterStore, relay: LiveRelay) {
    super(store, relay);
  }
}

/** Registers the charter on the `/collab` gateway: `charter:join { allianceId }`; observers read; funders are refused. */
@Injectable()
export class CharterLiveKind implements OnModuleInit {
  constructor(
    private readonly kinds: LiveDocKinds,
    private readonly docs: CharterDocs,
    private readonly policy: AlliancePolicy,
  ) {}

  onModuleInit(): void {
    this.kinds.register({
      name: 'charter',
      idField: 'allianceId',
      docs: this.docs,
      maxUpdateBytes: MAX_CHARTER_UPDATE_BYTES,
      // The live draft is the partners' work: a funder reads the version in force over REST instead.
      authorise: async (user, allianceId) => ({ readOnly: !(await this.policy.partnerReadable(user, allianceId)).canWriteCharter }),
      acquire: (user, allianceId) => this.docs.acquire(allianceId, () => templateUpdate(user.locale)),
      messages: {
        readOnly: 'Observers read the charter; they cannot edit it',
        tooLarge: `Updates are limited to ${MAX_CHARTER_UPDATE_BYTES} bytes`,
      },
    });
  }
}
