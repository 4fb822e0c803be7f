import { Injectable } from '@nestjs/common';
import { DomainException } from '@alliances/api/core';
import { CommentsReader } from '@alliances/api/comments';
import { GrantReportsReader } from '@alliances/api/funding';
import { MeetingsReader } from '@alliances/api/meetings';
import type { DocumentTarget } from '@alliances/shared/contracts';

/**
 * Checks that a document's target belongs to the alliance, each through its owning domain's reader
 * (docs/decisions/0012-table-ownership.md). An unknown target, or another alliance's, is a 400.
 */
@Injectable()
export class DocumentTargets {
  constructor(
    private readonly reports: GrantReportsReader,
    private readonly comments: CommentsReader,
    private readonly meetings: MeetingsReader,
  ) {}

  async check(allianceId: string, target: DocumentTarget): Promise<void> {
    const owner = await this.allianceOf(target);
    if (owner !== allianceId)
      throw new DomainException('document.unknown_target', 'The document is attached to something that is not in this alliance', [
        { field: 'targetId', messages: ['no such object in this alliance'], codes: ['unknownTarget'] },
      ]);
  }

  private async allianceOf(target: DocumentTarget): Promise<string | undefined> {
    switch (target.type) {
      case 'alliance':
        return target.id;
      case 'grant_report':
        return (await this.reports.reportOf(target.id))?.allianceId;
      case 'comment':
        return (await this.comments.commentOf(target.id))?.allianceId;
      case 'meeting':
        return (await this.meetings.meetingOf(target.id))?.allianceId;
    }
  }
}
