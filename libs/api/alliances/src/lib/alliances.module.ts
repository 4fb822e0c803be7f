import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '@alliances/api/organisations';
import { AllianceEntity, AllianceMemberEntity } from './alliance.entity';
import { AlliancePolicy } from './alliance.policy';
import { AlliancesController } from './alliances.controller';
import { AlliancesService } from './alliances.service';

@Module({
  imports: [TypeOrmModule.forFeature([AllianceEntity, AllianceMemberEntity]), OrganisationsModule],
  controllers: [AlliancesController],
  providers: [AlliancesService, AlliancePolicy],
  exports: [AlliancesService, AlliancePolicy],
})
export class AlliancesModule {}
