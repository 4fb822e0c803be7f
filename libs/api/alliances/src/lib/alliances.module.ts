import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@alliances/api/identity';
import { OrganisationsModule } from '@alliances/api/organisations';
import { AllianceEntity, AllianceMemberEntity } from './alliance.entity';
import { AllianceLifecycle } from './alliance-lifecycle';
import { AlliancePolicy } from './alliance.policy';
import { AlliancesController } from './alliances.controller';
import { AlliancesReader } from './alliances-reader';
import { AlliancesService } from './alliances.service';

@Module({
  imports: [TypeOrmModule.forFeature([AllianceEntity, AllianceMemberEntity]), OrganisationsModule, IdentityModule],
  controllers: [AlliancesController],
  providers: [AlliancesService, AlliancePolicy, AllianceLifecycle, AlliancesReader],
  exports: [AlliancesService, AlliancePolicy, AllianceLifecycle, AlliancesReader],
})
export class AlliancesModule {}
