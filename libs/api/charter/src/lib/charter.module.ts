import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlliancesModule } from '@alliances/api/alliances';
import { IdentityModule } from '@alliances/api/identity';
import { NotificationsModule } from '@alliances/api/notifications';
import { LiveDocsModule } from '@alliances/api/live-docs';
import { OrganisationsModule } from '@alliances/api/organisations';
import { CharterDocs, CharterLiveKind, CharterStore } from './charter-live';
import { CharterReader } from './charter-reader';
import { CharterController } from './charter.controller';
import { CharterSignatureEntity, CharterSnapshotEntity, CharterUpdateEntity, CharterVersionEntity } from './charter.entities';
import { CharterService } from './charter.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([CharterUpdateEntity, CharterSnapshotEntity, CharterVersionEntity, CharterSignatureEntity]),
    AlliancesModule,
    IdentityModule,
    NotificationsModule,
    OrganisationsModule,
    LiveDocsModule,
  ],
  controllers: [CharterController],
  providers: [CharterStore, CharterDocs, CharterLiveKind, CharterService, CharterReader],
  exports: [CharterService, CharterReader],
})
export class CharterModule {}
