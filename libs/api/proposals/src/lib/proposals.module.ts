import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlliancesModule } from '@alliances/api/alliances';
import { IdentityModule } from '@alliances/api/identity';
import { NotificationsModule } from '@alliances/api/notifications';
import { OrganisationsModule } from '@alliances/api/organisations';
import { CatalystsReader } from './catalysts-reader';
import { CatalystsService } from './catalysts.service';
import { ExternalInvitationsService } from './external-invitations.service';
import { OrganisationBlocksService } from './organisation-blocks.service';
import { AllianceExternalInvitationEntity, CatalystTerritoryEntity, OrganisationBlockEntity, ProposalEntity } from './proposal.entity';
import {
  AdminCatalystsController,
  AllianceInvitationPreviewController,
  CatalystsController,
  ExternalInvitationsController,
  OrganisationBlocksController,
  ProposalsController,
} from './proposals.controller';
import { ProposalsService } from './proposals.service';

/** Proposals between organisations, blocks, invitations of organisations not yet on the platform, territorial catalysts. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ProposalEntity, OrganisationBlockEntity, CatalystTerritoryEntity, AllianceExternalInvitationEntity]),
    IdentityModule,
    OrganisationsModule,
    AlliancesModule,
    NotificationsModule,
  ],
  controllers: [
    ProposalsController,
    OrganisationBlocksController,
    ExternalInvitationsController,
    AllianceInvitationPreviewController,
    AdminCatalystsController,
    CatalystsController,
  ],
  providers: [ProposalsService, OrganisationBlocksService, ExternalInvitationsService, CatalystsService, CatalystsReader],
  exports: [ProposalsService, CatalystsReader],
})
export class ProposalsModule {}
