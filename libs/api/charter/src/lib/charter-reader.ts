import { Injectable } from '@nestjs/common';
import type * as Y from 'yjs';
import { CharterDocs, CharterStore } from './charter-live';

/** Read access to the current charter document, for other domains (comment anchors). */
@Injectable()
export class CharterReader {
  constructor(
    private readonly docs: CharterDocs,
    private readonly store: CharterStore,
  ) {}

  async currentDoc(allianceId: string): Promise<Y.Doc | undefined> {
    const live = await this.docs.peek(allianceId);
    if (live) return live.doc;
    return (await this.store.read(allianceId))?.doc;
  }
}
