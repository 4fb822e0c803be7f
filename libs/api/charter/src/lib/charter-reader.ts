import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CharterSectionKey } from '@alliances/shared/contracts';
import { Repository } from 'typeorm';
import type * as Y from 'yjs';
import { CharterDocs, CharterStore } from './charter-live';
import { CharterVersionEntity } from './charter.entities';

/** Read access to the current charter document, for other domains (comment anchors). */
@Injectable()
export class CharterReader {
  constructor(
    private readonly docs: CharterDocs,
    private readonly store: CharterStore,
    @InjectRepository(CharterVersionEntity) private readonly versions: Repository<CharterVersionEntity>,
  ) {}

  /** The markdown of one section of a signed version (the one in force), or null (issue 18: the evaluation rhythm). */
  async sectionOf(allianceId: string, version: number, key: CharterSectionKey): Promise<string | null> {
    const v = await this.versions.findOne({ where: { allianceId, version } });
    return v?.sections.find((s) => s.key === key)?.markdown ?? null;
  }

  async currentDoc(allianceId: string): Promise<Y.Doc | undefined> {
    const live = await this.docs.peek(allianceId);
    if (live) return live.doc;
    return (await this.store.read(allianceId))?.doc;
  }
}
