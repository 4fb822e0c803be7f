import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlliancesModule } from '@alliances/api/alliances';
import { IdentityModule } from '@alliances/api/identity';
import { NotificationsModule } from '@alliances/api/notifications';
import { OrganisationsModule } from '@alliances/api/organisations';
import { CharterDocs } from './charter-docs.service';
import { CharterReader } from './charter-reader';
import { CharterRelay } from './charter-relay';
import { CharterStore } from './charter-store.service';
import { CharterController } from './charter.controller';
import { CharterSignatureEntity, CharterSnapshotEntity, CharterUpdateEntity, CharterVersionEntity } from './charter.entities';
import { CharterService } from './charter.service';
import { CollabGateway } from './collab.gateway';

@Module({
  imports: [
    TypeOrmModule.forFeature([CharterUpdateEntity, CharterSnapshotEntity, CharterVersionEntity, CharterSignatureEntity]),
    AlliancesModule,
    IdentityModule,
    NotificationsModule,
    OrganisationsModule,
  ],
  controllers: [CharterController],
  providers: [CharterStore, CharterDocs, CharterRelay, CharterService, CharterReader, CollabGateway],
  exports: [CharterService, CharterReader],
})
export class CharterModule {}
