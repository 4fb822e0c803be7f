import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule, TwoFactorRules } from '@alliances/api/identity';
import { OrganisationAccountMemberships } from './account-memberships';
import { DirectoryController } from './directory/directory.controller';
import { DirectoryService } from './directory/directory.service';
import { OrganisationLogos } from './organisation-logos';
import { OrganisationHooks } from './organisation-hooks';
import { InvitationEntity } from './invitation.entity';
import { MembershipEntity } from './membership.entity';
import { OrganisationEntity } from './organisation.entity';
import { OrganisationPolicy } from './organisation.policy';
import { OrganisationTwoFactorRules } from './organisation-two-factor-rules';
import { OrganisationsReader } from './organisations-reader';
import {
  AdminOrganisationsController,
  InvitationsController,
  OrganisationsController,
  TerritoriesController,
} from './organisations.controller';
import { OrganisationsService } from './organisations.service';
import { TerritoriesService } from './territories.service';

@Module({
  imports: [TypeOrmModule.forFeature([OrganisationEntity, MembershipEntity, InvitationEntity]), IdentityModule],
  controllers: [OrganisationsController, InvitationsController, AdminOrganisationsController, TerritoriesController, DirectoryController],
  providers: [
    OrganisationsService,
    OrganisationPolicy,
    OrganisationsReader,
    TerritoriesService,
    OrganisationAccountMemberships,
    DirectoryService,
    OrganisationLogos,
    OrganisationHooks,
    // Found by identity's two-step sign-in gate in the application (identity may not import organisations).
    { provide: TwoFactorRules, useClass: OrganisationTwoFactorRules },
  ],
  exports: [
    OrganisationsService,
    OrganisationPolicy,
    OrganisationsReader,
    TerritoriesService,
    OrganisationAccountMemberships,
    OrganisationHooks,
    TwoFactorRules,
  ],
})
export class OrganisationsModule {}
