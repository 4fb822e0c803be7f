import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlliancesModule } from '@alliances/api/alliances';
import { IdentityModule } from '@alliances/api/identity';
import { LiveDocsModule } from '@alliances/api/live-docs';
import { NotificationsModule } from '@alliances/api/notifications';
import { OrganisationsModule } from '@alliances/api/organisations';
import { MEETING_ENTITIES } from './meeting.entities';
import { MeetingsController } from './meetings.controller';
import { MeetingsReader } from './meetings-reader';
import { MeetingsService } from './meetings.service';
import { MinutesDocs, MinutesLiveKind, MinutesStore } from './minutes-live';

@Module({
  imports: [
    TypeOrmModule.forFeature(MEETING_ENTITIES),
    AlliancesModule,
    IdentityModule,
    OrganisationsModule,
    LiveDocsModule,
    NotificationsModule,
  ],
  controllers: [MeetingsController],
  providers: [MeetingsService, MeetingsReader, MinutesStore, MinutesDocs, MinutesLiveKind],
  exports: [MeetingsReader],
})
export class MeetingsModule {}
